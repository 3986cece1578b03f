import "server-only";
import { env } from "@/lib/config";
import { connectionFrom, readStoredConnection } from "@/lib/connection";
import { getDatabase } from "@/lib/db";
import { runSync, type Revalidate, type SyncProgress, type SyncSummary, type SyncTrigger } from "./engine";
import { configuredSource } from "./spektrix-source";
import { storeChangedHere } from "@/lib/cache/follow-store.mjs";

/** The sync as the running site does it: its database, the connection in force, its cache. */
export async function runSiteSync(options: {
  trigger: SyncTrigger;
  /** Null where Next would not apply a revalidation (a streamed route's body): caches then start over (ADR 0008). */
  revalidate: Revalidate | null;
  eventId?: string;
  force?: boolean;
  rebasedStarts?: boolean;
  onProgress?: (p: SyncProgress) => void;
}): Promise<SyncSummary> {
  const config = env();
  const summary = await runSync({
    database: await getDatabase(),
    // Read from the store inside the sync lock, not from this process's copy: a switch may have just happened.
    source: async () => configuredSource(connectionFrom(await readStoredConnection()), config.SPEKTRIX_TIMEOUT_MS),
    timeZone: config.VENUE_TIME_ZONE,
    ...options,
    revalidate: options.revalidate ?? undefined,
  });
  // Not announced: this process's cache starts over on its very next read, not at its next timed check (ADR 0008).
  if (!options.revalidate && summary.writes) storeChangedHere();
  return summary;
}
