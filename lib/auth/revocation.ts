/**
 * Sessions that end: signing out (or a password change) records "sessions of this account that began
 * before now are over", and every session check consults it. Both session kinds use it: the studio's signed
 * cookie and members' next-auth JWTs, which are otherwise valid on their own until they expire (8 hours).
 *
 * Kept per account, not per token: next-auth re-issues a member's token as it is used, so a copy of the
 * cookie taken before sign-out carries a different token id than the last one; the moment the session began
 * (`authAt`, carried from sign-in through every re-issue) identifies them all. Signing out therefore ends
 * that account's sessions on every device.
 *
 * With `REDIS_URL` the record is in Redis, so a sign-out on one instance is seen by all; it is also kept in
 * this process, so the instance that signed out refuses the cookie even while Redis is unreachable. Without
 * Redis (one instance) the process memory is the record. Entries expire after the longest session lifetime.
 */
import { configuredRedisUrl, getRedis } from "@/lib/redis";

export type SessionScope = "member" | "studio";

/** Longer than any session (members and editors: 8 hours), so a record outlives every session it ends. */
const RECORD_SECONDS = 9 * 60 * 60;

const memory = ((
  globalThis as { __siteRevokedSessions?: Map<string, { at: number; expires: number }> }
).__siteRevokedSessions ??= new Map());

const keyFor = (scope: SessionScope, subject: string) => `session-revoked:${scope}:${subject.trim().toLowerCase()}`;

export interface RevocationOptions {
  /** Redis to record in; defaults to `REDIS_URL`. `null` for this process only (tests). */
  redisUrl?: string | null;
  /** A separate in-process record (tests standing in for a second instance). */
  local?: Map<string, { at: number; expires: number }>;
  now?: () => number;
}

function resolve(options: RevocationOptions) {
  const url = options.redisUrl === null ? undefined : (options.redisUrl ?? configuredRedisUrl());
  return { client: url ? getRedis(url) : null, local: options.local ?? memory, now: options.now ?? Date.now };
}

/** Ends every session of `subject` that began before now. */
export async function revokeSessions(
  scope: SessionScope,
  subject: string,
  options: RevocationOptions = {},
): Promise<void> {
  const { client, local, now } = resolve(options);
  const at = now();
  const key = keyFor(scope, subject);
  local.set(key, { at, expires: at + RECORD_SECONDS * 1000 });
  if (client) {
    try {
      await client.set(key, String(at), { EX: RECORD_SECONDS });
    } catch (error) {
      console.warn(
        JSON.stringify({
          level: "warn",
          area: "auth",
          event: "session revocation not shared",
          error: error instanceof Error ? error.name : "unknown",
        }),
      );
    }
  }
}

/** Whether a session of `subject` that began at `authAt` (ms; unknown for tokens older than this rule) has been ended. */
export async function isSessionRevoked(
  scope: SessionScope,
  subject: string,
  authAt: number | undefined,
  options: RevocationOptions = {},
): Promise<boolean> {
  const { client, local, now } = resolve(options);
  const key = keyFor(scope, subject);
  const began = typeof authAt === "number" && Number.isFinite(authAt) ? authAt : 0;
  const mine = local.get(key);
  if (mine && mine.expires <= now()) local.delete(key);
  else if (mine && began < mine.at) return true;
  if (!client?.isReady) return false;
  try {
    const shared = Number(await client.get(key));
    return Number.isFinite(shared) && shared > 0 && began < shared;
  } catch {
    // Redis unreachable: this instance's own record above is what we know.
    return false;
  }
}
