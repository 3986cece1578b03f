/**
 * Runs once when a Next server starts. Validating the environment here makes a misconfigured deployment stop
 * at boot with a message naming the variable, instead of failing on the first request that happens to read it.
 * Then every request is stamped with its socket address (what rate limits trust, lib/security/peer-address.ts),
 * and the built-in sync schedule starts (it asks this server's own POST /api/sync; see ADR 0002).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("@/lib/config");
  env();
  (await import("@/lib/security/peer-address")).installPeerAddressHeader();
  if (process.env.SYNC_SCHEDULE !== "off") (await import("@/lib/sync/schedule")).startSyncSchedule();
}
