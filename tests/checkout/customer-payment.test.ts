import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));

import { createRateLimiter, LIMITS, type RateLimiter } from "@/lib/rate-limit";
import {
  handleCustomerPayment,
  type CustomerPaymentDeps,
  type CustomerPaymentInput,
} from "@/lib/checkout/customer-payment";
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
let logs: string[];
let limiter: RateLimiter;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});
beforeEach(() => {
  logs = [];
  limiter = createRateLimiter({ ...LIMITS.paymentInitiate, keyPrefix: `t-${Math.random()}` }, { redisUrl: null });
});

function deps(overrides: Partial<CustomerPaymentDeps> = {}): CustomerPaymentDeps {
  return {
    spektrix: h.account.owner,
    limiter,
    siteUrl: SITE_URL,
    log: (event, fields) => logs.push(JSON.stringify({ event, ...fields })),
    ...overrides,
  };
}

function input(overrides: Partial<CustomerPaymentInput>): CustomerPaymentInput {
  return { session: sessionFor(MEMBER_ID), origin: SITE_URL, body: {}, ...overrides };
}

async function memberBilling() {
  const member = await h.account.owner.getCustomerById(MEMBER_ID);
  return member.billingAddressId!;
}

describe("POST /api/checkout/customer-payment", () => {
  it("answers 401 without a session, before looking at anything else", async () => {
    const result = await handleCustomerPayment(
      input({ session: null, origin: "https://evil.example", body: "junk" }),
      deps(),
    );
    expect(result.status).toBe(401);
  });

  it("refuses a cross-origin POST with 403", async () => {
    const basket = await basketWithTickets(h.account, MEMBER_ID);
    const body = { basketId: basket.id, billingAddressId: await memberBilling(), storeCard: false };
    for (const origin of [
      "https://evil.example",
      "http://tickets-site.example.org",
      "https://tickets-site.example.org.evil.example",
      "null",
    ]) {
      const result = await handleCustomerPayment(input({ origin, body }), deps());
      expect(result.status, origin).toBe(403);
      expect(result.body).toMatchObject({ error: "cross-origin" });
    }
    // No Origin at all: only a browser's own same-origin mark is accepted.
    expect((await handleCustomerPayment(input({ origin: null, body }), deps())).status).toBe(403);
    expect((await handleCustomerPayment(input({ origin: null, fetchSite: "cross-site", body }), deps())).status).toBe(
      403,
    );
  });

  it("answers 429 with Retry-After after too many attempts", async () => {
    const tight = createRateLimiter(
      { keyPrefix: `tight-${Math.random()}`, points: 3, duration: 60 },
      { redisUrl: null },
    );
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await handleCustomerPayment(input({ body: { nope: true } }), deps({ limiter: tight }))).status);
    expect(statuses).toEqual([400, 400, 400, 429]);
    const limited = await handleCustomerPayment(input({ body: {} }), deps({ limiter: tight }));
    expect(limited).toMatchObject({ status: 429, body: { error: "rate-limited" } });
    expect("retryAfterSeconds" in limited && limited.retryAfterSeconds).toBeGreaterThan(0);
    // Another customer is counted separately.
    expect(
      (await handleCustomerPayment(input({ session: sessionFor(GUEST_ID), body: {} }), deps({ limiter: tight })))
        .status,
    ).toBe(400);
  });

  it("validates the body strictly (storeCard must be a boolean, no extra fields)", async () => {
    const basket = await basketWithTickets(h.account, MEMBER_ID);
    const good = { basketId: basket.id, billingAddressId: await memberBilling(), storeCard: false };
    for (const body of [
      undefined,
      {},
      { ...good, storeCard: "true" },
      { ...good, basketId: "../customers/x" },
      { ...good, originDomain: "evil.example" },
    ]) {
      const result = await handleCustomerPayment(input({ body }), deps());
      expect(result.status, JSON.stringify(body)).toBe(400);
    }
  });

  it("answers another customer's basket exactly as it answers a basket that does not exist (no existence oracle)", async () => {
    const guestBasket = await basketWithTickets(h.account, GUEST_ID);
    const billingAddressId = await memberBilling();
    const foreign = await handleCustomerPayment(
      input({ body: { basketId: guestBasket.id, billingAddressId, storeCard: false } }),
      deps(),
    );
    const unknown = await handleCustomerPayment(
      input({ body: { basketId: "999ABCDGHJKLMNPQ", billingAddressId, storeCard: false } }),
      deps(),
    );
    expect(foreign).toMatchObject({ status: 410, body: { error: "basket-gone" } });
    expect(foreign).toEqual(unknown);
  });

  it("refuses an anonymous basket (not attached to this customer) with the same answer", async () => {
    const anonymous = await h.account.owner.createBasket();
    const result = await handleCustomerPayment(
      input({ body: { basketId: anonymous.id, billingAddressId: await memberBilling(), storeCard: false } }),
      deps(),
    );
    expect(result).toMatchObject({ status: 410, body: { error: "basket-gone" } });
  });

  it("reads the body only after the session, origin and limit checks, and refuses an oversized one with 413", async () => {
    let reads = 0;
    const reader = async () => {
      reads++;
      return { ok: false as const, reason: "too-large" as const };
    };
    expect((await handleCustomerPayment(input({ session: null, body: reader }), deps())).status).toBe(401);
    expect((await handleCustomerPayment(input({ origin: "https://evil.example", body: reader }), deps())).status).toBe(
      403,
    );
    expect(reads).toBe(0);
    expect(await handleCustomerPayment(input({ body: reader }), deps())).toMatchObject({
      status: 413,
      body: { error: "body-too-large" },
    });
    expect(reads).toBe(1);
  });

  it("refuses another customer's billing address with 403", async () => {
    const basket = await basketWithTickets(h.account, MEMBER_ID);
    const guest = await h.account.owner.getCustomerById(GUEST_ID);
    const result = await handleCustomerPayment(
      input({ body: { basketId: basket.id, billingAddressId: guest.addresses[0]!.id, storeCard: false } }),
      deps(),
    );
    expect(result).toMatchObject({ status: 403, body: { error: "address-not-yours" } });
  });

  it("answers 409 for an empty basket and 410 for one that does not exist", async () => {
    const empty = await basketWithTickets(h.account, MEMBER_ID, 0);
    const billingAddressId = await memberBilling();
    expect(
      (await handleCustomerPayment(input({ body: { basketId: empty.id, billingAddressId, storeCard: false } }), deps()))
        .status,
    ).toBe(409);
    expect(
      (
        await handleCustomerPayment(
          input({ body: { basketId: "999ABCDGHJKLMNPQ", billingAddressId, storeCard: false } }),
          deps(),
        )
      ).status,
    ).toBe(410);
  });

  it("returns a payment token and the basket hash, asks with originDomain from config, and logs neither", async () => {
    const basket = await basketWithTickets(h.account, MEMBER_ID);
    const billingAddressId = await memberBilling();
    const initiate = vi.spyOn(h.account.owner, "initiateCustomerPayment");
    const result = await handleCustomerPayment(
      input({ body: { basketId: basket.id, billingAddressId, storeCard: true } }),
      deps(),
    );
    expect(result.status).toBe(200);
    const body = result.body as { paymentToken: string; basketHash: string };
    expect(body.paymentToken).toMatch(/\S{16,}/);
    expect(body.basketHash).toBe(basket.hash);
    expect(initiate).toHaveBeenCalledWith(basket.id, {
      originDomain: "tickets-site.example.org",
      billingAddressId,
      storeCard: true,
    });
    initiate.mockRestore();

    const logged = logs.join("\n");
    for (const secret of [body.paymentToken, MEMBER_ID, billingAddressId, "member@example.com"])
      expect(logged).not.toContain(secret);
    // The emulator's own record of the token carries what the site sent.
    const stored = h.emulator.state.tokens.get(body.paymentToken);
    expect(stored).toMatchObject({ originDomain: "tickets-site.example.org", storeCard: true, billingAddressId });
  });

  it("answers 410 for a basket that has already been paid for", async () => {
    const basket = await basketWithTickets(h.account, MEMBER_ID);
    const body = { basketId: basket.id, billingAddressId: await memberBilling(), storeCard: false };
    const first = await handleCustomerPayment(input({ body }), deps());
    expect(first.status).toBe(200);
    const paid = await payWithCard(
      h.emulator,
      (first.body as { paymentToken: string }).paymentToken,
      "4111111111111111",
    );
    expect(paid.outcome).toBe("completed");
    const again = await handleCustomerPayment(input({ body }), deps());
    expect(again).toMatchObject({ status: 410, body: { error: "basket-gone" } });
  });

  it("maps a Spektrix outage to a visitor-safe 5xx without the upstream text", async () => {
    const basket = await basketWithTickets(h.account, MEMBER_ID);
    const failing = {
      ...h.account.owner,
      initiateCustomerPayment: async () => Promise.reject(new Error("boom: secret upstream detail")),
    };
    const result = await handleCustomerPayment(
      input({ body: { basketId: basket.id, billingAddressId: await memberBilling(), storeCard: false } }),
      deps({ spektrix: failing }),
    );
    expect(result.status).toBeGreaterThanOrEqual(500);
    expect(JSON.stringify(result.body)).not.toContain("secret upstream detail");
  });
});
