import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));

import { createRateLimiter, LIMITS, type RateLimiter } from "@/lib/rate-limit";
import { redeemGiftVoucher, type GiftVoucherDeps } from "@/lib/checkout/gift-voucher";
import { declareGiftAid, type GiftAidDeps } from "@/lib/checkout/gift-aid";
import { handleCustomerPayment } from "@/lib/checkout/customer-payment";
import { SpektrixHttpError, giftVoucherRefusal } from "@/lib/spektrix";
import type { GiftVoucherInput } from "@/lib/checkout/gift-voucher";
import { giftVoucherRedemptionSchema } from "@/lib/spektrix/schemas";
import { basketWithTickets, GUEST_ID, payWithCard, SITE_URL, sessionFor, startHarness, type Harness } from "./helpers";

/** The voucher and Gift Aid routes' rules, against the emulator through the site's real owner client. */
let h: Harness;
let logs: string[];
let limiter: RateLimiter;
let addressLimiter: RateLimiter;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});
beforeEach(() => {
  logs = [];
  limiter = createRateLimiter({ ...LIMITS.giftVoucherRedeem, keyPrefix: `t-${Math.random()}` }, { redisUrl: null });
  addressLimiter = createRateLimiter(
    { ...LIMITS.giftVoucherRedeemPerAddress, keyPrefix: `a-${Math.random()}` },
    { redisUrl: null },
  );
});

const control = async (path: string, body: unknown) => {
  const res = await fetch(`${h.emulator.url}/__control/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return res.json();
};
/** A customer of this test alone, so credit and declarations never leak between tests. */
const freshCustomer = async () => (await control("customers", {})).id as string;
const voucher = async (amount: number, state = "valid") =>
  (await control("gift-vouchers", { amount, state })).code as string;

function deps(): GiftVoucherDeps & GiftAidDeps {
  return {
    spektrix: h.account.owner,
    limiter,
    addressLimiter,
    siteUrl: SITE_URL,
    log: (event, fields) => logs.push(JSON.stringify({ event, ...fields })),
  };
}
const input = (customerId: string, body: unknown, ip = "192.0.2.10"): GiftVoucherInput => ({
  session: sessionFor(customerId),
  origin: SITE_URL,
  body,
  ip,
});

describe("redeeming a gift voucher at checkout", () => {
  it("adds the voucher's value to the member's credit, and the payment spends it before the card", async () => {
    const customerId = await freshCustomer();
    const basket = await basketWithTickets(h.account, customerId, 2);
    const code = await voucher(7.5);
    // Typed as people type it: lower case, with spaces.
    const typed = code.toLowerCase().replace("-", " - ");
    const result = await redeemGiftVoucher(input(customerId, { basketId: basket.id, voucherCode: typed }), deps());
    expect(result).toEqual({ status: 200, body: { credited: 7.5, creditBalance: 7.5 } });
    expect(logs.join("\n")).not.toContain(code);

    const customer = await h.account.owner.getCustomerById(customerId);
    const paying = await handleCustomerPayment(
      input(customerId, {
        basketId: basket.id,
        billingAddressId: customer.billingAddressId,
        storeCard: false,
        useCredit: true,
      }),
      {
        spektrix: h.account.owner,
        siteUrl: SITE_URL,
        limiter: createRateLimiter({ ...LIMITS.paymentInitiate, keyPrefix: `p-${Math.random()}` }, { redisUrl: null }),
      },
    );
    expect(paying.status).toBe(200);
    const token = (paying.body as { paymentToken: string }).paymentToken;
    const paid = await payWithCard(h.emulator, token, "4111111111111111");
    expect(paid.outcome).toBe("completed");
    const order = await h.account.owner.getOrder(paid.orderId!);
    expect(order.payments).toEqual([
      { kind: "credit", type: "Account Credit", amount: 7.5 },
      { kind: "card", type: "Card", amount: Math.round((basket.total - 7.5) * 100) / 100 },
    ]);
    expect((await h.account.owner.getCustomerById(customerId)).creditBalance).toBe(0);
  });

  it.each([
    ["unknown", async () => "GV-NO-SUCH-CODE", "voucher-unknown", /don’t recognise/],
    ["already used", () => voucher(5, "redeemed"), "voucher-redeemed", /already been used/],
    ["expired", () => voucher(5, "expired"), "voucher-expired", /expired/],
  ])("names a code that is %s, and changes nothing", async (_name, code, error, message) => {
    const customerId = await freshCustomer();
    const basket = await basketWithTickets(h.account, customerId, 1);
    const result = await redeemGiftVoucher(
      input(customerId, { basketId: basket.id, voucherCode: await code() }),
      deps(),
    );
    expect(result.status).toBe(422);
    expect(result.body).toMatchObject({ error, message: expect.stringMatching(message) });
    expect((await h.account.owner.getCustomerById(customerId)).creditBalance).toBe(0);
  });

  it("refuses another customer's basket with the same answer as a missing one, redeeming nothing", async () => {
    const customerId = await freshCustomer();
    const theirs = await basketWithTickets(h.account, GUEST_ID, 1);
    const code = await voucher(5);
    const mine = await redeemGiftVoucher(input(customerId, { basketId: theirs.id, voucherCode: code }), deps());
    const missing = await redeemGiftVoucher(input(customerId, { basketId: "B0000000", voucherCode: code }), deps());
    expect(mine).toEqual(missing);
    expect(mine.status).toBe(410);
    // The code is still good for its owner.
    const own = await basketWithTickets(h.account, customerId, 1);
    expect((await redeemGiftVoucher(input(customerId, { basketId: own.id, voucherCode: code }), deps())).status).toBe(
      200,
    );
  });

  it("answers 200 once Spektrix has redeemed, even when the balance cannot be read back", async () => {
    const customerId = await freshCustomer();
    const basket = await basketWithTickets(h.account, customerId, 1);
    const flaky = {
      ...deps(),
      spektrix: {
        ...h.account.owner,
        getCustomerById: async () => {
          throw new Error("the read failed");
        },
      },
    };
    const result = await redeemGiftVoucher(
      input(customerId, { basketId: basket.id, voucherCode: await voucher(4) }),
      flaky,
    );
    expect(result).toEqual({ status: 200, body: { credited: 4, creditBalance: null } });
    // An answer with no readable amount is still a redemption.
    expect(giftVoucherRedemptionSchema.parse("")).toEqual({ amount: null });
    expect(giftVoucherRedemptionSchema.parse({ value: "7.50" })).toEqual({ amount: 7.5 });
  });

  it("words an unnamed refusal itself: Spektrix's text may quote the code", async () => {
    const customerId = await freshCustomer();
    const basket = await basketWithTickets(h.account, customerId, 1);
    const quoting = {
      ...deps(),
      spektrix: {
        ...h.account.owner,
        redeemGiftVoucher: async () => {
          throw new SpektrixHttpError({
            status: 400,
            code: null,
            message: "Voucher GV-ABCD-EFGH cannot be used online.",
            problems: [],
            request: { method: "POST", path: "customers/x/redeem-gift-voucher" },
          });
        },
      },
    };
    const result = await redeemGiftVoucher(
      input(customerId, { basketId: basket.id, voucherCode: "GV-ABCD-EFGH" }),
      quoting,
    );
    expect(result.status).toBe(422);
    expect(JSON.stringify(result.body)).not.toContain("GV-ABCD-EFGH");
    expect(result.body).toMatchObject({
      error: "voucher-refused",
      message: expect.stringMatching(/call the box office/),
    });
  });

  it("limits codes tried from one address across accounts, since accounts are free to make", async () => {
    addressLimiter = createRateLimiter(
      { keyPrefix: `a-${Math.random()}`, points: 3, duration: 60 },
      { redisUrl: null },
    );
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const customerId = await freshCustomer();
      const basket = await basketWithTickets(h.account, customerId, 1);
      statuses.push(
        (await redeemGiftVoucher(input(customerId, { basketId: basket.id, voucherCode: `GV-GUESS-${i}` }), deps()))
          .status,
      );
    }
    expect(statuses).toEqual([422, 422, 422, 429]);
  });

  it("stops a customer guessing codes after a few tries", async () => {
    const customerId = await freshCustomer();
    const basket = await basketWithTickets(h.account, customerId, 1);
    const statuses: number[] = [];
    for (let i = 0; i < LIMITS.giftVoucherRedeem.points + 2; i++)
      statuses.push(
        (await redeemGiftVoucher(input(customerId, { basketId: basket.id, voucherCode: `GV-GUESS-${i}` }), deps()))
          .status,
      );
    expect(statuses.slice(0, LIMITS.giftVoucherRedeem.points).every((s) => s === 422)).toBe(true);
    expect(statuses.slice(-2)).toEqual([429, 429]);
  });
});

describe("recording a Gift Aid declaration", () => {
  it("records it on a system that claims Gift Aid, so Spektrix stops asking", async () => {
    await control("system", { giftAid: true });
    try {
      const customerId = await freshCustomer();
      expect((await h.account.owner.getCustomerById(customerId)).giftAidDeclarationRequired).toBe(true);
      const result = await declareGiftAid(input(customerId, { declare: true }), deps());
      expect(result).toEqual({ status: 200, body: { declared: true } });
      expect((await h.account.owner.getCustomerById(customerId)).giftAidDeclarationRequired).toBe(false);
    } finally {
      await control("system", { giftAid: false });
    }
  });

  it("answers an upstream failure with a message that lets the member go on without it", async () => {
    const failing: GiftAidDeps = {
      ...deps(),
      spektrix: {
        declareGiftAid: async () => {
          throw new SpektrixHttpError({
            status: 503,
            code: null,
            message: "down",
            problems: [],
            request: { method: "PATCH", path: "customers/x" },
          });
        },
      },
    };
    const result = await declareGiftAid(input("I-AB12-3CDE", { declare: true }), failing);
    expect(result.status).toBe(502);
    expect(result.body).toMatchObject({ error: "upstream", message: expect.stringMatching(/continue without it/) });
  });
});

describe("giftVoucherRefusal", () => {
  const http = (status: number, message: string) =>
    new SpektrixHttpError({ status, code: null, message, problems: [], request: { method: "POST", path: "p" } });
  it("tells refusals apart and leaves outages alone", () => {
    expect(giftVoucherRefusal(http(404, "Not found"))).toBe("unknown");
    expect(giftVoucherRefusal(http(400, "This gift voucher has already been redeemed."))).toBe("redeemed");
    expect(giftVoucherRefusal(http(400, "Voucher expired"))).toBe("expired");
    expect(giftVoucherRefusal(http(400, "Voucher code is invalid"))).toBe("unknown");
    expect(giftVoucherRefusal(http(400, "Cannot redeem"))).toBe("refused");
    expect(giftVoucherRefusal(http(503, "Service unavailable"))).toBeNull();
    expect(giftVoucherRefusal(new Error("boom"))).toBeNull();
  });
});
