import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));

import { authorizeBasketProof, type AuthorizeDeps } from "@/lib/auth/authorize";
import { attempt, createRateLimiter } from "@/lib/rate-limit";
import { browserSession, signInProof, startHarness, type Harness } from "../checkout/helpers";

/**
 * Member sign-in (docs/adr/0013): the browser signs in to Spektrix and sends its session basket's id and hash;
 * the server believes only what owner mode says about that basket. Against a strict emulator: the "browser" here
 * carries the site's Origin and its own cookie, and the server side makes owner-mode calls only.
 */

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

function deps(overrides: Partial<AuthorizeDeps> = {}): AuthorizeDeps & { logs: string[] } {
  const logs: string[] = [];
  const spent = createRateLimiter(
    { keyPrefix: `spent-${Math.random()}`, points: 1, duration: 3600 },
    { redisUrl: null },
  );
  return {
    allowAddress: async () => true,
    spendProof: async (key) => (await attempt(spent, key)).allowed,
    releaseProof: async (key) => void (await spent.delete(key)),
    readBasket: (id) => h.account.findBasket(id),
    loadAccount: (id) => h.account.getAccount(id),
    log: (event, fields) => logs.push(JSON.stringify({ event, ...fields })),
    logs,
    ...overrides,
  };
}

const IP = "192.0.2.1";
const browser = () => browserSession(h.emulator.url);

describe("signing in with a Spektrix account", () => {
  it("returns the customer id, name, e-mail and current membership ids of the basket's customer", async () => {
    const proof = await signInProof(browser(), "member@example.com", "member-pass");
    const user = await authorizeBasketProof({ proof, ip: IP }, deps());
    expect(user).toMatchObject({ customerId: "I-MB22-1DMO", name: "Morgan Member", email: "member@example.com" });
    expect(user!.membershipIds).toHaveLength(1);
  });

  it("gives a customer without a membership an empty membership list", async () => {
    const proof = await signInProof(browser(), "guest@example.com", "guest-pass");
    expect(await authorizeBasketProof({ proof, ip: IP }, deps())).toMatchObject({
      customerId: "I-GS33-2GUE",
      membershipIds: [],
    });
  });

  it("a wrong password never leaves the browser: Spektrix refuses it and there is no proof to send", async () => {
    await expect(signInProof(browser(), "member@example.com", "wrong")).rejects.toMatchObject({ status: 401 });
  });

  it("refuses a basket no one signed in to, an unknown basket, a forged hash and malformed proofs", async () => {
    const d = deps();
    const anonymous = browser();
    await anonymous.addDonation({ fundId: (await h.account.owner.listFunds())[0]!.id, amount: 5 });
    const basket = (await anonymous.getBasket())!;
    expect(
      await authorizeBasketProof({ proof: { basketId: basket.id, basketHash: basket.hash }, ip: IP }, d),
    ).toBeNull();
    const real = await signInProof(browser(), "member@example.com", "member-pass");
    for (const proof of [
      { ...real, basketId: "B-NO-SUCH-BASKET" },
      { ...real, basketHash: "0".repeat(40) },
      { basketId: "../customers/I-MB22-1DMO", basketHash: real.basketHash },
      { basketId: real.basketId },
      "member@example.com",
      undefined,
    ])
      expect(await authorizeBasketProof({ proof, ip: IP }, d), JSON.stringify(proof)).toBeNull();
    // One answer for every refusal, and nothing personal in the log.
    expect(d.logs.join()).not.toMatch(/I-MB22|member@example|B-NO-SUCH/);
  });

  it("a proof is good once: a replay is refused, and a later sign-in in the same browser is a new proof", async () => {
    const d = deps();
    const web = browser();
    const proof = await signInProof(web, "member@example.com", "member-pass");
    expect(await authorizeBasketProof({ proof, ip: IP }, d)).not.toBeNull();
    expect(await authorizeBasketProof({ proof, ip: IP }, d)).toBeNull();
    // Signed out and in again: Spektrix changes the basket's hash when it sets the customer.
    await web.deauthenticate();
    const again = await signInProof(web, "member@example.com", "member-pass");
    expect(again.basketId).toBe(proof.basketId);
    expect(again.basketHash).not.toBe(proof.basketHash);
    expect(await authorizeBasketProof({ proof: again, ip: IP }, d)).toMatchObject({ customerId: "I-MB22-1DMO" });
  });

  it("a proof from before the browser signed out is refused", async () => {
    const web = browser();
    const proof = await signInProof(web, "member@example.com", "member-pass");
    await web.deauthenticate();
    expect(await authorizeBasketProof({ proof, ip: IP }, deps())).toBeNull();
  });

  it("limits proofs per address before asking Spektrix anything", async () => {
    const readBasket = vi.fn(h.account.findBasket);
    const perIp = createRateLimiter({ keyPrefix: `ip-${Math.random()}`, points: 2, duration: 60 }, { redisUrl: null });
    const d = deps({ allowAddress: async (ip) => (await attempt(perIp, ip)).allowed, readBasket });
    const proof = { basketId: "B-GUESS", basketHash: "H" };
    expect(await authorizeBasketProof({ proof, ip: "198.51.100.9" }, d)).toBeNull();
    expect(await authorizeBasketProof({ proof, ip: "198.51.100.9" }, d)).toBeNull();
    await expect(authorizeBasketProof({ proof, ip: "198.51.100.9" }, d)).rejects.toMatchObject({ code: "RateLimited" });
    expect(readBasket).toHaveBeenCalledTimes(2);
    // Another address is not affected.
    expect(await authorizeBasketProof({ proof, ip: "198.51.100.10" }, d)).toBeNull();
  });

  it("reports Spektrix being down as Unavailable, not as a refused sign-in, and keeps the proof usable", async () => {
    const proof = await signInProof(browser(), "member@example.com", "member-pass");
    const d = deps();
    await expect(
      authorizeBasketProof({ proof, ip: IP }, { ...d, readBasket: () => Promise.reject(new Error("ECONNREFUSED")) }),
    ).rejects.toMatchObject({ code: "Unavailable" });
    // The account read failing after the proof was spent gives the proof back for the retry.
    await expect(
      authorizeBasketProof({ proof, ip: IP }, { ...d, loadAccount: () => Promise.reject(new Error("ETIMEDOUT")) }),
    ).rejects.toMatchObject({ code: "Unavailable" });
    expect(await authorizeBasketProof({ proof, ip: IP }, d)).toMatchObject({ customerId: "I-MB22-1DMO" });
  });
});
