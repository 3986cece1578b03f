import { describe, expect, it } from "vitest";
import { ConfigError, DEMO_SECRETS, demoSeedingAllowed, parseEnv } from "@/lib/config";
import { buildEnv } from "@/lib/config/build.mjs";

function problemsOf(source: Record<string, string | undefined>): string[] {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("environment validation", () => {
  it("gives a working demo configuration when nothing is set", () => {
    const env = parseEnv({});
    expect(env.SPEKTRIX_CLIENT_NAME).toBe("demo");
    expect(env.DATABASE_URL).toBe("pglite://.data/db");
    expect(env.STUDIO_ADMIN_EMAILS).toEqual(["editor@example.com"]);
  });

  it("names the variable and what to set when a value is malformed", () => {
    const problems = problemsOf({ SPEKTRIX_BASE_URL: "tickets.venue.org", DATABASE_URL: "mysql://x" });
    expect(problems).toHaveLength(2);
    expect(problems.find((p) => p.startsWith("SPEKTRIX_BASE_URL"))).toMatch(/absolute URL/);
    expect(problems.find((p) => p.startsWith("DATABASE_URL"))).toMatch(/postgres:\/\/.*pglite:\/\//);
  });

  it("rejects an API key that is not base64 and a short auth secret", () => {
    const problems = problemsOf({ SPEKTRIX_API_KEY: "not base64!", AUTH_SECRET: "short" });
    expect(problems.some((p) => p.startsWith("SPEKTRIX_API_KEY") && /base64/.test(p))).toBe(true);
    expect(problems.some((p) => p.startsWith("AUTH_SECRET") && /32 characters/.test(p))).toBe(true);
  });

  it("refuses the demo secrets in production, one message per secret", () => {
    const problems = problemsOf({ NODE_ENV: "production" });
    expect(problems).toHaveLength(Object.keys(DEMO_SECRETS).length);
    for (const key of Object.keys(DEMO_SECRETS)) {
      expect(problems.some((p) => p.startsWith(key) && /demo value/.test(p))).toBe(true);
    }
  });

  it("lets the demo opt in to its own secrets in a production build, explicitly", () => {
    expect(parseEnv({ NODE_ENV: "production", ALLOW_DEMO_SECRETS: "1" }).AUTH_SECRET).toBe(DEMO_SECRETS.AUTH_SECRET);
    expect(problemsOf({ NODE_ENV: "production", ALLOW_DEMO_SECRETS: "yes" })[0]).toMatch(/^ALLOW_DEMO_SECRETS/);
  });

  it("accepts production with real secrets", () => {
    const env = parseEnv({
      NODE_ENV: "production",
      AUTH_SECRET: "x".repeat(40),
      SYNC_SECRET: "y".repeat(20),
      SPEKTRIX_API_KEY: "cmVhbC1rZXk=",
      SPEKTRIX_BASE_URL: "https://tickets.venue.org/",
    });
    expect(env.SPEKTRIX_BASE_URL).toBe("https://tickets.venue.org");
  });

  it("treats empty strings as unset and rejects an unknown time zone", () => {
    expect(parseEnv({ SPEKTRIX_CLIENT_NAME: "" }).SPEKTRIX_CLIENT_NAME).toBe("demo");
    expect(problemsOf({ VENUE_TIME_ZONE: "Mars/Olympus" })[0]).toMatch(/^VENUE_TIME_ZONE .*IANA/);
  });

  it("formats every problem into one readable message", () => {
    const error = new ConfigError(["A must be set", "B is wrong"]);
    expect(error.message).toContain("  - A must be set\n  - B is wrong");
    expect(error.message).toContain(".env.example");
  });

  it("reads the few-left threshold, and refuses one that is not a number of seats", () => {
    expect(parseEnv({}).AVAILABILITY_FEW_LEFT).toBe(20);
    expect(parseEnv({ AVAILABILITY_FEW_LEFT: "5" }).AVAILABILITY_FEW_LEFT).toBe(5);
    expect(problemsOf({ AVAILABILITY_FEW_LEFT: "lots" })[0]).toMatch(/^AVAILABILITY_FEW_LEFT .*seats/);
  });

  it("parses the proxy hops once, within 0–10", () => {
    expect(parseEnv({}).TRUSTED_PROXY_HOPS).toBe(0);
    expect(parseEnv({ TRUSTED_PROXY_HOPS: "2" }).TRUSTED_PROXY_HOPS).toBe(2);
    expect(problemsOf({ TRUSTED_PROXY_HOPS: "11" })[0]).toMatch(/^TRUSTED_PROXY_HOPS/);
  });

  it("switches the schedule, the bench routes and the compile hints only with the exact values", () => {
    expect(parseEnv({}).SYNC_SCHEDULE).toBe("on");
    expect(parseEnv({ SYNC_SCHEDULE: "off" }).SYNC_SCHEDULE).toBe("off");
    expect(problemsOf({ SYNC_SCHEDULE: "no" })[0]).toMatch(/^SYNC_SCHEDULE must be on or off/);
    expect(parseEnv({}).BENCH_ROUTES).toBe("0");
    expect(problemsOf({ BENCH_ROUTES: "yes" })[0]).toMatch(/^BENCH_ROUTES/);
    expect(parseEnv({}).NEXT_COMPILE_HINTS).toBe("on");
    expect(parseEnv({ NEXT_COMPILE_HINTS: "off" }).NEXT_COMPILE_HINTS).toBe("off");
    expect(problemsOf({ NEXT_COMPILE_HINTS: "0" })[0]).toMatch(/^NEXT_COMPILE_HINTS must be on or off/);
  });

  it("validates the Redis cache settings and the venue's locale and currency", () => {
    const e = parseEnv({});
    expect([e.REDIS_KEY_PREFIX, e.REDIS_CACHE_TIMEOUT_MS, e.REDIS_CACHE_CONNECT_WAIT_MS]).toEqual([
      "storefront",
      1000,
      5000,
    ]);
    expect([e.VENUE_LOCALE, e.VENUE_CURRENCY]).toEqual(["en-CA", "CAD"]);
    const problems = problemsOf({ REDIS_KEY_PREFIX: "a b", REDIS_CACHE_TIMEOUT_MS: "soon", VENUE_CURRENCY: "dollars" });
    expect(problems.map((p) => p.split(" ")[0]).sort()).toEqual([
      "REDIS_CACHE_TIMEOUT_MS",
      "REDIS_KEY_PREFIX",
      "VENUE_CURRENCY",
    ]);
  });

  it("gives the build files (next.config.mjs, cache-handler.mjs) the same values as the site", () => {
    const source = {
      REDIS_URL: "redis://127.0.0.1:6379",
      REDIS_KEY_PREFIX: "lyric",
      REDIS_CACHE_TIMEOUT_MS: "250",
      SPEKTRIX_BASE_URL: "https://tickets.venue.org/",
      VENUE_LOCALE: "en-GB",
      NODE_ENV: "test",
    };
    const site = parseEnv(source);
    const build = buildEnv(source);
    for (const key of Object.keys(build) as (keyof typeof build)[]) expect(build[key], key).toEqual(site[key]);
    expect(() => buildEnv({ REDIS_CACHE_CONNECT_WAIT_MS: "-1" })).toThrow(/REDIS_CACHE_CONNECT_WAIT_MS/);
  });

  it("seeds demo passwords everywhere except a real production deployment", () => {
    expect(demoSeedingAllowed({ NODE_ENV: "development", ALLOW_DEMO_SECRETS: "0" })).toBe(true);
    expect(demoSeedingAllowed({ NODE_ENV: "production", ALLOW_DEMO_SECRETS: "1" })).toBe(true);
    expect(demoSeedingAllowed({ NODE_ENV: "production", ALLOW_DEMO_SECRETS: "0" })).toBe(false);
  });
});

describe(".env.example", () => {
  it("lists every variable the schema reads", async () => {
    const { readFileSync } = await import("node:fs");
    const { envSchema } = await import("@/lib/config");
    const listed = new Set(
      [...readFileSync(".env.example", "utf8").matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]),
    );
    // NODE_ENV is set by Next and the test runner, never by hand.
    const missing = Object.keys(envSchema.shape).filter((key) => key !== "NODE_ENV" && !listed.has(key));
    expect(missing).toEqual([]);
  });
});
