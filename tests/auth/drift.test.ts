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
  it("waits on the sign-in, sign-out and Spektrix checkout pages, and only there", () => {
    for (const path of [routes.login, routes.signUp, routes.forgotPassword, routes.logout, routes.guestCheckout])
      expect(repairPausedOn(path), path).toBe(true);
    for (const path of [routes.home, routes.whatsOn, routes.basket, routes.checkout, routes.account, "/login-help"])
      expect(repairPausedOn(path), path).toBe(false);
  });
});

function repairs(overrides: Partial<DriftRepairs> = {}): DriftRepairs & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    signOutSite: vi.fn(async () => void calls.push("signOutSite")),
    readBasket: vi.fn(async () => ({ id: "B1", hash: "h1", customerId: "C1" })),
    signInWithProof: vi.fn(async (proof) => (calls.push(`signIn ${proof.basketId} ${proof.basketHash}`), true)),
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
    const r = repairs({ signInWithProof: vi.fn(async () => false) });
    expect(await repairSessionDrift("site-signed-out", r)).toBe("signed-out-of-spektrix");
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
