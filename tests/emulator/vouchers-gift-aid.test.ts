import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_GIFT_VOUCHERS, DEMO_MEMBER, TEST_CARDS, encryptCard, type RunningEmulator } from "../../emulator/index";
import { owner, sellableInstance, start, WebClient } from "./helpers";

/** Gift voucher redemption into account credit, paying with that credit, and Gift Aid declarations. */
let emu: RunningEmulator;
beforeAll(async () => {
  emu = await start({ shiftDates: true, tokenTtlMs: 60_000 });
});
afterAll(() => emu.stop());
beforeEach(() => emu.reset());

const control = async (path: string, body: unknown) => {
  const res = await fetch(`${emu.url}/__control/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(res.status).toBeLessThan(300);
  return res.json();
};
const voucher = (amount: number, state: "valid" | "redeemed" | "expired" = "valid") =>
  control("gift-vouchers", { amount, state }) as Promise<{ code: string }>;
const submit = (body: Record<string, unknown>) =>
  fetch(`${emu.url}/${emu.clientName}/emulator-payments/submit`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
const session = async (paymentToken: string) =>
  (
    await fetch(`${emu.url}/${emu.clientName}/emulator-payments/session`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ paymentToken }),
    })
  ).json();

/** A signed-in member with one ticket in the basket: the basket's total and a way to ask for a token. */
async function memberWithTicket() {
  const web = new WebClient(emu);
  const me = await web.json("POST", "customer/authenticate", DEMO_MEMBER);
  const { instance, prices } = await sellableInstance(emu, web);
  await web.json("POST", "basket/tickets", [{ instance: instance.id, type: prices[0].ticketType.id }]);
  const basket = await web.json("GET", "basket");
  const initiate = async (useAvailableCredit: boolean) =>
    (
      await web.json("POST", "basket/initiate-customer-payment", {
        originDomain: "localhost",
        billingAddressId: me.billingAddress.id,
        useAvailableCredit: useAvailableCredit ? "true" : "false",
      })
    ).paymentToken as string;
  return { web, me, total: basket.total as number, initiate };
}

describe("gift voucher redemption", () => {
  it("turns a code into account credit once, and names unknown, used and expired codes", async () => {
    const { code } = await voucher(12.5);
    // Spektrix redeems only for a customer associated with a basket.
    const orphan = await owner(emu, "POST", `customers/I-MB22-1DMO/redeem-gift-voucher`, { voucherCode: code });
    expect(orphan.status).toBe(400);
    expect((await owner(emu, "POST", "baskets", { customer: "I-MB22-1DMO" })).status).toBe(200);
    const redeem = (voucherCode: string) =>
      owner(emu, "POST", `customers/I-MB22-1DMO/redeem-gift-voucher`, { voucherCode });
    const ok = await redeem(code.toLowerCase());
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ amount: 12.5, creditBalance: 12.5 });

    const again = await redeem(code);
    expect(again.status).toBe(400);
    expect((await again.json()).message).toMatch(/already been redeemed/);
    const unknown = await redeem("GV-NOPE-0000");
    expect(unknown.status).toBe(404);
    const expired = await redeem((await voucher(5, "expired")).code);
    expect(expired.status).toBe(400);
    expect((await expired.json()).message).toMatch(/expired/);
    // Only the good code changed the balance.
    const customer = await (await owner(emu, "GET", "customers/I-MB22-1DMO")).json();
    expect(customer.creditBalance).toBe(12.5);
  });

  it("holds the demo codes a person can try by hand", async () => {
    const web = new WebClient(emu);
    await web.json("POST", "customer/authenticate", DEMO_MEMBER);
    const byState = Object.fromEntries(DEMO_GIFT_VOUCHERS.map((v) => [v.state, v.code]));
    expect((await web.call("POST", "customer/redeem-gift-voucher", { voucherCode: byState.valid })).status).toBe(200);
    expect((await web.call("POST", "customer/redeem-gift-voucher", { voucherCode: byState.redeemed })).status).toBe(
      400,
    );
    expect((await web.call("POST", "customer/redeem-gift-voucher", { voucherCode: byState.expired })).status).toBe(400);
  });

  it("needs a signed-in customer in web mode", async () => {
    const web = new WebClient(emu);
    const res = await web.call("POST", "customer/redeem-gift-voucher", { voucherCode: (await voucher(5)).code });
    expect(res.status).toBe(401);
  });
});

describe("paying with account credit", () => {
  it("spends the credit first and charges the card the rest; the order lists both", async () => {
    const { web, me, total, initiate } = await memberWithTicket();
    await web.json("POST", "customer/redeem-gift-voucher", { voucherCode: (await voucher(5)).code });
    const paymentToken = await initiate(true);
    expect(await session(paymentToken)).toMatchObject({ amount: Math.round((total - 5) * 100) / 100 });
    const encryptedCard = encryptCard({ cardNumber: TEST_CARDS.success, expiry: "12/30", cvc: "123", nameOnCard: "T" });
    const done = await (await submit({ paymentToken, encryptedCard })).json();
    expect(done).toMatchObject({ outcome: "completed", orderId: expect.any(String) });
    const order = await (await owner(emu, "GET", `orders/${done.orderId}`)).json();
    expect(order.payments).toEqual([
      expect.objectContaining({ type: "Account Credit", amount: 5 }),
      expect.objectContaining({ type: "Card", amount: Math.round((total - 5) * 100) / 100 }),
    ]);
    const after = await (await owner(emu, "GET", `customers/${me.id}`)).json();
    expect(after.creditBalance).toBe(0);
  });

  it("refuses a payment whose credit was spent elsewhere after the token was made, and books nothing", async () => {
    const { web, me, initiate } = await memberWithTicket();
    await web.json("POST", "customer/redeem-gift-voucher", { voucherCode: (await voucher(5)).code });
    const paymentToken = await initiate(true);
    // Spent meanwhile, say in another browser's order.
    emu.state.customer(me.id).creditBalance = 0;
    const encryptedCard = encryptCard({ cardNumber: TEST_CARDS.success, expiry: "12/30", cvc: "123", nameOnCard: "T" });
    const result = await (await submit({ paymentToken, encryptedCard })).json();
    expect(result).toMatchObject({ outcome: "error" });
    expect(emu.state.orders.size).toBe(0);
  });

  it("leaves the credit alone unless asked to use it", async () => {
    const { web, total, initiate } = await memberWithTicket();
    await web.json("POST", "customer/redeem-gift-voucher", { voucherCode: (await voucher(5)).code });
    expect(await session(await initiate(false))).toMatchObject({ amount: total });
  });

  it("asks for no card when the credit covers everything, and refuses a cardless payment otherwise", async () => {
    const { web, me, total, initiate } = await memberWithTicket();
    const partial = await initiate(false);
    const refused = await submit({ paymentToken: partial });
    expect(refused.status).toBe(400);
    await web.json("POST", "customer/redeem-gift-voucher", { voucherCode: (await voucher(total + 10)).code });
    const paymentToken = await initiate(true);
    expect(await session(paymentToken)).toMatchObject({ amount: 0 });
    const done = await (await submit({ paymentToken })).json();
    expect(done).toMatchObject({ outcome: "completed", orderId: expect.any(String) });
    const after = await (await owner(emu, "GET", `customers/${me.id}`)).json();
    expect(after.creditBalance).toBe(10);
  });
});

describe("Gift Aid declarations", () => {
  it("asks only on a system that claims Gift Aid, and stops asking once a declaration is recorded", async () => {
    const read = async () =>
      (await (await owner(emu, "GET", "customers/I-MB22-1DMO")).json()).giftAidDeclarationRequired;
    expect(await read()).toBe(false);
    await control("system", { giftAid: true });
    expect(await read()).toBe(true);
    // Only what the emulator models is accepted: a field it would ignore is refused, not silently dropped.
    for (const body of [{}, { firstName: "X" }, { giftAidConfirmed: false }, { giftaidconfirmed: true }])
      expect((await owner(emu, "PATCH", "customers/I-MB22-1DMO", body)).status).toBe(400);
    expect(await read()).toBe(true);
    const patched = await owner(emu, "PATCH", "customers/I-MB22-1DMO", { giftAidConfirmed: true });
    expect(patched.status).toBe(200);
    expect((await patched.json()).giftAidDeclarationRequired).toBe(false);
    expect(await read()).toBe(false);
  });

  it("records a declaration through the web-mode profile update too", async () => {
    await control("system", { giftAid: true });
    const web = new WebClient(emu);
    await web.json("POST", "customer/authenticate", DEMO_MEMBER);
    expect((await web.json("GET", "customer")).giftAidDeclarationRequired).toBe(true);
    await web.json("PATCH", "customer", { giftAidConfirmed: true });
    expect((await web.json("GET", "customer")).giftAidDeclarationRequired).toBe(false);
  });
});
