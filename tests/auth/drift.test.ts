import { describe, expect, it, vi } from "vitest";
import { repairPausedOn, repairSessionDrift, sessionDrift, type DriftRepairs } from "@/lib/auth/drift";
import { routes } from "@/lib/routes";

describe("sessionDrift", () => {
  it("agrees when both sides say the same, or when either is unknown", () => {
    expect(sessionDrift(true, { customerId: "C1" })).toBeNull();
    expect(sessionDrift(false, { customerId: null })).toBeNull();
    expect(sessionDrift(null, { customerId: null })).toBeNull();
    // A failed or pending basket read is never taken as "signed out".
    expect(sessionDrift(true, undefined)).toBeNull();
    expect(sessionDrift(true, null)).toBeNull();
  });

  it("names the side that ended", () => {
    expect(sessionDrift(true, { customerId: null })).toBe("spektrix-signed-out");
    expect(sessionDrift(false, { customerId: "C1" })).toBe("site-signed-out");
  });
});

describe("repairPausedOn", () => {
  it("waits on the sign-in, sign-out, Spektrix checkout, payment and confirmation pages, and only there", () => {
    for (const path of [
      routes.login,
      routes.signUp,
      routes.forgotPassword,
      routes.logout,
      routes.guestCheckout,
      routes.checkout,
      routes.confirmation("O1"),
    ])
      expect(repairPausedOn(path), path).toBe(true);
    for (const path of [routes.home, routes.whatsOn, routes.basket, routes.account, "/login-help", "/checkouts"])
      expect(repairPausedOn(path), path).toBe(false);
  });
});

function repairs(overrides: Partial<DriftRepairs> = {}): DriftRepairs & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    readBasket: vi.fn(async () => ({ id: "B1", hash: "h1", customerId: "C1" })),
    spektrixSignedIn: vi.fn(async () => false),
    siteSignedIn: vi.fn(async () => true),
    signOutSite: vi.fn(async () => void calls.push("signOutSite")),
    signInWithProof: vi.fn(
      async (proof) => (calls.push(`signIn ${proof.basketId} ${proof.basketHash}`), "linked" as const),
    ),
    signedOutOnPurpose: vi.fn(() => false),
    deauthenticateSpektrix: vi.fn(async () => void calls.push("deauthenticate")),
    ...overrides,
  };
}

describe("repairSessionDrift", () => {
  it("ends the site's session when Spektrix's has ended, and touches nothing else", async () => {
    const r = repairs({ readBasket: vi.fn(async () => ({ id: "B1", hash: "h1", customerId: null })) });
    expect(await repairSessionDrift("spektrix-signed-out", r)).toBe("signed-out-here");
    expect(r.calls).toEqual(["signOutSite"]);
  });

  it("keeps the site's session unless Spektrix itself says nobody is signed in", async () => {
    const basket = vi.fn(async () => ({ id: "B1", hash: "h1", customerId: null }));
    // A basket without a customer but a signed-in customer: Spektrix has not ended the session.
    const stillIn = repairs({ readBasket: basket, spektrixSignedIn: vi.fn(async () => true) });
    expect(await repairSessionDrift("spektrix-signed-out", stillIn)).toBeNull();
    // Spektrix did not answer: no evidence either way.
    const unknown = repairs({ readBasket: basket, spektrixSignedIn: vi.fn(async () => null) });
    expect(await repairSessionDrift("spektrix-signed-out", unknown)).toBeNull();
    expect([...stillIn.calls, ...unknown.calls]).toEqual([]);
  });

  it("only clears the hint, without a notice, when no site session stood behind it (a forged or stale hint)", async () => {
    const r = repairs({
      readBasket: vi.fn(async () => ({ id: "B1", hash: "h1", customerId: null })),
      siteSignedIn: vi.fn(async () => false),
    });
    expect(await repairSessionDrift("spektrix-signed-out", r)).toBe("hint-cleared");
    expect(r.calls).toEqual(["signOutSite"]);
  });

  it("keeps the site's session when a fresh read finds the customer back (signed in from another tab)", async () => {
    const r = repairs();
    expect(await repairSessionDrift("spektrix-signed-out", r)).toBeNull();
    expect(r.calls).toEqual([]);
  });

  it("links the site to the Spektrix customer with a fresh basket proof", async () => {
    const r = repairs();
    expect(await repairSessionDrift("site-signed-out", r)).toBe("linked");
    expect(r.calls).toEqual(["signIn B1 h1"]);
  });

  it("signs Spektrix out when the site refuses the proof, so both say signed out", async () => {
    const r = repairs({ signInWithProof: vi.fn(async () => "refused" as const) });
    expect(await repairSessionDrift("site-signed-out", r)).toBe("signed-out-of-spektrix");
    expect(r.calls).toEqual(["deauthenticate"]);
  });

  it("leaves Spektrix signed in when the site could not check the proof (an outage or a rate limit)", async () => {
    const r = repairs({ signInWithProof: vi.fn(async () => "unavailable" as const) });
    expect(await repairSessionDrift("site-signed-out", r)).toBe("deferred");
    expect(r.calls).toEqual([]);
  });

  it("finishes a sign-out made on purpose instead of undoing it", async () => {
    const r = repairs({ signedOutOnPurpose: vi.fn(() => true) });
    expect(await repairSessionDrift("site-signed-out", r)).toBe("sign-out-finished");
    expect(r.calls).toEqual(["deauthenticate"]);
  });

  it("does nothing when a fresh read shows Spektrix signed out meanwhile", async () => {
    const r = repairs({ readBasket: vi.fn(async () => ({ id: "B1", hash: "h2", customerId: null })) });
    expect(await repairSessionDrift("site-signed-out", r)).toBeNull();
    expect(r.calls).toEqual([]);
  });

  it("leaves things as they were when a step fails", async () => {
    const r = repairs({
      readBasket: vi.fn(async () => ({ id: "B1", hash: "h1", customerId: null })),
      signOutSite: vi.fn(async () => {
        throw new Error("offline");
      }),
    });
    expect(await repairSessionDrift("spektrix-signed-out", r)).toBeNull();
    const unreadable = repairs({
      readBasket: vi.fn(async () => {
        throw new Error("offline");
      }),
    });
    expect(await repairSessionDrift("site-signed-out", unreadable)).toBeNull();
    expect(unreadable.calls).toEqual([]);
  });
});
