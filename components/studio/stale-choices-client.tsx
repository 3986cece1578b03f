"use client";

import { BusyButton } from "@/components/site/busy-button-client";

/**
 * What an editor can do when someone else saved the same record after they opened it: read the other version (in a
 * new tab, so nothing here is lost) or save this one over it. Shown under the refusal's message.
 */
export function StaleChoices(props: { theirs: string; busy: boolean; keepMine: () => void }) {
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm">
      <a href={props.theirs} target="_blank" rel="noopener" className="text-brand underline">
        Open their version in a new tab
      </a>
      <BusyButton className="btn btn-ghost !py-1 text-danger" busy={props.busy} onClick={props.keepMine}>
        Replace it with mine
      </BusyButton>
    </div>
  );
}
