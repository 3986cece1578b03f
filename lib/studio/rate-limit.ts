import type { RateLimiterRes } from "rate-limiter-flexible";
import { createRateLimiter, isRateLimited, retryAfterSeconds } from "@/lib/rate-limit";

/**
 * Sign-in throttling: 5 failed attempts per e-mail+IP per 15 minutes, and 30 per IP, then a lock-out until the
 * window ends. Counted in Redis when REDIS_URL is set, so every instance behind a balancer sees the same
 * attempts; in memory otherwise.
 */

const byPair = createRateLimiter({ keyPrefix: "studio-signin-pair", points: 5, duration: 15 * 60 });
const byIp = createRateLimiter({ keyPrefix: "studio-signin-ip", points: 30, duration: 15 * 60 });
// Keyed on what the caller cannot change, and spent before the password is checked, so neither forged
// X-Forwarded-For addresses nor many guesses sent at once get past it.
const byEmail = createRateLimiter({ keyPrefix: "studio-signin-email", points: 10, duration: 15 * 60 });

export type Throttle = { allowed: true } | { allowed: false; retryAfterSeconds: number };

function keys(email: string, ip: string) {
  return { pair: `${email.trim().toLowerCase()}|${ip}`, ip };
}

/** Whether another attempt may be made now. Spends one attempt for the e-mail address; the other counters count failures. */
export async function signInAllowed(email: string, ip: string): Promise<Throttle> {
  const k = keys(email, ip);
  try {
    await byEmail.consume(email.trim().toLowerCase());
  } catch (error) {
    if (isRateLimited(error)) return { allowed: false, retryAfterSeconds: retryAfterSeconds(error) };
    throw error;
  }
  const [pair, perIp] = await Promise.all([byPair.get(k.pair), byIp.get(k.ip)]);
  const blocked = [pair, perIp].filter((r): r is RateLimiterRes => r !== null && r.remainingPoints <= 0);
  if (blocked.length === 0) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(Math.max(...blocked.map((r) => r.msBeforeNext)) / 1000)) };
}

/** Counts a failed attempt. */
export async function recordFailedSignIn(email: string, ip: string): Promise<void> {
  const k = keys(email, ip);
  await Promise.all([byPair.penalty(k.pair, 1), byIp.penalty(k.ip, 1)]);
}

/** A successful sign-in clears the e-mail+IP counter. */
export async function recordSuccessfulSignIn(email: string, ip: string): Promise<void> {
  await Promise.all([byPair.delete(keys(email, ip).pair), byEmail.delete(email.trim().toLowerCase())]);
}
