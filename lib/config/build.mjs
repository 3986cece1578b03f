/**
 * The environment variables that files outside TypeScript read: `next.config.mjs` (security headers, the
 * cache handler switch, locale and currency baked into client bundles), `cache-handler.mjs` (Redis) and
 * `instrumentation.ts` (the sync schedule). Plain JavaScript (types in `build.d.mts`) because those files
 * cannot import TypeScript. `env.ts` builds the site's one schema from these same field rules, so a value
 * means the same thing at build, in the cache handler and in the running site.
 */
import { z } from "zod";

/**
 * An absolute URL without trailing slashes.
 * @param {string} what
 */
export const url = (what) =>
  z
    .string()
    .url({ message: `must be an absolute URL (${what})` })
    .transform((u) => u.replace(/\/+$/, ""));

const positiveMs = (what) =>
  z.coerce
    .number({ message: `must be a number of milliseconds (${what})` })
    .int()
    .min(1)
    .max(60_000);

export const buildEnvShape = {
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  SPEKTRIX_BASE_URL: url("https://{custom domain}, or the emulator's URL").default("http://localhost:4010"),
  SPEKTRIX_WEB_COMPONENTS_URL: url("where the Spektrix web-component scripts live").optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/.+/, "must be redis://host:port")
    .optional(),
  /** Keys are `<prefix>:<build id>:…`; several sites may share one Redis with different prefixes. */
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,64}$/, "must be 1–64 letters, digits, '.', '_' or '-'")
    .default("storefront"),
  /** The most one cache read or write may wait for Redis before it counts as a miss (or is dropped). */
  REDIS_CACHE_TIMEOUT_MS: positiveMs("per Redis cache command").default(1_000),
  /** How long a starting instance waits for its first Redis connection before serving without the cache. */
  REDIS_CACHE_CONNECT_WAIT_MS: positiveMs("wait for Redis at start").default(5_000),
  /** `off` on every instance when something else (cron, a scheduler) calls POST /api/sync. */
  SYNC_SCHEDULE: z.enum(["on", "off"], { message: "must be on or off" }).default("on"),
  /** The least severe server log line written (lib/log): `silent` turns logging off. */
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Where `next build` writes and `next start` reads, so two builds can live side by side. */
  NEXT_DIST_DIR: z
    .string()
    .regex(/^[A-Za-z0-9_./-]+$/, "must be a folder name")
    .default(".next"),
  /**
   * `off` builds without V8's compile hint on first-load chunks (ADR 0016), so a benchmark can weigh the hint
   * against a build without it.
   */
  NEXT_COMPILE_HINTS: z.enum(["on", "off"], { message: "must be on or off" }).default("on"),
  /** How prices, dates and times are written (a BCP 47 tag). Baked into client bundles at build time. */
  VENUE_LOCALE: z
    .string()
    .refine((tag) => {
      try {
        return Intl.NumberFormat.supportedLocalesOf([tag]).length === 1;
      } catch {
        return false;
      }
    }, "must be a locale such as en-CA or en-GB")
    .default("en-CA"),
  /** The currency Spektrix sends amounts in (ISO 4217). Baked into client bundles at build time. */
  VENUE_CURRENCY: z
    .string()
    .regex(/^[A-Z]{3}$/, "must be a three-letter currency code such as CAD or GBP")
    .default("CAD"),
};

/**
 * Empty strings count as unset, the way shells and .env files usually mean them.
 * @param {Record<string, string | undefined>} source
 * @returns {Record<string, string>}
 */
export function cleanEnv(source) {
  return /** @type {Record<string, string>} */ (
    Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""))
  );
}

/**
 * One line per zod issue, naming the variable.
 * @param {{ path: PropertyKey[], message: string }[]} issues
 * @returns {string[]}
 */
export function describeIssues(issues) {
  return issues.map((i) => `${i.path.map(String).join(".") || "(env)"} ${i.message}`);
}

const buildEnvSchema = z.object(buildEnvShape);

/**
 * The build files' variables, validated with the same rules as the site's schema.
 * @param {Record<string, string | undefined>} [source] defaults to the process environment
 */
export function buildEnv(source = process.env) {
  const result = buildEnvSchema.safeParse(cleanEnv(source));
  if (!result.success) {
    const problems = describeIssues(result.error.issues);
    throw new Error(
      `Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}\nSee .env.example for every variable.`,
    );
  }
  return result.data;
}
