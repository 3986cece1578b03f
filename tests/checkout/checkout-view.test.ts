import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));

import { loadCheckoutView } from "@/lib/checkout/checkout-view";
import { basketWithTickets, sessionFor, startHarness, type Harness } from "./helpers";

/** What the checkout page is told about credit and Gift Aid, read from the emulator through the owner client. */
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

const control = async (path: string, body: unknown) =>
  (
    await fetch(`${h.emulator.url}/__control/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    })
  ).json();

async function view(customerId: string, basketId: string) {
  const v = await loadCheckoutView({ user: sessionFor(customerId), basketId }, h.account.owner);
  if (v.kind !== "ready") throw new Error(`not ready: ${v.kind}`);
  return v;
}

describe("the checkout view's credit and Gift Aid", () => {
  it("asks for Gift Aid only with a donation in the basket, on a system that claims it, from a member without one", async () => {
    const fund = (await h.account.owner.listFunds())[0]!;
    await control("system", { giftAid: true });
    try {
      const undeclared = (await control("customers", {})).id as string;
      const declared = (await control("customers", { giftAidDeclared: true })).id as string;
      const tickets = await basketWithTickets(h.account, undeclared, 1);
      expect((await view(undeclared, tickets.id)).giftAidNeeded).toBe(false);

      const withDonation = await basketWithTickets(h.account, undeclared, 1);
      // Owner-mode donation, as the donate component would add one in web mode.
      const { signedHeaders, DEMO_API_KEY, DEMO_API_USER } = await import("../../emulator/index");
      const url = `${h.emulator.url}/demo/api/v3/baskets/${withDonation.id}/donations`;
      const body = JSON.stringify([{ fundId: fund.id, amount: 10 }]);
      const added = await fetch(url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...signedHeaders({ user: DEMO_API_USER, key: DEMO_API_KEY, method: "POST", url, body, date: new Date() }),
        },
        body,
      });
      expect(added.status).toBe(200);
      expect((await view(undeclared, withDonation.id)).giftAidNeeded).toBe(true);

      const theirs = await basketWithTickets(h.account, declared, 1);
      expect((await view(declared, theirs.id)).giftAidNeeded).toBe(false);
    } finally {
      await control("system", { giftAid: false });
    }
  });

  it("reports the member's account credit, never below zero", async () => {
    const customerId = (await control("customers", {})).id as string;
    const basket = await basketWithTickets(h.account, customerId, 1);
    expect((await view(customerId, basket.id)).creditBalance).toBe(0);
    const { code } = await control("gift-vouchers", { amount: 6 });
    await h.account.owner.redeemGiftVoucher(customerId, code);
    expect((await view(customerId, basket.id)).creditBalance).toBe(6);
  });
});
