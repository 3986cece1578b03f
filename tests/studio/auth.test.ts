import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "@/lib/studio/password";
import { issueSessionToken, signSessionToken, verifySessionToken } from "@/lib/studio/session-token";
import { open, seal } from "@/lib/connection/secret-box";
import { safeReturnPath } from "@/lib/studio/guard-paths";

const SECRET = "x".repeat(40);

describe("studio session token", () => {
  it("verifies a token it issued", () => {
    const claims = verifySessionToken(issueSessionToken("Editor@Example.com", SECRET), SECRET);
    expect(claims).toMatchObject({ sub: "editor@example.com", role: "editor" });
  });

  it("rejects a token signed with another secret, a tampered payload, junk and an expired token", () => {
    const token = issueSessionToken("editor@example.com", SECRET);
    expect(verifySessionToken(token, "y".repeat(40))).toBeNull();
    const [payload, mac] = token.split(".");
    const forged = Buffer.from(
      JSON.stringify({ sub: "boss@example.com", role: "editor", iat: 1, exp: 9_999_999_999 }),
    ).toString("base64url");
    expect(verifySessionToken(`${forged}.${mac}`, SECRET)).toBeNull();
    expect(verifySessionToken(`${payload}`, SECRET)).toBeNull();
    expect(verifySessionToken("", SECRET)).toBeNull();
    expect(verifySessionToken("a.b.c", SECRET)).toBeNull();
    const old = signSessionToken({ sub: "editor@example.com", role: "editor", iat: 1, exp: 2 }, SECRET);
    expect(verifySessionToken(old, SECRET)).toBeNull();
  });

  it("refuses claims without the editor role", () => {
    const t = signSessionToken(
      { sub: "m@example.com", role: "member" as "editor", iat: 1, exp: 9_999_999_999 },
      SECRET,
    );
    expect(verifySessionToken(t, SECRET)).toBeNull();
  });
});

describe("studio passwords", () => {
  it("hashes with scrypt and a random salt, and verifies only the right password", async () => {
    const a = await hashPassword("editor-pass", { N: 1024, r: 8, p: 1 });
    const b = await hashPassword("editor-pass", { N: 1024, r: 8, p: 1 });
    expect(a).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword("editor-pass", a)).toBe(true);
    expect(await verifyPassword("editor-pasS", a)).toBe(false);
    expect(await verifyPassword("editor-pass", "plain-text")).toBe(false);
  });
});

describe("owner key at rest", () => {
  it("round-trips and refuses another secret", () => {
    const box = seal("c2VjcmV0", SECRET);
    expect(box).not.toContain("c2VjcmV0");
    expect(open(box, SECRET)).toBe("c2VjcmV0");
    expect(open(box, "z".repeat(40))).toBeNull();
  });
});

describe("return path after sign-in", () => {
  it("follows only studio paths", () => {
    expect(safeReturnPath("/studio/pages/3")).toBe("/studio/pages/3");
    expect(safeReturnPath("https://evil.example/studio")).toBe("/studio");
    expect(safeReturnPath("//evil.example")).toBe("/studio");
    expect(safeReturnPath("/account")).toBe("/studio");
    expect(safeReturnPath(42)).toBe("/studio");
  });
});
