import { describe, expect, it } from "vitest";
import { bearerToken, secretMatches } from "@/lib/sync/secret";

describe("sync secret", () => {
  it("matches only the exact secret, whatever the lengths", () => {
    expect(secretMatches("demo-sync-secret-change-me", "demo-sync-secret-change-me")).toBe(true);
    expect(secretMatches("demo-sync-secret-change-mE", "demo-sync-secret-change-me")).toBe(false);
    expect(secretMatches("short", "demo-sync-secret-change-me")).toBe(false);
    expect(secretMatches("", "demo-sync-secret-change-me")).toBe(false);
    expect(secretMatches(null, "demo-sync-secret-change-me")).toBe(false);
  });

  it("reads the secret from a Bearer header only", () => {
    expect(bearerToken("Bearer abc.def")).toBe("abc.def");
    expect(bearerToken("bearer   abc ")).toBe("abc");
    expect(bearerToken("Basic abc")).toBeNull();
    expect(bearerToken(null)).toBeNull();
  });
});
