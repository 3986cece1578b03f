import type { Metadata } from "next";
import { SyncNow } from "@/components/studio/sync-now-client";
import { getDb } from "@/lib/db";
import { formatAge, formatWhen } from "@/lib/studio/format";
import { requireEditorPage } from "@/lib/studio/guard";
import { getSyncHealth, listSyncRuns, runClient, runSkipped, runWarnings } from "@/lib/sync/status";
import { routes } from "@/lib/routes";
import { siteInfo } from "@/lib/site";

export const metadata: Metadata = { title: "Sync runs" };
export const dynamic = "force-dynamic";

export default async function SyncRunsPage() {
  await requireEditorPage(routes.studio.sync);
  const db = await getDb();
  const [health, runs] = await Promise.all([getSyncHealth(db), listSyncRuns(db, 25)]);
  const latestFullRun = runs.find((r) => r.scope === "full" && r.status === "succeeded");
  const warnings = latestFullRun ? runWarnings(latestFullRun) : [];
  return (
    <div className="grid grid-cols-1 gap-8">
      <header>
        <h1 className="text-4xl font-semibold">Sync runs</h1>
        <p className="mt-2 text-ink-soft">
          Events and performances come from Spektrix on a schedule. Run a sync now, or see what past runs did.
        </p>
      </header>
      <section aria-labelledby="health-h" className="rounded-[var(--radius-card)] border border-line bg-white p-6">
        <h2 id="health-h" className="text-xl font-semibold">
          Health
        </h2>
        <dl className="mt-4 grid grid-cols-1 gap-4 sm:grid-cols-3">
          <div>
            <dt className="text-sm text-ink-soft">Last success</dt>
            <dd className="font-semibold" data-testid="last-success">
              {formatAge(health.lastSuccessAgeSeconds)}
            </dd>
          </div>
          <div>
            <dt className="text-sm text-ink-soft">Missing records</dt>
            <dd className="font-semibold">
              {health.missing.events} events, {health.missing.performances} performances (hidden:{" "}
              {health.disabled.events} / {health.disabled.performances})
            </dd>
          </div>
          <div>
            <dt className="text-sm text-ink-soft">Failed or aborted since last success</dt>
            <dd className={`font-semibold ${health.lastFailure ? "text-danger" : ""}`}>
              {health.lastFailure
                ? `${formatWhen(health.lastFailure.at, siteInfo().timeZone)}: ${health.lastFailure.reason}`
                : "none"}
            </dd>
          </div>
        </dl>
        {health.running ? <p className="mt-3 text-warning">A sync is running now.</p> : null}
        {warnings.map((w) => (
          <p
            key={w}
            role="alert"
            className="mt-3 rounded border border-warning bg-paper p-3"
            data-testid="sync-warning"
          >
            {w}
          </p>
        ))}
      </section>
      <SyncNow />
      <section aria-labelledby="runs-h" className="rounded-[var(--radius-card)] border border-line bg-white p-6">
        <h2 id="runs-h" className="text-xl font-semibold">
          History
        </h2>
        {runs.length === 0 ? (
          <p className="mt-3 text-ink-soft">No runs yet.</p>
        ) : (
          <div className="scroll-x mt-4">
            <table className="w-full text-left text-sm" data-testid="sync-runs">
              <caption className="sr-only">Recent sync runs, newest first</caption>
              <thead>
                <tr className="border-b border-line">
                  {[
                    "Started",
                    "Trigger",
                    "Client",
                    "Scope",
                    "Status",
                    "Created",
                    "Updated",
                    "Unchanged",
                    "Missing",
                    "Skipped",
                    "Errors",
                  ].map((h) => (
                    <th key={h} scope="col" className="py-2 pr-3">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {runs.map((r) => (
                  <tr key={r.id} className="border-b border-line/60 align-top">
                    <td className="py-2 pr-3 whitespace-nowrap">{formatWhen(r.startedAt, siteInfo().timeZone)}</td>
                    <td className="py-2 pr-3">{r.trigger}</td>
                    <td className="py-2 pr-3">{runClient(r) ?? "—"}</td>
                    <td className="py-2 pr-3">{r.scope}</td>
                    <td
                      className={`py-2 pr-3 font-medium ${r.status === "succeeded" ? "text-success" : r.status === "running" ? "" : "text-danger"}`}
                    >
                      {r.status}
                    </td>
                    <td className="py-2 pr-3">{r.created}</td>
                    <td className="py-2 pr-3">{r.updated}</td>
                    <td className="py-2 pr-3">{r.unchanged}</td>
                    <td className="py-2 pr-3">{r.missing}</td>
                    <td className="py-2 pr-3">
                      {runSkipped(r).length ? (
                        <details>
                          <summary>{r.skipped}</summary>
                          <ul className="list-disc pl-4">
                            {runSkipped(r).map((s, i) => (
                              <li key={i}>
                                {s.label}: {s.reason}
                              </li>
                            ))}
                          </ul>
                        </details>
                      ) : (
                        r.skipped
                      )}
                    </td>
                    <td className="py-2 pr-3">
                      {r.abortReason ? <p className="text-danger">{r.abortReason}</p> : null}
                      {r.errors.length ? (
                        <details>
                          <summary>{r.errors.length} error(s)</summary>
                          <ul className="list-disc pl-4">
                            {r.errors.slice(0, 10).map((e, i) => (
                              <li key={i}>{e}</li>
                            ))}
                          </ul>
                        </details>
                      ) : r.abortReason ? null : (
                        "—"
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
