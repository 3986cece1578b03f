"use client";

import { useState, useTransition } from "react";
import { BusyButton } from "@/components/site/busy-button-client";
import { setPerformanceHiddenAction } from "@/lib/studio/actions/events";
import type { ActionResult } from "@/lib/studio/forms";
import { FormMessage } from "./fields";

/** One performance as the studio lists it, formatted by the server. */
export interface StudioPerformance {
  id: number;
  sourceId: string;
  /** "Tue 8 Dec 2026, 7.30pm", in the venue's time zone. */
  when: string;
  /** "Cancelled", "Rescheduled", "Past", "Not in Spektrix's feed": what else an editor should know. */
  notes: string[];
  hidden: boolean;
}

/**
 * An event's performances with a show/hide switch each: how an editor brings back a performance the sync
 * settings hid on arrival, or hides one (a private hire, a dress rehearsal) without touching Spektrix.
 */
export function PerformanceVisibility({
  eventId,
  performances,
}: {
  eventId: number;
  performances: StudioPerformance[];
}) {
  const [hidden, setHidden] = useState(() => new Map(performances.map((p) => [p.id, p.hidden])));
  const [result, setResult] = useState<ActionResult | null>(null);
  const [pending, start] = useTransition();
  if (!performances.length)
    return <p className="text-sm text-ink-soft">No performances of this event have been synced.</p>;
  return (
    <div className="grid gap-3">
      <ul className="divide-y divide-line rounded-[var(--radius-card)] border border-line bg-white">
        {performances.map((p) => {
          const isHidden = hidden.get(p.id) ?? p.hidden;
          return (
            <li
              key={p.id}
              className="flex flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3"
              data-performance={p.sourceId}
            >
              <span className="font-semibold">{p.when}</span>
              <span className="text-sm text-ink-soft">{[isHidden ? "Hidden" : "Shown", ...p.notes].join(" · ")}</span>
              <BusyButton
                className="btn btn-ghost ml-auto !py-1.5 text-sm text-brand"
                busy={pending}
                onClick={() =>
                  start(async () => {
                    const r = await setPerformanceHiddenAction(eventId, p.id, !isHidden);
                    setResult(r);
                    if (r.ok) setHidden((m) => new Map(m).set(p.id, !isHidden));
                  })
                }
              >
                {isHidden ? "Show" : "Hide"}
                <span className="sr-only">{` the performance on ${p.when}`}</span>
              </BusyButton>
            </li>
          );
        })}
      </ul>
      <FormMessage result={result} />
    </div>
  );
}
