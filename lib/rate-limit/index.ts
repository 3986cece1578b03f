/**
 * The site's one rate-limit module, on `rate-limiter-flexible` (member sign-in proofs, studio sign-in, payment
 * initiation, newsletter sign-ups; lib/rate-limit/sign-in.ts builds the studio's sign-in policy on it):
 *
 *   const perIp = sharedRateLimiter(LIMITS.paymentInitiate);
 *   const result = await attempt(perIp, key);  // { allowed: true, remaining } | { allowed: false, retryAfterSeconds }
 *
 * - `REDIS_URL` set: counters live in Redis (`RateLimiterRedis`), so every instance behind the balancer counts
 *   the same attempts. If Redis is unreachable, an in-memory "insurance" limiter with the same rule takes over
 *   per instance until Redis answers again, so sign-in keeps working and stays limited.
 * - `REDIS_URL` unset: counters live in this process (`RateLimiterMemory`), which is the whole truth on one instance.
 *
 * The store is chosen and the Redis limiter built on first use, so importing this module (or building the
 * site) neither reads the environment nor connects.
 */
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { env } from "@/lib/config";
import { configuredRedisUrl, getConnectedRedis, getRedis } from "@/lib/redis";

export interface RateLimitRule {
  /** Namespaces the keys, e.g. `login-ip`. Two limiters with the same prefix share counters. */
  keyPrefix: string;
  /** Points (attempts) allowed per window. */
  points: number;
  /** Window length in seconds. */
  duration: number;
  /** Optional lock-out in seconds once the points are spent (default: until the window ends). */
  blockDuration?: number;
}

export interface RateLimiterOptions {
  /** Redis to count in; defaults to `REDIS_URL`. Pass `null` to force memory (tests, scripts). */
  redisUrl?: string | null;
  /** How long the first call waits for the Redis connection before counting in memory (default 1 s). */
  connectTimeoutMs?: number;
}

/** The part of rate-limiter-flexible's API the site uses; both stores implement it. */
export interface RateLimiter {
  /** `memory` or `redis`: where the counters live (with Redis, memory takes over while Redis is down). */
  readonly store: "memory" | "redis";
  readonly keyPrefix: string;
  readonly points: number;
  /** Spends points; resolves with what is left, rejects with a `RateLimiterRes` once the limit is reached. */
  consume(key: string, points?: number): Promise<RateLimiterRes>;
  /** The current state of a key without spending, or null if it has no counter. */
  get(key: string): Promise<RateLimiterRes | null>;
  /** Adds points without rejecting (e.g. count a failed attempt). */
  penalty(key: string, points?: number): Promise<RateLimiterRes>;
  /** Gives points back. */
  reward(key: string, points?: number): Promise<RateLimiterRes>;
  /** Locks a key out for `seconds`. */
  block(key: string, seconds: number): Promise<RateLimiterRes>;
  /** Forgets a key (e.g. an e-mail address after a successful sign-in). */
  delete(key: string): Promise<boolean>;
}

/** True for the rejection `consume` gives when the limit is reached (not for a store error). */
export function isRateLimited(value: unknown): value is RateLimiterRes {
  return value instanceof RateLimiterRes;
}

/** Whole seconds until a limited key may try again, at least 1 (for a `Retry-After` header). */
export function retryAfterSeconds(res: RateLimiterRes): number {
  return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
}

function memory(rule: RateLimitRule, keyPrefix = rule.keyPrefix): RateLimiterMemory {
  return new RateLimiterMemory({
    keyPrefix,
    points: rule.points,
    duration: rule.duration,
    blockDuration: rule.blockDuration ?? 0,
  });
}

function fromAbstract(
  rule: RateLimitRule,
  load: () => Promise<RateLimiterAbstract> | RateLimiterAbstract,
): Omit<RateLimiter, "store"> {
  const call = async <T>(fn: (l: RateLimiterAbstract) => Promise<T>): Promise<T> => fn(await load());
  return {
    keyPrefix: rule.keyPrefix,
    points: rule.points,
    consume: (key, points = 1) => call((l) => l.consume(key, points)),
    get: (key) => call((l) => l.get(key)),
    penalty: (key, points = 1) => call((l) => l.penalty(key, points)),
    reward: (key, points = 1) => call((l) => l.reward(key, points)),
    block: (key, seconds) => call((l) => l.block(key, seconds)),
    delete: (key) => call((l) => l.delete(key)),
  };
}

/**
 * A limiter for `rule`: Redis-backed when `REDIS_URL` (or `options.redisUrl`) is set, in memory otherwise.
 * Create limiters once (or use `sharedRateLimiter`) and reuse them; the Redis connection underneath is shared
 * by the whole process.
 */
export function createRateLimiter(rule: RateLimitRule, options: RateLimiterOptions = {}): RateLimiter {
  if (!Number.isInteger(rule.points) || rule.points < 1)
    throw new Error(`rate limit ${rule.keyPrefix}: points must be a positive integer`);
  if (!(rule.duration >= 0)) throw new Error(`rate limit ${rule.keyPrefix}: duration must be seconds ≥ 0`);
  // `options.redisUrl` given (a URL, or null for memory): decided now. Otherwise on first use, from config.
  const url = (): string | undefined =>
    options.redisUrl === null ? undefined : (options.redisUrl ?? configuredRedisUrl());

  let built: Promise<RateLimiterAbstract> | undefined;
  const build = async (): Promise<RateLimiterAbstract> => {
    const redisUrl = url();
    if (!redisUrl) return memory(rule);
    // Give a fresh process a moment to connect, so its first requests are counted where every instance counts.
    await getConnectedRedis(redisUrl, options.connectTimeoutMs ?? 1_000);
    return new RateLimiterRedis({
      storeClient: getRedis(redisUrl)!,
      useRedisPackage: true,
      keyPrefix: `rl:${rule.keyPrefix}`,
      points: rule.points,
      duration: rule.duration,
      blockDuration: rule.blockDuration ?? 0,
      // While Redis is down, answer from memory at once instead of queueing behind a reconnect.
      rejectIfRedisNotReady: true,
      insuranceLimiter: memory(rule, `${rule.keyPrefix}:insurance`),
    });
  };
  const limiter = fromAbstract(rule, () => (built ??= build()));
  return Object.defineProperty(limiter, "store", {
    get: () => (url() ? "redis" : "memory"),
    enumerable: true,
  }) as RateLimiter;
}

/** One limiter per rule per process (Next may load a module more than once; the map is on globalThis). */
export function sharedRateLimiter(rule: RateLimitRule): RateLimiter {
  const store = ((globalThis as { __siteRateLimiters?: Map<string, RateLimiter> }).__siteRateLimiters ??= new Map());
  let limiter = store.get(rule.keyPrefix);
  if (!limiter) {
    limiter = createRateLimiter(rule);
    store.set(rule.keyPrefix, limiter);
  }
  return limiter;
}

export type LimitResult = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

/** Spends `points` on `key`: allowed with what is left, or refused with the seconds to wait. */
export async function attempt(limiter: RateLimiter, key: string, points = 1): Promise<LimitResult> {
  try {
    const res = await limiter.consume(key, points);
    return { allowed: true, remaining: res.remainingPoints };
  } catch (rejection) {
    if (isRateLimited(rejection)) return { allowed: false, retryAfterSeconds: retryAfterSeconds(rejection) };
    throw rejection;
  }
}

/** `LIMITS.memberSignIn` with the allowance the environment sets (`MEMBER_SIGN_IN_ATTEMPTS_PER_ADDRESS`). */
export function memberSignInLimit(): RateLimitRule {
  return { ...LIMITS.memberSignIn, points: env().MEMBER_SIGN_IN_ATTEMPTS_PER_ADDRESS };
}

/** The limits in one place, so docs and tests quote the same numbers. */
export const LIMITS = {
  /** Payment tokens asked for by one signed-in customer. A visitor needs one or two per order. */
  paymentInitiate: { keyPrefix: "pay-init", points: 10, duration: 60 },
  /**
   * Gift voucher codes tried by one signed-in customer. A member redeems one or two and may mistype a few; more
   * is someone guessing codes, each guess a Spektrix call.
   */
  giftVoucherRedeem: { keyPrefix: "gift-voucher", points: 6, duration: 15 * 60 },
  /** The same from one address across every account (accounts are free to make): a household's few, not a list. */
  giftVoucherRedeemPerAddress: { keyPrefix: "gift-voucher-ip", points: 20, duration: 15 * 60 },
  /** Gift Aid declarations recorded for one customer: one per checkout is all a member needs. */
  giftAidDeclare: { keyPrefix: "gift-aid", points: 5, duration: 60 },
  /**
   * Member sign-in proofs from one address (each costs an owner-mode basket read). The password itself is
   * checked by Spektrix in the browser, under Spektrix's own limits. `points` is the default of
   * MEMBER_SIGN_IN_ATTEMPTS_PER_ADDRESS; the site uses `memberSignInLimit()`.
   */
  memberSignIn: { keyPrefix: "member-signin-ip", points: 30, duration: 15 * 60 },
  /**
   * Newsletter sign-ups from one address (each costs Spektrix a look-up and a write). A household or office
   * behind one address signs up a few people; a script spraying addresses stops here.
   */
  newsletterSignUp: { keyPrefix: "newsletter-ip", points: 10, duration: 15 * 60 },
  /**
   * Basket lines the store does not know, looked up in Spektrix for one address (an owner-signed call each, two for
   * one that exists). A
   * basket holds a few such lines; a script cycling made-up ids stops here, and its lines read "Tickets".
   */
  basketLabelLookups: { keyPrefix: "basket-labels-ip", points: 30, duration: 5 * 60 },
  /**
   * A sign-in proof (basket id + hash) is good once: a replay is refused for 14 days (the longest the in-memory
   * store can wait), long past any session. With Redis every instance shares the record.
   */
  memberSignInProof: { keyPrefix: "member-signin-proof", points: 1, duration: 14 * 24 * 60 * 60 },
} as const satisfies Record<string, RateLimitRule>;
