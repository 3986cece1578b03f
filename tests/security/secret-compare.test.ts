import { readFileSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";

/**
 * Secrets are compared in constant time. Timing itself is too noisy to measure in a unit test, so this proves the
 * mechanism: every comparison reaches `crypto.timingSafeEqual` over equal-length digests, whatever the input, and
 * the routes compare through these helpers rather than with `===`.
 */

const calls: Array<[number, number]> = [];
vi.mock("node:crypto", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:crypto")>();
  return {
    ...real,
    timingSafeEqual: (a: NodeJS.ArrayBufferView, b: NodeJS.ArrayBufferView) => {
      calls.push([a.byteLength, b.byteLength]);
      return real.timingSafeEqual(a, b);
    },
  };
});

const { secretMatches } = await import("@/lib/sync/secret");
const SECRET = "demo-sync-secret-change-me";

describe("the sync secret comparison", () => {
  it.each([
    ["the right secret", SECRET, true],
    ["one character off at the end", `${SECRET.slice(0, -1)}X`, false],
    ["one character off at the start", `X${SECRET.slice(1)}`, false],
    ["a short guess", "a", false],
    ["a very long guess", "a".repeat(10_000), false],
    ["unicode", "🎭".repeat(8), false],
  ])("%s goes through timingSafeEqual over two 32-byte digests", (_name, presented, expected) => {
    calls.length = 0;
    expect(secretMatches(presented, SECRET)).toBe(expected);
    expect(calls).toEqual([[32, 32]]);
  });

  it("does not compare at all when nothing is presented (no secret, no timing to learn)", () => {
    calls.length = 0;
    expect(secretMatches(null, SECRET)).toBe(false);
    expect(secretMatches("", SECRET)).toBe(false);
    expect(calls).toEqual([]);
  });

  it("is the only way the sync routes check the secret: no ===, no query string", () => {
    const route = readFileSync("app/api/sync/route.ts", "utf8");
    expect(route).toMatch(/secretMatches\(bearerToken\(request\.headers\.get\("authorization"\)\)/);
    expect(route).not.toMatch(/SYNC_SECRET\s*[!=]==|[!=]==\s*env\(\)\.SYNC_SECRET/);
    expect(route).not.toMatch(/searchParams\.get\(["'](secret|token)/);
  });
});

describe("the studio session cookie", () => {
  it("checks its signature with timingSafeEqual", async () => {
    const { issueSessionToken, verifySessionToken } = await import("@/lib/studio/session-token");
    const secret = "x".repeat(40);
    const token = issueSessionToken("editor@example.com", secret);
    calls.length = 0;
    expect(verifySessionToken(token, secret)?.sub).toBe("editor@example.com");
    expect(verifySessionToken(`${token.slice(0, -2)}AA`, secret)).toBeNull();
    expect(calls.length).toBe(2);
    expect(calls.every(([a, b]) => a === b)).toBe(true);
  });
});
