/**
 * The sign-in policy, one for members (next-auth) and editors (the studio): slow guessing down without
 * letting a stranger lock the owner out.
 *
 * - per account and address (`pair`): 5 attempts per 15 minutes, spent before the password is checked (so
 *   many guesses sent at once are counted too) and given back by a success. This is what stops a guesser;
 *   it never touches the owner, who signs in from another address.
 * - per address: 50 attempts per 15 minutes across every account, so one address cannot spray a few
 *   passwords over many accounts. The address is the socket peer unless proxies are trusted
 *   (lib/security/client-ip.ts), so a forged X-Forwarded-For is not a new address.
 * - per account, a looser ceiling: 25 failures per hour from any number of addresses; only failures count,
 *   so it takes a distributed guesser to reach it, and once it is reached an address this account has
 *   signed in from before (a known device, remembered 14 days) still gets through with the right password.
 *
 * Nothing here sees the password; e-mail addresses are keys only (lower-cased) and never logged.
 */
import { attempt, createRateLimiter, type RateLimiter, type RateLimiterOptions, type RateLimitRule } from "./index";

export interface SignInRules {
  pair: RateLimitRule;
  address: RateLimitRule;
  account: RateLimitRule;
  /** How long a successful account+address pair counts as a known device (points: 1). */
  knownDevice: RateLimitRule;
}

export function signInRules(prefix: string): SignInRules {
  return {
    pair: { keyPrefix: `${prefix}-pair`, points: 5, duration: 15 * 60 },
    address: { keyPrefix: `${prefix}-ip`, points: 50, duration: 15 * 60 },
    account: { keyPrefix: `${prefix}-account`, points: 25, duration: 60 * 60 },
    // 14 days: the in-memory store expires keys with setTimeout, which cannot wait longer than ~24.8 days.
    knownDevice: { keyPrefix: `${prefix}-known`, points: 1, duration: 14 * 24 * 60 * 60 },
  };
}

export type Throttle =
  { allowed: true } | { allowed: false; retryAfterSeconds: number; by: "pair" | "address" | "account" };

export interface SignInThrottle {
  /** Whether this attempt may go ahead; spends the pair and address allowances. */
  check(email: string, ip: string): Promise<Throttle>;
  /** The password was wrong: counts against the account ceiling. */
  failed(email: string, ip: string): Promise<void>;
  /** The password was right: gives the pair its attempts back and remembers the device. */
  succeeded(email: string, ip: string): Promise<void>;
}

export function createSignInThrottle(rules: SignInRules, options: RateLimiterOptions = {}): SignInThrottle {
  const limiter = (rule: RateLimitRule): RateLimiter => createRateLimiter(rule, options);
  const pair = limiter(rules.pair);
  const address = limiter(rules.address);
  const account = limiter(rules.account);
  const known = limiter(rules.knownDevice);
  const keys = (email: string, ip: string) => {
    const id = email.trim().toLowerCase();
    return { account: id, pair: `${id}|${ip}` };
  };

  return {
    async check(email, ip) {
      const k = keys(email, ip);
      const byAddress = await attempt(address, ip);
      if (!byAddress.allowed) return { ...byAddress, by: "address" };
      const byPair = await attempt(pair, k.pair);
      if (!byPair.allowed) return { ...byPair, by: "pair" };
      const failures = await account.get(k.account);
      if (failures && failures.remainingPoints <= 0 && !(await known.get(k.pair))) {
        return {
          allowed: false,
          retryAfterSeconds: Math.max(1, Math.ceil(failures.msBeforeNext / 1000)),
          by: "account",
        };
      }
      return { allowed: true };
    },
    async failed(email, ip) {
      await account.penalty(keys(email, ip).account, 1);
    },
    async succeeded(email, ip) {
      const k = keys(email, ip);
      await Promise.all([pair.delete(k.pair), account.delete(k.account), known.penalty(k.pair, 1)]);
    },
  };
}

/** One throttle per name per process, counted in Redis when REDIS_URL is set (shared by every instance). */
export function sharedSignInThrottle(prefix: string): SignInThrottle {
  const store = ((globalThis as { __siteSignInThrottles?: Map<string, SignInThrottle> }).__siteSignInThrottles ??=
    new Map());
  let throttle = store.get(prefix);
  if (!throttle) {
    throttle = createSignInThrottle(signInRules(prefix));
    store.set(prefix, throttle);
  }
  return throttle;
}
