import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { schema, type StoreDb } from "@/lib/db";
import type { SyncRunStatus } from "@/lib/db/schema";

/** Sync health for the site (studio dashboard, `/api/health`): read-only queries over the run log and the store. */

export interface SyncRunRecord {
  id: number;
  trigger: string;
  scope: string;
  status: SyncRunStatus;
  startedAt: Date;
  finishedAt: Date | null;
  created: number;
  updated: number;
  unchanged: number;
  missing: number;
  skipped: number;
  errors: string[];
  abortReason: string | null;
  details: Record<string, unknown>;
}

export interface SyncHealth {
  lastRun: SyncRunRecord | null;
  /** A run is in progress now (its row says running). */
  running: boolean;
  lastSuccessAt: Date | null;
  /** Seconds since the last successful run finished; null if there never was one. */
  lastSuccessAgeSeconds: number | null;
  /** The most recent failed or guard-aborted run, if it came after the last success (otherwise it is history). */
  lastFailure: { at: Date; reason: string } | null;
  /** Records currently missing from the feed (still listed during the grace period) and hidden by the sync. */
  missing: { events: number; performances: number };
  disabled: { events: number; performances: number };
}

const runs = schema.syncRuns;

const runColumns = {
  id: runs.id,
  trigger: runs.trigger,
  scope: runs.scope,
  status: runs.status,
  startedAt: runs.startedAt,
  finishedAt: runs.finishedAt,
  created: runs.created,
  updated: runs.updated,
  unchanged: runs.unchanged,
  missing: runs.missing,
  skipped: runs.skipped,
  errors: runs.errors,
  abortReason: runs.abortReason,
  details: runs.details,
};

/** What a run warned the editor about (stored in its details; older runs have none). */
export function runWarnings(run: Pick<SyncRunRecord, "details">): string[] {
  const warnings = run.details.warnings;
  return Array.isArray(warnings) ? warnings.filter((w): w is string => typeof w === "string") : [];
}

/** The Spektrix client a run read (kept in its details; runs from before it was recorded have none). */
export function runClient(run: Pick<SyncRunRecord, "details">): string | null {
  return typeof run.details.client === "string" ? run.details.client : null;
}

/** The records a run left out and why (SyncPlan.skipped, kept in its details), read defensively: old runs have none. */
export function runSkipped(run: Pick<SyncRunRecord, "details">): { label: string; reason: string }[] {
  const skipped = run.details.skipped;
  if (!Array.isArray(skipped)) return [];
  return skipped.flatMap((item: unknown) => {
    if (typeof item !== "object" || item === null) return [];
    const r = item as { kind?: unknown; id?: unknown; name?: unknown; reason?: unknown };
    if (typeof r.id !== "string" || typeof r.reason !== "string") return [];
    const what = r.kind === "event" ? "Event" : "Performance";
    return [{ label: typeof r.name === "string" && r.name ? r.name : `${what} ${r.id}`, reason: r.reason }];
  });
}

/** The newest runs first. */
export async function listSyncRuns(db: StoreDb, limit = 20): Promise<SyncRunRecord[]> {
  return db.select(runColumns).from(runs).orderBy(desc(runs.id)).limit(limit);
}

async function countByStatus(db: StoreDb, table: typeof schema.events | typeof schema.performances) {
  const result = await db
    .select({ status: table.status, n: sql<number>`count(*)::int` })
    .from(table)
    .where(sql`${table.status} in ('missing', 'disabled')`)
    .groupBy(table.status);
  const by = Object.fromEntries(result.map((r) => [r.status, Number(r.n)]));
  return { missing: by.missing ?? 0, disabled: by.disabled ?? 0 };
}

export async function getSyncHealth(db: StoreDb, options: { now?: Date } = {}): Promise<SyncHealth> {
  const now = options.now ?? new Date();
  const [lastRun] = await db.select(runColumns).from(runs).orderBy(desc(runs.id)).limit(1);
  const [lastSuccess] = await db
    .select({ id: runs.id, finishedAt: runs.finishedAt })
    .from(runs)
    .where(eq(runs.status, "succeeded"))
    .orderBy(desc(runs.id))
    .limit(1);
  // A run that failed (Spektrix down, a record it could not read) counts as much as one the safety checks aborted:
  // either way nothing was updated, and the editor should see why: the error that ended it, recorded last.
  const [lastFailure] = await db
    .select({ id: runs.id, at: runs.startedAt, reason: runs.abortReason, errors: runs.errors })
    .from(runs)
    .where(and(inArray(runs.status, ["aborted", "failed"]), sql`${runs.id} > ${lastSuccess?.id ?? 0}`))
    .orderBy(desc(runs.id))
    .limit(1);
  const events = await countByStatus(db, schema.events);
  const performances = await countByStatus(db, schema.performances);
  const lastSuccessAt = lastSuccess?.finishedAt ?? null;
  return {
    lastRun: lastRun ?? null,
    running: lastRun?.status === "running",
    lastSuccessAt,
    lastSuccessAgeSeconds: lastSuccessAt
      ? Math.max(0, Math.round((now.getTime() - lastSuccessAt.getTime()) / 1000))
      : null,
    lastFailure: lastFailure
      ? { at: lastFailure.at, reason: lastFailure.reason ?? lastFailure.errors.at(-1) ?? "failed" }
      : null,
    missing: { events: events.missing, performances: performances.missing },
    disabled: { events: events.disabled, performances: performances.disabled },
  };
}
