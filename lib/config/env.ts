import { z } from "zod";
import { isLoopbackHttp } from "../http/loopback.mjs";
import { buildEnvShape, cleanEnv, describeIssues, url } from "./build.mjs";

/**
 * Every environment variable the site reads, validated once. A missing or malformed value stops the
 * process with a message naming the variable and what to set, instead of failing later on some rarely hit route.
 * The variables that build files also read (next.config.mjs, cache-handler.mjs) are defined in `build.mjs`
 * and reused here, so both sides parse them the same way. This folder is the only code that reads process.env.
 */

// Demo values make `npm run demo` work with no setup; production refuses them.
export const DEMO_SECRETS = {
  AUTH_SECRET: "demo-auth-secret-change-me-0123456789",
  SYNC_SECRET: "demo-sync-secret-change-me",
  SPEKTRIX_API_KEY: "c3Bla3RyaXgtZW11bGF0b3ItZGVtby1rZXk=", // base64("spektrix-emulator-demo-key"), the emulator's demo pair
} as const;

/** The demo venue's zone; the demo's emulator runs its Spektrix system in the same one (scripts/demo.ts). */
export const DEFAULT_VENUE_TIME_ZONE = "America/Edmonton";

const base64 = z
  .string()
  .min(1)
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, { message: "must be base64 (the API secret key as Spektrix issues it)" });

/**
 * The payment provider behind Spektrix's `<spektrix-payments>` (Adyen): the hosts its script, card fields and API
 * are served from, live in each region and the test system. A venue confirms them on its own Spektrix test system
 * (docs/spektrix-setup.md) and sets SPEKTRIX_PAYMENT_SOURCES if they differ.
 */
export const DEFAULT_PAYMENT_SOURCES = [
  "https://checkoutshopper-live.adyen.com",
  "https://checkoutshopper-live-us.adyen.com",
  "https://checkoutshopper-live-au.adyen.com",
  "https://checkoutshopper-live-apse.adyen.com",
  "https://checkoutshopper-live-in.adyen.com",
  "https://checkoutshopper-test.adyen.com",
] as const;

/**
 * Card issuers' 3-D Secure challenge pages can come from any bank, so a real system allows every https host in the
 * payment form's frames (and nowhere else); the payment provider documents the same.
 */
export const DEFAULT_CHALLENGE_SOURCES = ["https:"] as const;

/** An https origin as a CSP source: scheme, host and port, and nothing else. */
const HTTPS_ORIGIN = /^https:\/\/[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?$/i;
/** One origin: https, or plain http on this machine (the emulator's stand-ins), written as its bare origin. */
const isOriginSource = (source: string) =>
  HTTPS_ORIGIN.test(source) || (isLoopbackHttp(source) && new URL(source).origin === source);

/**
 * A space- or comma-separated list of origins for the payment form's policy. Each is checked whole, so nothing
 * else (a `;`, a keyword, a wildcard) can reach the policy; `https:` alone is allowed only where `anyHttps` says,
 * for card issuers' challenges, which come from any bank.
 */
const paymentSources = (what: string, options: { anyHttps?: boolean } = {}) =>
  z.string().transform((value, ctx) => {
    const sources = value.split(/[\s,]+/).filter(Boolean);
    if (sources.length === 0) ctx.addIssue({ code: "custom", message: `must name at least one origin (${what})` });
    for (const source of sources) {
      if (options.anyHttps && source === "https:") continue;
      if (!isOriginSource(source.replace(/\/$/, "")))
        ctx.addIssue({
          code: "custom",
          message: `${JSON.stringify(source)} is not an https origin such as https://checkoutshopper-live.adyen.com (${what})`,
        });
    }
    return sources.map((s) => s.replace(/\/+$/, ""));
  });

const databaseUrl = z.string().regex(/^(postgres(ql)?:\/\/.+|pglite:\/\/.+)$/, {
  message:
    "must be postgres://user@host:port/db for PostgreSQL, or pglite://DIR (or pglite://memory) for the embedded database",
});

export const envSchema = z
  .object({
    ...buildEnvShape,
    /** Set to 1 only for local production builds of the demo (`npm run demo -- --prod`, the test command). */
    ALLOW_DEMO_SECRETS: z.enum(["0", "1"]).default("0"),
    SITE_URL: url("the public origin of this site, e.g. https://www.venue.org").default("http://localhost:3000"),
    VENUE_NAME: z.string().min(1).max(120).default("The Lyric Playhouse"),
    VENUE_TIME_ZONE: z
      .string()
      .refine((tz) => {
        try {
          new Intl.DateTimeFormat("en", { timeZone: tz });
          return true;
        } catch {
          return false;
        }
      }, "must be an IANA time zone such as America/Edmonton")
      .default(DEFAULT_VENUE_TIME_ZONE),
    SPEKTRIX_CLIENT_NAME: z
      .string()
      .regex(/^[a-z0-9_-]+$/i, "must be the Spektrix client name, letters and digits only")
      .default("demo"),
    SPEKTRIX_API_USER: z.string().min(1).default("demo-api"),
    SPEKTRIX_API_KEY: base64.default(DEMO_SECRETS.SPEKTRIX_API_KEY),
    SPEKTRIX_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(8_000),
    SPEKTRIX_PAYMENT_SOURCES: paymentSources("the payment provider's hosts").default([...DEFAULT_PAYMENT_SOURCES]),
    SPEKTRIX_PAYMENT_CHALLENGE_SOURCES: paymentSources("where 3-D Secure challenges come from", {
      anyHttps: true,
    }).default([...DEFAULT_CHALLENGE_SOURCES]),
    DATABASE_URL: databaseUrl.default("pglite://.data/db"),
    AUTH_SECRET: z
      .string()
      .min(32, "must be at least 32 characters (openssl rand -base64 32)")
      .default(DEMO_SECRETS.AUTH_SECRET),
    SYNC_SECRET: z.string().min(16, "must be at least 16 characters").default(DEMO_SECRETS.SYNC_SECRET),
    /** Proxies/load balancers in front of the site; lib/security/client-ip.ts trusts that many X-Forwarded-For hops. */
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    STUDIO_ADMIN_EMAILS: z
      .string()
      .default("editor@example.com")
      .transform((s) =>
        s
          .split(",")
          .map((e) => e.trim().toLowerCase())
          .filter(Boolean),
      ),
    /** Seats left at or below which a performance shows "few left". */
    AVAILABILITY_FEW_LEFT: z.coerce
      .number({ message: "must be a number of seats" })
      .int()
      .min(0)
      .max(10_000)
      .default(20),
    /**
     * How long one process reuses a performance's live seat count. Spektrix asks integrations to cache
     * availability and mind its rate limits: with 30 s, a busy on-sale asks about each performance at most twice a
     * minute per instance, however many visitors look. 30 s is also the ceiling (lib/availability/cache.ts): a
     * badge older than that would tell a visitor about seats long gone.
     */
    AVAILABILITY_CACHE_SECONDS: z.coerce
      .number({ message: "must be a number of seconds" })
      .int()
      .min(5)
      .max(30)
      .default(30),
    /**
     * Member sign-in proofs one address may send per 15 minutes (lib/rate-limit, LIMITS.memberSignIn). Keep the
     * default on a public site; the end-to-end journeys, which all sign in from 127.0.0.1, raise it.
     */
    MEMBER_SIGN_IN_ATTEMPTS_PER_ADDRESS: z.coerce
      .number({ message: "must be a number of attempts" })
      .int()
      .min(1)
      .max(10_000)
      .default(30),
    /** 1 only for benchmark servers: turns on /api/bench/* (scripts/bench). */
    BENCH_ROUTES: z.enum(["0", "1"]).default("0"),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== "production" || env.ALLOW_DEMO_SECRETS === "1") return;
    for (const [key, demo] of Object.entries(DEMO_SECRETS)) {
      if ((env as Record<string, unknown>)[key] === demo) {
        ctx.addIssue({
          code: "custom",
          path: [key],
          message: "is still the demo value; set a real secret in production",
        });
      }
    }
  });

export type Env = z.output<typeof envSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}\nSee .env.example for every variable.`,
    );
    this.name = "ConfigError";
  }
}

/** Parses an environment, turning every zod issue into one line that names the variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(cleanEnv(source));
  if (!result.success) throw new ConfigError(describeIssues(result.error.issues));
  return result.data;
}

let cached: Env | undefined;

/** The validated environment of this process, parsed once. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

let setNames: ReadonlySet<string> | undefined;

/**
 * The variables actually set in this process's environment (not filled in by a default): a connection field set
 * here is pinned, and the studio says so (lib/connection/resolve.ts).
 */
export function setInEnvironment(): ReadonlySet<string> {
  setNames ??= new Set(Object.keys(cleanEnv(process.env)));
  return setNames;
}

/** Demo passwords are seeded only where demo secrets are allowed: never in a real production deployment. */
export function demoSeedingAllowed(e: Pick<Env, "ALLOW_DEMO_SECRETS" | "NODE_ENV"> = env()): boolean {
  return e.ALLOW_DEMO_SECRETS === "1" || e.NODE_ENV !== "production";
}

/**
 * next-auth 4 builds its own absolute URLs from process.env.NEXTAUTH_URL and reads nothing else; give it
 * SITE_URL from config, never the request's Host. Called once, where the auth options are built.
 */
export function exportNextAuthUrl(e: Pick<Env, "SITE_URL"> = env()): void {
  process.env.NEXTAUTH_URL ??= e.SITE_URL;
}
