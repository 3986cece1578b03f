/**
 * A sync run straight against DATABASE_URL, for scripts that run while no site is up to ask (the demo's first
 * sync, `npm run sync --local`). There is no page cache to revalidate in this process.
 */
import type { Env } from "@/lib/config";
import { connectionFrom, readStoredConnection } from "@/lib/connection";
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
    // The connection the studio saved in this store (or the environment's), read once the run holds the lock.
    const source = async () =>
      configuredSource(connectionFrom(await readStoredConnection(database.db)), config.SPEKTRIX_TIMEOUT_MS);
    return await runSync({ database, source, timeZone: config.VENUE_TIME_ZONE, ...options });
  } finally {
    await database.close();
  }
}
