import { describe, expect, it } from "vitest";
import { signToken, verifyToken } from "@/lib/security/signed-token";
import { issueSessionToken, verifySessionToken } from "@/lib/studio/session-token";
import { checkFormToken, issueFormToken } from "@/lib/newsletter/form-token";

const SECRET = "a-secret-of-some-length-0123456789";

describe("signed tokens", () => {
  it("verify for their own purpose and secret only", () => {
    const token = signToken({ a: 1 }, SECRET, "one");
    expect(verifyToken(token, SECRET, "one")).toEqual({ a: 1 });
    expect(verifyToken(token, SECRET, "two")).toBeNull();
    expect(verifyToken(token, `${SECRET}x`, "one")).toBeNull();
    expect(verifyToken(`${token}x`, SECRET, "one")).toBeNull();
    expect(verifyToken("x".repeat(5000), SECRET, "one")).toBeNull();
  });

  it("keep a studio session and a form token apart", () => {
    const now = new Date("2026-12-01T12:00:00Z");
    const session = issueSessionToken("editor@example.com", SECRET, now);
    expect(verifySessionToken(session, SECRET, now)?.sub).toBe("editor@example.com");
    expect(checkFormToken(session, SECRET, now)).toBe("invalid");
    expect(verifySessionToken(issueFormToken(SECRET, now), SECRET, now)).toBeNull();
  });
});
