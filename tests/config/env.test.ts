import { describe, expect, it } from "vitest";
import { ConfigError, DEMO_SECRETS, parseEnv } from "@/lib/config";

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
});
