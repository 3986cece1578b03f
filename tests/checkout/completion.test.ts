import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));

import { TEST_CARDS } from "../../emulator/index";
import { createRateLimiter, LIMITS } from "@/lib/rate-limit";
import { checkCompletion, RECENT_ORDER_MS, type CompletionDeps, type CompletionInput } from "@/lib/checkout/completion";
import { SpektrixNetworkError } from "@/lib/spektrix";
import {
  basketWithTickets,
  GUEST_ID,
  MEMBER_ID,
  payWithCard,
  SITE_URL,
  sessionFor,
  startHarness,
  type Harness,
} from "./helpers";

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

function deps(overrides: Partial<CompletionDeps> = {}): CompletionDeps {
  return {
    spektrix: {
      getBasketById: (id) => h.account.owner.getBasketById(id),
      listOrders: (id) => h.account.listOrders(id),
    },
    limiter: createRateLimiter(
      { ...LIMITS.paymentInitiate, keyPrefix: `completion-${Math.random()}` },
      { redisUrl: null },
    ),
    siteUrl: SITE_URL,
    ...overrides,
  };
}

function input(basketId: string, overrides: Partial<CompletionInput> = {}): CompletionInput {
  return { session: sessionFor(MEMBER_ID), origin: SITE_URL, readBody: async () => ({ basketId }), ...overrides };
}

/** A basket of `customerId`'s, paid with `card` through the payments stand-in: the order exists in Spektrix. */
async function paidBasket(customerId: string, card: string) {
  const basket = await basketWithTickets(h.account, customerId);
  const customer = await h.account.owner.getCustomerById(customerId);
  const { paymentToken } = await h.account.owner.initiateCustomerPayment(basket.id, {
    originDomain: new URL(SITE_URL).host,
    billingAddressId: customer.billingAddressId ?? customer.addresses[0]!.id,
    storeCard: false,
  });
  const outcome = await payWithCard(h.emulator, paymentToken, card);
  return { basket, outcome };
}

describe("POST /api/checkout/completion", () => {
  it("answers 401 without a session and never reads the body", async () => {
    const readBody = vi.fn(async () => ({}));
    const result = await checkCompletion(input("x", { session: null, readBody }), deps());
    expect(result.status).toBe(401);
    expect(readBody).not.toHaveBeenCalled();
  });

  it("refuses another site's request with 403", async () => {
    const result = await checkCompletion(input("x", { origin: "https://evil.example" }), deps());
    expect(result.status).toBe(403);
  });

  it("answers 400 to a body that is not a basket id", async () => {
    const result = await checkCompletion(input("x", { readBody: async () => ({ basketId: "../orders" }) }), deps());
    expect(result.status).toBe(400);
  });

  it("says 'open' while the member's basket still holds items, so paying again is safe", async () => {
    const basket = await basketWithTickets(h.account, MEMBER_ID);
    const result = await checkCompletion(input(basket.id), deps());
    expect(result).toEqual({ status: 200, body: { status: "open" } });
  });

  it("finds the order when the completion event named none", async () => {
    const { basket, outcome } = await paidBasket(MEMBER_ID, TEST_CARDS.completedWithoutOrderId);
    expect(outcome).toEqual({ outcome: "completed" });
    const newest = (await h.account.listOrders(MEMBER_ID))[0]!;
    const result = await checkCompletion(input(basket.id), deps());
    expect(result).toEqual({ status: 200, body: { status: "confirmed", orderId: newest.id } });
  });

  it("finds the order when the component reported an error after charging", async () => {
    const { basket, outcome } = await paidBasket(MEMBER_ID, TEST_CARDS.errorAfterCharge);
    expect(outcome.outcome).toBe("error");
    const result = await checkCompletion(input(basket.id), deps());
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ status: "confirmed" });
  });

  it("never hands a member another customer's order", async () => {
    const { basket } = await paidBasket(GUEST_ID, TEST_CARDS.completedWithoutOrderId);
    const guestOrders = new Set((await h.account.listOrders(GUEST_ID)).map((o) => o.id));
    const result = await checkCompletion(input(basket.id), deps());
    expect(result.status).toBe(200);
    if (result.body && "orderId" in result.body) expect(guestOrders.has(result.body.orderId)).toBe(false);
  });

  it("does not take an old order for this one", async () => {
    const { basket } = await paidBasket(MEMBER_ID, TEST_CARDS.completedWithoutOrderId);
    const later = () => new Date(Date.now() + RECENT_ORDER_MS + 60_000);
    const result = await checkCompletion(input(basket.id), deps({ now: later }));
    expect(result).toEqual({ status: 200, body: { status: "unknown" } });
  });

  it("says 'unknown', never 'open', when Spektrix cannot be reached", async () => {
    const down = async () => {
      throw new SpektrixNetworkError({ method: "GET", path: "baskets/x" }, new Error("ECONNREFUSED"));
    };
    const basket = await basketWithTickets(h.account, MEMBER_ID);
    const result = await checkCompletion(
      input(basket.id),
      deps({ spektrix: { getBasketById: down, listOrders: down } }),
    );
    expect(result).toEqual({ status: 200, body: { status: "unknown" } });
  });
});
