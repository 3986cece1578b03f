import { eq } from "drizzle-orm";
import { tags } from "@/lib/cache/tags";
import { mapWithConcurrency } from "@/lib/spektrix";
import { schema, type Database } from "@/lib/db";
import { announceGeneration } from "@/lib/db/generation";
import type { SyncRunStatus } from "@/lib/db/schema";
import { performanceStart } from "./mapping";
import { planSync, type Feed, type KindCounts, type SkippedRecord, type SyncPlan, type SyncScope } from "./plan";
import { loadSyncSettings, type SyncSettings } from "./settings";
import type { SourcePerformance, SyncSource } from "./source";
import { applyPlan, loadStored } from "./store";
import { sliceWindow, windowAround, zoneMismatch } from "./time";

/**
 * One sync run: lock → run row → fetch → diff (with guards) → apply in one transaction → revalidate → log.
 * The feed is read in full before anything is written, so a fetch failure at any point leaves the store as it was.
 */

/** Advisory lock key shared by every process that syncs this database ("SYNC"). */
export { SYNC_LOCK_KEY } from "./lock";
import { SYNC_LOCK_KEY } from "./lock";

export type Revalidate = (tag: string) => void | Promise<void>;

export type SyncTrigger = "cli" | "api" | "schedule" | "studio" | "test" | (string & {});

export interface SyncProgress {
  phase: "fetch" | "diff" | "apply" | "revalidate";
  done?: number;
  total?: number;
}

export interface RunSyncOptions {
  /** From `openDb` or `getDatabase`: the query surface plus the advisory lock. */
  database: Pick<Database, "db" | "withAdvisoryLock">;
  /**
   * Where the feed comes from. A function is called once the run holds the sync lock, so a run reads the Spektrix
   * connection in force then, never one a switch has replaced meanwhile (a switch takes the same lock, ADR 0017).
   */
  source: SyncSource | (() => Promise<SyncSource>);
  trigger: SyncTrigger;
  /** Venue time zone (`VENUE_TIME_ZONE`), for Spektrix's local times that carry no offset. */
  timeZone: string;
  /** Called once per changed tag after the run commits; `revalidateTag(tag, …)` in the app, a recorder in tests. */
  revalidate?: Revalidate;
  /** Sync one event by its Spektrix id instead of the whole window. */
  eventId?: string;
  /** Skip the empty-feed and mass-vanish guards, after a person has checked the feed. */
  force?: boolean;
  /** The source's dates were shifted as a whole (the demo's emulator on a new day): changed starts are not moves. */
  rebasedStarts?: boolean;
  /** Settings to use instead of the saved ones (previews, tests). */
  settings?: SyncSettings;
  now?: () => Date;
  onProgress?: (progress: SyncProgress) => void;
}

export type SyncCounts = Pick<KindCounts, "created" | "updated" | "unchanged" | "missing" | "skipped">;

export interface SyncSummary {
  /** The `sync_runs` row, or null when the run did not start (already running). */
  runId: number | null;
  status: SyncRunStatus | "already-running";
  trigger: string;
  scope: "full" | `event:${string}`;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  settingsVersion: number | null;
  /** Events and performances together, as the run log stores them. */
  counts: SyncCounts;
  details: SyncPlan["counts"] | null;
  /** Content rows written (inserted or updated). 0 on an unchanged re-sync. */
  writes: number;
  /** Tags revalidated, in order. Empty when nothing changed. */
  revalidated: string[];
  errors: string[];
  /** Things an editor should fix that did not stop the run (a time zone that contradicts Spektrix's times). */
  warnings: string[];
  /** What the run left out and why (the first SyncPlan.skipped lines; `counts.skipped` has the total). */
  skipped: SkippedRecord[];
  abortReason: string | null;
  /** Milliseconds spent fetching, for the benchmark and the run log. */
  fetchMs: number;
}

/** Reads the whole feed for a scope. Throws if any request fails: a partial feed is never diffed. */
export async function fetchFeed(
  source: SyncSource,
  scope: SyncScope,
  settings: SyncSettings,
  onProgress?: (p: SyncProgress) => void,
): Promise<Feed> {
  if (scope.kind === "event") {
    const event = await source.fetchEvent(scope.eventId);
    const performances = event ? await source.fetchEventPerformances(scope.eventId) : [];
    return {
      events: event ? [event] : [],
      performances: performances.filter((p) => p.eventId === scope.eventId),
      venues: null,
    };
  }
  const slices = sliceWindow(scope.window, settings.fetch.sliceDays);
  type Job = { kind: "events" | "performances"; slice: (typeof slices)[number] } | { kind: "venues" };
  const jobs: Job[] = [
    { kind: "venues" },
    ...slices.map((slice) => ({ kind: "events" as const, slice })),
    ...slices.map((slice) => ({ kind: "performances" as const, slice })),
  ];
  let done = 0;
  onProgress?.({ phase: "fetch", done, total: jobs.length });
  const feed: Feed = { events: [], performances: [], venues: [] };
  await mapWithConcurrency(jobs, settings.fetch.concurrency, async (job) => {
    if (job.kind === "venues") feed.venues = await source.fetchVenues();
    else if (job.kind === "events") feed.events.push(...(await source.fetchEvents(job.slice)));
    else feed.performances.push(...(await source.fetchPerformances(job.slice)));
    onProgress?.({ phase: "fetch", done: ++done, total: jobs.length });
  });
  return feed;
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

function totals(plan: SyncPlan["counts"]): SyncCounts {
  const sum = (k: keyof SyncCounts) => plan.events[k] + plan.performances[k];
  return {
    created: sum("created"),
    updated: sum("updated"),
    unchanged: sum("unchanged"),
    missing: sum("missing"),
    skipped: sum("skipped"),
  };
}

export async function runSync(options: RunSyncOptions): Promise<SyncSummary> {
  const clock = options.now ?? (() => new Date());
  const started = clock();
  const scopeLabel: SyncSummary["scope"] = options.eventId ? `event:${options.eventId}` : "full";
  const result = await options.database.withAdvisoryLock(SYNC_LOCK_KEY, () =>
    locked(options, started, scopeLabel, clock),
  );
  return result ?? { ...emptySummary(options.trigger, scopeLabel, started, clock()), status: "already-running" };
}

/** A summary with nothing done yet, from `started` to `finished`. */
function emptySummary(
  trigger: SyncSummary["trigger"],
  scope: SyncSummary["scope"],
  started: Date,
  finished: Date,
): SyncSummary {
  return {
    runId: null,
    status: "running",
    trigger,
    scope,
    startedAt: started.toISOString(),
    finishedAt: finished.toISOString(),
    durationMs: finished.getTime() - started.getTime(),
    settingsVersion: null,
    counts: { created: 0, updated: 0, unchanged: 0, missing: 0, skipped: 0 },
    details: null,
    writes: 0,
    revalidated: [],
    errors: [],
    warnings: [],
    skipped: [],
    abortReason: null,
    fetchMs: 0,
  };
}

async function locked(
  options: RunSyncOptions,
  started: Date,
  scope: SyncSummary["scope"],
  clock: () => Date,
): Promise<SyncSummary> {
  const db = options.database.db;
  const runs = schema.syncRuns;
  // We hold the lock, so any run still marked running died without finishing (killed, crashed host).
  await db
    .update(runs)
    .set({
      status: "failed",
      finishedAt: started,
      abortReason: null,
      errors: ["interrupted: the process stopped before the run finished"],
    })
    .where(eq(runs.status, "running"));
  const [run] = await db
    .insert(runs)
    .values({ trigger: options.trigger, scope, startedAt: started, status: "running" })
    .returning({ id: runs.id });
  const summary: SyncSummary = { ...emptySummary(options.trigger, scope, started, started), runId: run!.id };
  let client: string | undefined;

  try {
    const loaded = options.settings ? { settings: options.settings, version: null } : await loadSyncSettings(db);
    if ("problem" in loaded && loaded.problem) summary.errors.push(loaded.problem);
    const settings = loaded.settings;
    summary.settingsVersion = loaded.version;
    const now = clock();
    const window = windowAround(now, settings.fetch.daysBack, settings.fetch.daysAhead);
    const syncScope: SyncScope = options.eventId
      ? { kind: "event", eventId: options.eventId, window }
      : { kind: "full", window };

    const source = typeof options.source === "function" ? await options.source() : options.source;
    client = source.client;
    const fetchStarted = performance.now();
    // The store is read while the feed downloads; nothing writes to it meanwhile (we hold the lock).
    const [feed, stored] = await Promise.all([
      fetchFeed(source, syncScope, settings, options.onProgress).finally(() => {
        summary.fetchMs = Math.round(performance.now() - fetchStarted);
      }),
      loadStored(db, { eventSourceId: options.eventId }),
    ]);
    if (syncScope.kind === "event") {
      // A single event's performances outside the window are not ours to judge.
      feed.performances = feed.performances.filter((p: SourcePerformance) => {
        const t = performanceStart(p, options.timeZone)?.getTime();
        return t === undefined || (t >= window.from.getTime() && t <= window.to.getTime());
      });
    }

    const mismatch = zoneMismatch(feed.performances, options.timeZone);
    if (mismatch) summary.warnings.push(mismatch);

    options.onProgress?.({ phase: "diff" });
    const plan = planSync({
      scope: syncScope,
      feed,
      stored,
      settings,
      now,
      timeZone: options.timeZone,
      force: options.force,
      rebasedStarts: options.rebasedStarts,
      client,
    });
    summary.details = plan.counts;
    summary.counts = totals(plan.counts);
    summary.errors.push(...plan.errors);
    summary.skipped = plan.skipped;

    if (plan.abortReason) {
      summary.status = "aborted";
      summary.abortReason = plan.abortReason;
    } else {
      options.onProgress?.({ phase: "apply" });
      const applied = await applyPlan(db, plan);
      summary.writes = applied.writes;
      summary.status = "succeeded";
      if (applied.generation) {
        options.onProgress?.({ phase: "revalidate" });
        const errorsBefore = summary.errors.length;
        summary.revalidated = await revalidateChanged(plan, options.revalidate, summary.errors);
        // The cache was told exactly what changed, so it need not start over (ADR 0008). A run that cannot
        // revalidate (outside the site) or failed to leaves the generation unannounced: caches start over.
        if (options.revalidate && summary.errors.length === errorsBefore)
          await announceGeneration(db, applied.generation);
      }
    }
  } catch (error) {
    summary.status = "failed";
    summary.errors.push(describe(error));
  }

  const finished = clock();
  summary.finishedAt = finished.toISOString();
  summary.durationMs = finished.getTime() - started.getTime();
  await db
    .update(runs)
    .set({
      status: summary.status as SyncRunStatus,
      finishedAt: finished,
      created: summary.counts.created,
      updated: summary.counts.updated,
      unchanged: summary.counts.unchanged,
      missing: summary.counts.missing,
      skipped: summary.counts.skipped,
      errors: summary.errors,
      abortReason: summary.abortReason,
      settingsVersion: summary.settingsVersion,
      details: {
        ...(summary.details ?? {}),
        writes: summary.writes,
        fetchMs: summary.fetchMs,
        revalidated: summary.revalidated.length,
        ...(client ? { client } : {}),
        ...(summary.warnings.length ? { warnings: summary.warnings } : {}),
        ...(summary.skipped.length ? { skipped: summary.skipped } : {}),
      },
    })
    .where(eq(runs.id, summary.runId!));
  return summary;
}

/**
 * Each changed event's tag, the slug of each new event (a page may have looked it up before it existed), then the
 * listings (and venues) tag, each once. Failures are logged, not fatal.
 */
async function revalidateChanged(
  plan: SyncPlan,
  revalidate: Revalidate | undefined,
  errors: string[],
): Promise<string[]> {
  const list = plan.changedEventSourceIds.map((id) => tags.event(id));
  // A new event takes a slug a visitor may have asked for before it existed, and a kept event's slug may move to
  // give the client in use its natural one (or move back): the slug map changes.
  if (plan.events.insert.length || plan.events.slugMoves.length) list.push(tags.slugs);
  // Listings and event pages read venue names and addresses at render time (a rename is a venue change):
  // `venues` reaches the event pages, `listings` every list.
  if (list.length || plan.venuesChanged) list.push(tags.listings);
  if (plan.venuesChanged) list.push(tags.venues);
  if (!revalidate) return [];
  const done: string[] = [];
  for (const tag of list) {
    try {
      await revalidate(tag);
      done.push(tag);
    } catch (error) {
      errors.push(`revalidate ${tag}: ${describe(error)}`);
    }
  }
  return done;
}
