/**
 * The demo's built-in schedule: a timer in the Next server that asks the site's own `POST /api/sync` to run.
 * Going through the route (rather than calling the engine directly) matters: `revalidateTag` only works
 * inside a request, and the route is the one place that holds the secret check and the advisory lock.
 * Production setups usually use an external scheduler on the same route instead (see ADR 0002).
 *
 * `instrumentation.ts` starts it in the Node runtime unless `SYNC_SCHEDULE=off`.
 */
import { logger } from "@/lib/log/logger.mjs";

export interface SyncScheduleOptions {
  /** Where the site listens; default `SITE_URL`. */
  siteUrl?: string;
  /** Default `SYNC_SECRET`. */
  secret?: string;
  /** Minutes between runs; default the saved sync settings' `schedule.everyMinutes` (read at each tick), else 10. */
  everyMinutes?: number;
  /** Wait before the first run, so the server is listening; default 15 s. */
  firstDelayMs?: number;
  fetch?: typeof fetch;
  log?: (message: string) => void;
}

export interface SyncSchedule {
  stop(): void;
}

const globalForSchedule = globalThis as unknown as { __syncSchedule?: SyncSchedule };

async function readScheduleSettings(): Promise<{ enabled: boolean; everyMinutes: number }> {
  const [{ getDb }, { loadSyncSettings }] = await Promise.all([import("@/lib/db"), import("./settings")]);
  const { settings } = await loadSyncSettings(await getDb());
  return settings.schedule;
}

/** Starts the schedule once per process (dev-server reloads do not stack timers). Returns a handle to stop it. */
export function startSyncSchedule(options: SyncScheduleOptions = {}): SyncSchedule {
  if (globalForSchedule.__syncSchedule) return globalForSchedule.__syncSchedule;
  const log = options.log ?? ((m: string) => logger("sync-schedule").info(m));
  const doFetch = options.fetch ?? fetch;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const tick = async () => {
    let nextMinutes = options.everyMinutes ?? 10;
    try {
      const { env } = await import("@/lib/config");
      const config = env();
      const schedule = options.everyMinutes
        ? { enabled: true, everyMinutes: options.everyMinutes }
        : await readScheduleSettings();
      nextMinutes = schedule.everyMinutes;
      if (schedule.enabled) {
        const response = await doFetch(`${options.siteUrl ?? config.SITE_URL}/api/sync`, {
          method: "POST",
          headers: { authorization: `Bearer ${options.secret ?? config.SYNC_SECRET}`, "x-sync-trigger": "schedule" },
        });
        const summary = (await response.json().catch(() => ({}))) as {
          status?: string;
          abortReason?: string | null;
          writes?: number;
        };
        log(
          `${summary.status ?? response.status}${summary.abortReason ? `: ${summary.abortReason}` : ""}${summary.writes ? ` (${summary.writes} writes)` : ""}`,
        );
      }
    } catch (error) {
      log(`could not run: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!stopped) {
      timer = setTimeout(tick, nextMinutes * 60_000);
      timer.unref?.();
    }
  };

  timer = setTimeout(tick, options.firstDelayMs ?? 15_000);
  timer.unref?.();
  const handle: SyncSchedule = {
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (globalForSchedule.__syncSchedule === handle) globalForSchedule.__syncSchedule = undefined;
    },
  };
  globalForSchedule.__syncSchedule = handle;
  return handle;
}
