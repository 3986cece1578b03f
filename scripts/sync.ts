/**
 * npm run sync [-- --event <id>] [--force] [--rebased-starts] [--local | --remote] [--json]
 *
 * --rebased-starts: the catalogue was re-dated as a whole (a copied test system), so changed starts are taken
 * without marking performances rescheduled (docs/adr/0014).
 *
 * By default asks the running site to sync (POST $SITE_URL/api/sync with $SYNC_SECRET), so the site's cache
 * is revalidated and an embedded PGlite database is opened by one process only. When the site is not
 * running, it opens the database itself (see docs/adr/0002-sync-not-read-through.md).
 *
 * Exit codes: 0 done, 2 aborted by a guard, 3 already running, 1 error.
 */
import { parseArgs } from "node:util";
import { ConfigError, env, type Env } from "@/lib/config";
import { redactUrl } from "@/lib/db";
import type { SyncProgress, SyncSummary } from "@/lib/sync/engine";
import { syncLocally } from "./lib/local-sync";

const EXIT = { succeeded: 0, aborted: 2, "already-running": 3, failed: 1, running: 1 } as const;

const out = process.stdout;
const err = process.stderr;
const tty = Boolean(err.isTTY);

function progress(p: SyncProgress) {
  if (!tty) return;
  const detail = p.total ? ` ${p.done}/${p.total}` : "";
  err.write(`\r\x1b[2K  ${p.phase}${detail}…`);
}

function clearProgress() {
  if (tty) err.write("\r\x1b[2K");
}

function table(summary: SyncSummary): string {
  const d = summary.details;
  const lines = [
    `sync ${summary.status}${summary.abortReason ? `: ${summary.abortReason}` : ""}`,
    `  run ${summary.runId ?? "-"} · ${summary.scope} · ${summary.trigger} · ${summary.durationMs} ms (fetch ${summary.fetchMs} ms) · ${summary.writes} rows written`,
  ];
  if (d) {
    const cols = ["created", "updated", "unchanged", "missing", "disabled", "skipped"] as const;
    const head = ["", ...cols].map((c, i) => (i === 0 ? c.padEnd(14) : c.padStart(10))).join("");
    const row = (name: string, c: Partial<Record<(typeof cols)[number], number>>) =>
      name.padEnd(14) + cols.map((k) => String(c[k] ?? "-").padStart(10)).join("");
    lines.push("", head, row("events", d.events), row("performances", d.performances));
    lines.push(row("venues", d.venues));
  }
  if (summary.revalidated.length) lines.push("", `revalidated ${summary.revalidated.length} tags`);
  if (summary.errors.length) lines.push("", "errors:", ...summary.errors.map((e) => `  - ${e}`));
  return lines.join("\n") + "\n";
}

type Remote = { reached: true; summary: SyncSummary } | { reached: false; reason: string };

type SyncArgs = { eventId?: string; force?: boolean; rebasedStarts?: boolean };

async function viaSite(config: Env, body: SyncArgs): Promise<Remote> {
  let response: Response;
  try {
    response = await fetch(`${config.SITE_URL}/api/sync`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${config.SYNC_SECRET}`,
        "content-type": "application/json",
        "x-sync-trigger": "cli",
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(10 * 60_000),
    });
  } catch (error) {
    return {
      reached: false,
      reason:
        error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error),
    };
  }
  if (response.status === 401) throw new Error(`the site at ${config.SITE_URL} refused SYNC_SECRET (401)`);
  if (response.status === 404) return { reached: false, reason: `${config.SITE_URL} has no /api/sync` };
  const summary = (await response.json().catch(() => null)) as SyncSummary | null;
  if (!summary || typeof summary.status !== "string")
    throw new Error(`the site answered ${response.status} without a run summary`);
  return { reached: true, summary };
}

// No revalidate: the site's cache lives in another process (or in Redis); see the warning below.
function locally(config: Env, args: SyncArgs): Promise<SyncSummary> {
  return syncLocally(config, { trigger: "cli", ...args, onProgress: progress });
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      event: { type: "string" },
      force: { type: "boolean", default: false },
      "rebased-starts": { type: "boolean", default: false },
      local: { type: "boolean", default: false },
      remote: { type: "boolean", default: false },
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    out.write(
      "usage: npm run sync -- [--event <spektrix id>] [--force] [--rebased-starts] [--local | --remote] [--json]\n",
    );
    return 0;
  }
  const config = env();
  const args: SyncArgs = {
    eventId: values.event,
    force: values.force || undefined,
    rebasedStarts: values["rebased-starts"] || undefined,
  };
  let summary: SyncSummary | undefined;
  if (!values.local) {
    if (tty) err.write(`  asking ${config.SITE_URL} to sync…`);
    const remote = await viaSite(config, args);
    clearProgress();
    if (remote.reached) summary = remote.summary;
    else if (values.remote) throw new Error(`cannot reach the site at ${config.SITE_URL}: ${remote.reason}`);
    else
      err.write(
        `site not reachable at ${config.SITE_URL} (${remote.reason}); syncing ${redactUrl(config.DATABASE_URL)} directly\n`,
      );
  }
  if (!summary) {
    summary = await locally(config, args);
    clearProgress();
    if (summary.writes > 0)
      err.write(
        "note: ran outside the site, so its cache could not be told what changed; it drops everything it took from the store at its next check (ADR 0008)\n",
      );
  }
  out.write(values.json ? `${JSON.stringify(summary, null, 2)}\n` : table(summary));
  return EXIT[summary.status];
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    clearProgress();
    err.write(
      `sync failed: ${error instanceof ConfigError ? error.message : error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  },
);
