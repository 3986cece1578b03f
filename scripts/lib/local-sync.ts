/**
 * A sync run straight against DATABASE_URL, for scripts that run while no site is up to ask (the demo's first
 * sync, `npm run sync --local`). There is no page cache to revalidate in this process.
 */
import type { Env } from "@/lib/config";
import { openDb } from "@/lib/db";
import { runSync, type RunSyncOptions, type SyncSummary } from "@/lib/sync/engine";
import { configuredSource } from "@/lib/sync/spektrix-source";

export async function syncLocally(
  config: Env,
  options: Pick<RunSyncOptions, "trigger" | "eventId" | "force" | "onProgress" | "rebasedStarts">,
): Promise<SyncSummary> {
  const database = await openDb(config.DATABASE_URL);
  try {
    await database.migrate();
    return await runSync({ database, source: configuredSource(config), timeZone: config.VENUE_TIME_ZONE, ...options });
  } finally {
    await database.close();
  }
}
