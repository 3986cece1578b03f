"use client";

import { useState, useTransition } from "react";
import { BusyButton } from "@/components/site/busy-button-client";
import { checkConnectionAction } from "@/lib/studio/actions/connection";
import type { ConnectionReport } from "@/lib/studio/spektrix";
import { formatWhen } from "@/lib/studio/format";

function Line({ ok, title, detail }: { ok: boolean; title: string; detail: string }) {
  return (
    <li className="flex gap-3">
      <span aria-hidden className={`mt-0.5 font-bold ${ok ? "text-success" : "text-danger"}`}>
        {ok ? "✓" : "✕"}
      </span>
      <span>
        <span className="font-semibold">{title}: </span>
        <span className="sr-only">{ok ? "OK. " : "Problem. "}</span>
        {detail}
      </span>
    </li>
  );
}

/** @param timeZone the venue's (`siteInfo().timeZone`): the time reads as the rest of the studio, not the browser's. */
export function ConnectionCheck({ timeZone }: { timeZone: string }) {
  const [report, setReport] = useState<ConnectionReport | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <section aria-labelledby="check-h" className="rounded-[var(--radius-card)] border border-line bg-white p-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h2 id="check-h" className="text-xl font-semibold">
          Check connection
        </h2>
        <BusyButton
          className="btn btn-primary"
          busy={pending}
          onClick={() =>
            start(async () => {
              setMessage(null);
              const r = await checkConnectionAction();
              if (r.ok && r.data) setReport(r.data);
              else setMessage(r.message ?? "The check failed.");
            })
          }
        >
          {pending ? "Checking…" : "Check connection"}
        </BusyButton>
      </div>
      <div role="status" aria-live="polite" className="mt-4">
        {message ? <p className="text-danger">{message}</p> : null}
        {report ? (
          <div data-testid="connection-report">
            <p className="text-sm text-ink-soft">
              Checked {report.target} at {formatWhen(report.checkedAt, timeZone)}.
            </p>
            <ul className="mt-3 grid gap-2">
              <Line ok={report.reachable.ok} title="Reachable" detail={report.reachable.detail} />
              <Line ok={report.signature.ok} title="Owner signature" detail={report.signature.detail} />
              <Line ok={report.timeZone.ok} title="Time zone" detail={report.timeZone.detail} />
            </ul>
            <table className="mt-4 w-full text-left text-sm">
              <caption className="sr-only">Records in each option list</caption>
              <thead>
                <tr className="border-b border-line">
                  <th scope="col" className="py-2">
                    Option list
                  </th>
                  <th scope="col" className="py-2">
                    Records
                  </th>
                  <th scope="col" className="py-2">
                    Notes
                  </th>
                </tr>
              </thead>
              <tbody>
                {report.lists.map((l) => (
                  <tr key={l.kind} className="border-b border-line/60" data-list={l.kind}>
                    <th scope="row" className="py-2 font-medium capitalize">
                      {l.label}
                    </th>
                    <td className={`py-2 ${l.ok ? "" : "text-danger"}`}>{l.ok ? l.count : "failed"}</td>
                    <td className="py-2 text-ink-soft">{l.detail}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </div>
    </section>
  );
}
