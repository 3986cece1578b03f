import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));

import { authorizeCredentials, SignInError, type AuthorizeDeps } from "@/lib/auth/authorize";
import { createSignInThrottle, signInRules, type SignInRules } from "@/lib/rate-limit/sign-in";
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
    throttle: createSignInThrottle(signInRules(`t-${Math.random()}`), { redisUrl: null }),
    verifyPassword: (email, password) => h.account.verifyPassword(email, password),
    loadAccount: (id) => h.account.getAccount(id),
    log: (event, fields) => logs.push(JSON.stringify({ event, ...fields })),
    logs,
    ...overrides,
  };
}

describe("signing in with a Spektrix account", () => {
  it("returns the customer id, name, e-mail and current membership ids for the right password", async () => {
    const user = await authorizeCredentials(
      { credentials: { email: " Member@Example.com ", password: "member-pass" }, ip: "192.0.2.1" },
      deps(),
    );
    expect(user).toMatchObject({ customerId: "I-MB22-1DMO", name: "Morgan Member", email: "member@example.com" });
    expect(user!.membershipIds).toHaveLength(1);
  });

  it("gives a customer without a membership an empty membership list", async () => {
    const user = await authorizeCredentials(
      { credentials: { email: "guest@example.com", password: "guest-pass" }, ip: "192.0.2.1" },
      deps(),
    );
    expect(user).toMatchObject({ customerId: "I-GS33-2GUE", membershipIds: [] });
  });

  it("returns null for a wrong password, an unknown e-mail or a malformed form", async () => {
    const d = deps();
    expect(
      await authorizeCredentials(
        { credentials: { email: "member@example.com", password: "wrong" }, ip: "192.0.2.1" },
        d,
      ),
    ).toBeNull();
    expect(
      await authorizeCredentials({ credentials: { email: "nobody@example.com", password: "x" }, ip: "192.0.2.1" }, d),
    ).toBeNull();
    expect(
      await authorizeCredentials({ credentials: { email: "not-an-email", password: "x" }, ip: "192.0.2.1" }, d),
    ).toBeNull();
    expect(await authorizeCredentials({ credentials: undefined, ip: "192.0.2.1" }, d)).toBeNull();
  });

  it("leaves no Spektrix web session logged in behind the server-side check", async () => {
    await authorizeCredentials(
      { credentials: { email: "member@example.com", password: "member-pass" }, ip: "192.0.2.1" },
      deps(),
    );
    const loggedIn = [...h.emulator.state.sessions.values()].filter((s) => s.customerId !== null);
    expect(loggedIn).toEqual([]);
  });

  const RULES = signInRules("x");
  const throttleWith = (rules: Partial<SignInRules> = {}) =>
    createSignInThrottle({ ...signInRules(`t-${Math.random()}`), ...rules }, { redisUrl: null });

  it("stops a guesser at one address after 5 attempts at one account, even with the right password", async () => {
    const d = deps();
    const attempt = (password: string) =>
      authorizeCredentials({ credentials: { email: "member@example.com", password }, ip: "192.0.2.66" }, d);
    for (let i = 0; i < RULES.pair.points; i++) expect(await attempt("wrong")).toBeNull();
    await expect(attempt("member-pass")).rejects.toMatchObject({ code: "RateLimited" });
    expect(d.logs.join()).not.toContain("member@example.com");
  });

  it("a stranger cannot lock the owner out: failures from one address never refuse the owner at another", async () => {
    const d = deps();
    const stranger = (password: string) =>
      authorizeCredentials({ credentials: { email: "member@example.com", password }, ip: "192.0.2.66" }, d);
    for (let i = 0; i < 40; i++)
      await stranger("wrong").catch((error: unknown) => expect(error).toMatchObject({ code: "RateLimited" }));
    const owner = await authorizeCredentials(
      { credentials: { email: "member@example.com", password: "member-pass" }, ip: "198.51.100.1" },
      d,
    );
    expect(owner).toMatchObject({ customerId: "I-MB22-1DMO" });
  });

  it("many guessers reaching the account ceiling slow unknown addresses, while a known device still signs in", async () => {
    const d = deps({
      throttle: throttleWith({ account: { keyPrefix: `acct-${Math.random()}`, points: 3, duration: 3600 } }),
    });
    const tryFrom = (ip: string, password: string) =>
      authorizeCredentials({ credentials: { email: "member@example.com", password }, ip }, d);
    // The owner signed in from home once.
    expect(await tryFrom("198.51.100.1", "member-pass")).not.toBeNull();
    for (let i = 0; i < 3; i++) expect(await tryFrom(`203.0.113.${i + 1}`, "wrong")).toBeNull();
    await expect(tryFrom("203.0.113.200", "member-pass")).rejects.toMatchObject({ code: "RateLimited" });
    expect(await tryFrom("198.51.100.1", "member-pass")).toMatchObject({ customerId: "I-MB22-1DMO" });
  });

  it("limits attempts per address across e-mail addresses (spraying)", async () => {
    const d = deps({
      throttle: throttleWith({ address: { keyPrefix: `ip-${Math.random()}`, points: 2, duration: 60 } }),
    });
    await authorizeCredentials({ credentials: { email: "a@example.com", password: "x" }, ip: "198.51.100.9" }, d);
    await authorizeCredentials({ credentials: { email: "b@example.com", password: "x" }, ip: "198.51.100.9" }, d);
    await expect(
      authorizeCredentials({ credentials: { email: "c@example.com", password: "x" }, ip: "198.51.100.9" }, d),
    ).rejects.toBeInstanceOf(SignInError);
  });

  it("a successful sign-in gives the address its attempts back", async () => {
    const d = deps();
    const attempt = (password: string) =>
      authorizeCredentials({ credentials: { email: "member@example.com", password }, ip: "192.0.2.50" }, d);
    for (let i = 0; i < RULES.pair.points - 1; i++) await attempt("wrong");
    expect(await attempt("member-pass")).not.toBeNull();
    for (let i = 0; i < RULES.pair.points - 1; i++) expect(await attempt("wrong")).toBeNull();
  });

  it("reports Spektrix being down as Unavailable, not as a wrong password", async () => {
    const d = deps({ verifyPassword: () => Promise.reject(new Error("ECONNREFUSED")) });
    await expect(
      authorizeCredentials(
        { credentials: { email: "member@example.com", password: "member-pass" }, ip: "192.0.2.1" },
        d,
      ),
    ).rejects.toMatchObject({ code: "Unavailable" });
  });
});
