/**
 * Runs once when a Next server starts. Validating the environment here makes a misconfigured deployment stop
 * at boot with a message naming the variable, instead of failing on the first request that happens to read it.
 * Then every request is stamped with its socket address (what rate limits trust, lib/security/peer-address.ts),
 * the cache is given a way to check itself against the store (ADR 0008), and the built-in sync schedule
 * starts (it asks this server's own POST /api/sync; see ADR 0002).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("@/lib/config");
  (await import("@/lib/security/peer-address")).installPeerAddressHeader();
  // Before any request: the cache handler checks its entries against the store's generation (ADR 0008).
  (await import("@/lib/cache/store-generation")).installStoreGenerationSource();
  // NEXT_RUNTIME is Next's own, not configuration; everything else comes through lib/config.
  if (env().SYNC_SCHEDULE !== "off") (await import("@/lib/sync/schedule")).startSyncSchedule();
}
