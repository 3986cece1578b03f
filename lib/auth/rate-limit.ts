/**
 * Rate limits for sign-in and payment initiation, on `rate-limiter-flexible`.
 *
 * One process: counters in memory. Several instances (`REDIS_URL` set): counters in Redis so every instance
 * counts the same attempts (the shared node-redis connection of `lib/redis`), with an in-memory "insurance"
 * limiter taking over if Redis stops answering.
 */
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { getRedis } from "@/lib/redis";

export interface LimitRule {
  /** Namespaces keys, e.g. `login-ip`. */
  name: string;
  /** Attempts allowed per window. */
  points: number;
  /** Window length in seconds. */
  durationSeconds: number;
}

export type LimitResult = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

export interface Limiter {
  consume(key: string): Promise<LimitResult>;
  /** Forget a key, e.g. an e-mail address after a successful sign-in. */
  reset(key: string): Promise<void>;
}

/** The limits in one place, so docs and tests quote the same numbers. */
export const LIMITS = {
  /** Sign-in attempts from one IP address: generous, a box office or a family shares one. */
  loginPerIp: { name: "login-ip", points: 50, durationSeconds: 15 * 60 },
  /** Sign-in attempts against one e-mail address: tight, this is what stops password guessing. */
  loginPerEmail: { name: "login-email", points: 5, durationSeconds: 15 * 60 },
  /** Payment tokens asked for by one customer from one address. A visitor needs one or two per order. */
  paymentInitiate: { name: "pay-init", points: 10, durationSeconds: 60 },
} as const satisfies Record<string, LimitRule>;

function wrap(limiter: RateLimiterAbstract): Limiter {
  return {
    async consume(key) {
      try {
        const res = await limiter.consume(key, 1);
        return { allowed: true, remaining: res.remainingPoints };
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) {
          return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
        }
        throw rejection;
      }
    },
    async reset(key) {
      await limiter.delete(key);
    },
  };
}

export function createMemoryLimiter(rule: LimitRule): Limiter {
  return wrap(new RateLimiterMemory({ keyPrefix: rule.name, points: rule.points, duration: rule.durationSeconds }));
}

export function createLimiter(rule: LimitRule, options: { redisUrl?: string } = {}): Limiter {
  const client = options.redisUrl ? getRedis(options.redisUrl) : null;
  if (!client) return createMemoryLimiter(rule);
  // While Redis is unreachable the in-memory insurance limiter counts instead, so sign-in never fails open.
  const insurance = new RateLimiterMemory({ keyPrefix: `${rule.name}-insurance`, points: rule.points, duration: rule.durationSeconds });
  return wrap(
    new RateLimiterRedis({
      storeClient: client,
      useRedisPackage: true,
      keyPrefix: `rl:${rule.name}`,
      points: rule.points,
      duration: rule.durationSeconds,
      insuranceLimiter: insurance,
      rejectIfRedisNotReady: true,
    }),
  );
}

const shared = new Map<string, Limiter>();

/** One limiter per rule per process (Next may load a module more than once; the map is on globalThis). */
export function sharedLimiter(rule: LimitRule, redisUrl: string | undefined): Limiter {
  const store = ((globalThis as { __siteLimiters?: Map<string, Limiter> }).__siteLimiters ??= shared);
  let limiter = store.get(rule.name);
  if (!limiter) {
    limiter = createLimiter(rule, { redisUrl });
    store.set(rule.name, limiter);
  }
  return limiter;
}

export { clientIp } from "@/lib/security/client-ip";
