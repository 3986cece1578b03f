"use client";

import { useRouter } from "next/navigation";
import { BusyButton } from "@/components/site/busy-button-client";
import { useState } from "react";
import { routes } from "@/lib/routes";

interface Progress {
  phase: string;
  done?: number;
  total?: number;
}
interface Skipped {
  kind: "event" | "performance";
  id: string;
  name: string | null;
  reason: string;
}
interface Summary {
  status: string;
  skipped?: Skipped[];
  counts: { created: number; updated: number; unchanged: number; missing: number; skipped: number };
  errors: string[];
  abortReason: string | null;
  durationMs: number;
}

/** "Sync now": posts to /api/studio/sync and shows its streamed progress, then the run's counts. */
export function SyncNow({ eventId, label = "Sync now" }: { eventId?: string; label?: string }) {
  const router = useRouter();
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [skipped, setSkipped] = useState<Skipped[]>([]);

  async function run(force = false) {
    setRunning(true);
    setResult(null);
    setSkipped([]);
    setProgress({ phase: "starting" });
    try {
      const res = await fetch(routes.api.studioSync, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ ...(eventId ? { eventId } : {}), ...(force ? { force: true } : {}) }),
      });
      if (!res.ok || !res.body) {
        const body = (await res.json().catch(() => ({}))) as { message?: string };
        setResult({
          ok: false,
          text:
            body.message ??
            (res.status === 403
              ? "Your studio session has ended; sign in again."
              : `The sync could not start (${res.status}).`),
        });
        return;
      }
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        const lines = buffer.split("\n");
        buffer = lines.pop() ?? "";
        for (const line of lines) {
          if (!line.trim()) continue;
          const msg = JSON.parse(line) as { progress?: Progress; summary?: Summary; error?: string; message?: string };
          if (msg.progress) setProgress(msg.progress);
          if (msg.error) setResult({ ok: false, text: msg.message ?? "The sync failed." });
          if (msg.summary) {
            const s = msg.summary;
            const c = s.counts;
            const counts = `${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged, ${c.missing} missing, ${c.skipped} skipped`;
            setSkipped(s.skipped ?? []);
            setResult(
              s.status === "succeeded"
                ? { ok: true, text: `Sync finished in ${(s.durationMs / 1000).toFixed(1)} s: ${counts}.` }
                : s.status === "already-running"
                  ? { ok: false, text: "A sync is already running. Wait for it to finish." }
                  : { ok: false, text: `Sync ${s.status}: ${s.abortReason ?? s.errors[0] ?? "see the history"}.` },
            );
          }
        }
      }
    } catch {
      setResult({ ok: false, text: "Lost contact with the studio server during the sync." });
    } finally {
      setRunning(false);
      setProgress(null);
      router.refresh();
    }
  }

  const pct = progress?.total ? Math.round(((progress.done ?? 0) / progress.total) * 100) : undefined;
  return (
    <section aria-label={label} className="rounded-[var(--radius-card)] border border-line bg-white p-6">
      <div className="flex flex-wrap items-center gap-3">
        <BusyButton className="btn btn-primary" onClick={() => run()} busy={running}>
          {running ? "Syncing…" : label}
        </BusyButton>
        {result && !result.ok && /abort|guard|vanish|empty/i.test(result.text) ? (
          <BusyButton className="btn btn-ghost text-brand" onClick={() => run(true)} busy={running}>
            I have checked Spektrix: sync anyway
          </BusyButton>
        ) : null}
      </div>
      {running ? (
        <div className="mt-4">
          <p className="text-sm text-ink-soft">
            {progress ? `${progress.phase}${pct !== undefined ? ` ${pct}%` : "…"}` : "…"}
          </p>
          <progress className="mt-1 w-full accent-brand" value={pct} max={100} aria-label="Sync progress" />
        </div>
      ) : null}
      <div role="status" aria-live="polite" className="mt-3" data-testid="sync-result">
        {result ? <p className={result.ok ? "text-success" : "text-danger"}>{result.text}</p> : null}
      </div>
      {skipped.length ? (
        <details className="mt-3 text-sm" data-testid="sync-skipped">
          <summary className="cursor-pointer font-medium">What was skipped, and why</summary>
          <ul className="mt-2 grid gap-1 text-ink-soft">
            {skipped.map((r) => (
              <li key={`${r.kind}:${r.id}`}>
                <span className="text-ink">{r.name ?? `${r.kind === "event" ? "Event" : "Performance"} ${r.id}`}</span>
                {r.kind === "event" ? " and its performances" : ""}: {r.reason}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
