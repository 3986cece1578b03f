"use client";

import { useState, useTransition } from "react";
import { BusyButton } from "@/components/site/busy-button-client";
import { useRouter } from "next/navigation";
import { removeKeptEventsAction } from "@/lib/studio/actions/events";
import type { ActionResult } from "@/lib/studio/forms";
import { FormMessage } from "./fields";
import { countOf } from "@/lib/text/count";

/**
 * Events kept from a Spektrix client the site no longer uses (after a connection switch): hidden from visitors
 * and left alone by the sync until the editor removes them here, or switches back.
 */
export function ParkedEventsNotice({ kept }: { kept: { client: string; events: number }[] }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState<string | null>(null);
  const [result, setResult] = useState<ActionResult | null>(null);
  const [pending, start] = useTransition();
  if (!kept.length) return result ? <FormMessage result={result} /> : null;
  return (
    <section
      aria-labelledby="kept-events"
      className="grid gap-3 rounded-[var(--radius-card)] border border-line bg-paper-deep p-4"
      data-testid="kept-events"
    >
      <h2 id="kept-events" className="text-lg font-semibold">
        Events kept from a previous connection
      </h2>
      {kept.map(({ client, events }) => (
        <div key={client} className="flex flex-wrap items-center gap-3 text-sm">
          <p className="min-w-0 flex-1 basis-80">
            {countOf(events, "event")} from the Spektrix client <strong>{client}</strong>, which the site no longer
            uses. Visitors don’t see them and the sync leaves them alone; they come back if you switch the connection
            back to {client}.
          </p>
          {confirming === client ? (
            <span className="flex gap-2">
              <BusyButton
                className="btn btn-primary !py-1.5 text-sm"
                busy={pending}
                onClick={() =>
                  start(async () => {
                    setResult(await removeKeptEventsAction(client));
                    setConfirming(null);
                    router.refresh();
                  })
                }
              >
                {pending ? "Removing…" : `Yes, remove ${events}`}
              </BusyButton>
              <button type="button" className="btn btn-ghost !py-1.5 text-sm" onClick={() => setConfirming(null)}>
                Keep them
              </button>
            </span>
          ) : (
            <button
              type="button"
              className="btn btn-ghost !py-1.5 text-sm text-brand"
              onClick={() => setConfirming(client)}
            >
              Remove them…
            </button>
          )}
        </div>
      ))}
      {result ? <FormMessage result={result} /> : null}
    </section>
  );
}
