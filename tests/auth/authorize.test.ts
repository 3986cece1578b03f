import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));

import { authorizeCredentials, SignInError, type AuthorizeDeps } from "@/lib/auth/authorize";
import { createMemoryLimiter, LIMITS } from "@/lib/auth/rate-limit";
import { startHarness, type Harness } from "../checkout/helpers";

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

function deps(overrides: Partial<AuthorizeDeps> = {}): AuthorizeDeps & { logs: string[] } {
  const logs: string[] = [];
  return {
    limiters: {
      ip: createMemoryLimiter({ ...LIMITS.loginPerIp, name: `ip-${Math.random()}` }),
      email: createMemoryLimiter({ ...LIMITS.loginPerEmail, name: `em-${Math.random()}` }),
    },
    verifyPassword: (email, password) => h.account.verifyPassword(email, password),
    loadAccount: (id) => h.account.getAccount(id),
    log: (event, fields) => logs.push(JSON.stringify({ event, ...fields })),
    logs,
    ...overrides,
  };
}

describe("signing in with a Spektrix account", () => {
  it("returns the customer id, name, e-mail and current membership ids for the right password", async () => {
    const user = await authorizeCredentials({ credentials: { email: " Member@Example.com ", password: "member-pass" }, ip: "192.0.2.1" }, deps());
    expect(user).toMatchObject({ customerId: "I-MB22-1DMO", name: "Morgan Member", email: "member@example.com" });
    expect(user!.membershipIds).toHaveLength(1);
  });

  it("gives a customer without a membership an empty membership list", async () => {
    const user = await authorizeCredentials({ credentials: { email: "guest@example.com", password: "guest-pass" }, ip: "192.0.2.1" }, deps());
    expect(user).toMatchObject({ customerId: "I-GS33-2GUE", membershipIds: [] });
  });

  it("returns null for a wrong password, an unknown e-mail or a malformed form", async () => {
    const d = deps();
    expect(await authorizeCredentials({ credentials: { email: "member@example.com", password: "wrong" }, ip: "192.0.2.1" }, d)).toBeNull();
    expect(await authorizeCredentials({ credentials: { email: "nobody@example.com", password: "x" }, ip: "192.0.2.1" }, d)).toBeNull();
    expect(await authorizeCredentials({ credentials: { email: "not-an-email", password: "x" }, ip: "192.0.2.1" }, d)).toBeNull();
    expect(await authorizeCredentials({ credentials: undefined, ip: "192.0.2.1" }, d)).toBeNull();
  });

  it("leaves no Spektrix web session logged in behind the server-side check", async () => {
    await authorizeCredentials({ credentials: { email: "member@example.com", password: "member-pass" }, ip: "192.0.2.1" }, deps());
    const loggedIn = [...h.emulator.state.sessions.values()].filter((s) => s.customerId !== null);
    expect(loggedIn).toEqual([]);
  });

  it("limits attempts per e-mail address, even with the right password after the limit", async () => {
    const d = deps();
    const attempt = (password: string, ip: string) => authorizeCredentials({ credentials: { email: "member@example.com", password }, ip }, d);
    for (let i = 0; i < LIMITS.loginPerEmail.points; i++) expect(await attempt("wrong", `192.0.2.${i + 10}`)).toBeNull();
    await expect(attempt("member-pass", "192.0.2.99")).rejects.toMatchObject({ code: "RateLimited" });
    expect(d.logs.join()).not.toContain("member@example.com");
  });

  it("limits attempts per IP address across e-mail addresses", async () => {
    const d = deps({ limiters: { ip: createMemoryLimiter({ name: `ip-${Math.random()}`, points: 2, durationSeconds: 60 }), email: createMemoryLimiter({ ...LIMITS.loginPerEmail, name: `e-${Math.random()}` }) } });
    await authorizeCredentials({ credentials: { email: "a@example.com", password: "x" }, ip: "198.51.100.9" }, d);
    await authorizeCredentials({ credentials: { email: "b@example.com", password: "x" }, ip: "198.51.100.9" }, d);
    await expect(authorizeCredentials({ credentials: { email: "c@example.com", password: "x" }, ip: "198.51.100.9" }, d)).rejects.toBeInstanceOf(SignInError);
  });

  it("a successful sign-in clears the e-mail's failed attempts", async () => {
    const d = deps();
    const attempt = (password: string) => authorizeCredentials({ credentials: { email: "member@example.com", password }, ip: "192.0.2.50" }, d);
    for (let i = 0; i < LIMITS.loginPerEmail.points - 1; i++) await attempt("wrong");
    expect(await attempt("member-pass")).not.toBeNull();
    for (let i = 0; i < LIMITS.loginPerEmail.points - 1; i++) expect(await attempt("wrong")).toBeNull();
  });

  it("reports Spektrix being down as Unavailable, not as a wrong password", async () => {
    const d = deps({ verifyPassword: () => Promise.reject(new Error("ECONNREFUSED")) });
    await expect(authorizeCredentials({ credentials: { email: "member@example.com", password: "member-pass" }, ip: "192.0.2.1" }, d)).rejects.toMatchObject({ code: "Unavailable" });
  });
});
