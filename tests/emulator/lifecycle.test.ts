import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_MEMBER, DEMO_GUEST, TEST_CARDS, encryptCard, type RunningEmulator } from "../../emulator/index";
import { BROWSER_HEADERS, NOW, owner, sellableInstance, start, WebClient } from "./helpers";

const SITE = "http://localhost:3000";
let emu: RunningEmulator;
beforeAll(async () => {
  emu = await start({ origins: [SITE], shiftDates: true, tokenTtlMs: 60_000 });
});
afterAll(() => emu.stop());
beforeEach(() => emu.reset());

const pay = async (token: string, card: string = TEST_CARDS.success, target = emu) => {
  const res = await fetch(`${target.url}/${target.clientName}/emulator-payments/submit`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      paymentToken: token,
      encryptedCard: encryptCard({ cardNumber: card, expiry: "12/30", cvc: "123", nameOnCard: "Test" }),
    }),
  });
  return res.json();
};

describe("session cookie and CORS", () => {
  it("sets an HttpOnly session cookie on first basket use, not on catalogue reads", async () => {
    // Standing in for a browser on the site: web mode refuses calls without an allowed Origin.
    const cat = await fetch(`${emu.apiBase}/events`, { headers: { origin: SITE } });
    expect(cat.headers.get("set-cookie")).toBeNull();
    const res = await fetch(`${emu.apiBase}/basket`, { headers: { origin: SITE } });
    expect(res.headers.get("set-cookie")).toMatch(/^SpektrixEmulatorSession=[^;]+;.*HttpOnly/);
  });
  it("allowed origin gets ACAO + credentials; others do not", async () => {
    const ok = await fetch(`${emu.apiBase}/events`, { headers: { origin: SITE } });
    expect(ok.headers.get("access-control-allow-origin")).toBe(SITE);
    expect(ok.headers.get("access-control-allow-credentials")).toBe("true");
    const bad = await fetch(`${emu.apiBase}/events`, { headers: { origin: "https://evil.example" } });
    expect(bad.headers.get("access-control-allow-origin")).toBeNull();
    expect(bad.headers.get("access-control-allow-credentials")).toBeNull();
  });
  it("answers preflight for allowed origins only", async () => {
    const pre = (origin: string) =>
      fetch(`${emu.apiBase}/basket/tickets`, {
        method: "OPTIONS",
        headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
      });
    const ok = await pre(SITE);
    expect(ok.status).toBe(204);
    expect(ok.headers.get("access-control-allow-origin")).toBe(SITE);
    expect(ok.headers.get("access-control-allow-methods")).toContain("DELETE");
    expect(ok.headers.get("access-control-allow-headers")).toBe("content-type");
    const bad = await pre("https://evil.example");
    expect(bad.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("basket (web) = basket (owner)", () => {
  it("starts empty with hash NotLoggedIn and changes hash on every change", async () => {
    const web = new WebClient(emu, SITE);
    const empty = await web.json("GET", "basket");
    expect(empty).toMatchObject({
      hash: "NotLoggedIn",
      total: 0,
      totalDiscount: 0,
      customer: null,
      tickets: [],
      donations: [],
      merchandiseItems: [],
      membershipSubscriptions: [],
      giftVouchers: [],
    });
    const { instance, prices } = await sellableInstance(emu, web);
    const adult = prices.find((p) => p.ticketType.name === "Adult")!;
    const added = await web.json<any[]>("POST", "basket/tickets", [
      { instance: instance.id, type: adult.ticketType.id },
      { instance: instance.id, type: adult.ticketType.id },
    ]);
    expect(added).toHaveLength(2);
    expect(added[0]).toMatchObject({ instance: { id: instance.id }, type: { id: adult.ticketType.id } });
    const b1 = await web.json("GET", "basket");
    expect(b1.hash).not.toBe("NotLoggedIn");
    expect(b1.tickets).toHaveLength(2);
    expect(b1.total).toBe(added[0].price + added[1].price);
    const fund = (await web.json<any[]>("GET", "funds"))[0];
    const [donation] = await web.json<any[]>("POST", "basket/donations", [{ fundId: fund.id, amount: 15 }]);
    expect(donation).toMatchObject({ fund: { id: fund.id }, amount: 15 });
    const b2 = await web.json("GET", "basket");
    expect(b2.hash).not.toBe(b1.hash);
    expect(b2.total).toBe(b1.total + 15);
    const stock = (await web.json<any[]>("GET", "stock-items"))[1];
    const [merch] = await web.json<any[]>("POST", "basket/merchandise", [{ stockItem: stock.id, reference: "gift" }]);
    expect(merch).toMatchObject({ stockItem: { id: stock.id }, price: 12.5 });
    const vouchers = await web.json<any[]>("PUT", "basket/gift-vouchers", [
      { amount: 25, toName: "Ann", fromName: "Bo", message: "Enjoy", deliveryType: "CustomerEmail" },
    ]);
    expect(vouchers[0]).toMatchObject({ amount: 25, toName: "Ann" });
    const membership = (await web.json<any[]>("GET", "memberships"))[1];
    const [sub] = await web.json<any[]>("POST", "basket/membership-subscriptions", [
      { membership: membership.id, autoRenew: false },
    ]);
    expect(sub).toMatchObject({ membership: { id: membership.id }, price: 150, autoRenew: false });
    // Owner mode sees the same basket by id.
    const web3 = await web.json("GET", "basket");
    const ownerView = await (await owner(emu, "GET", `baskets/${web3.id}`)).json();
    expect(ownerView.hash).toBe(web3.hash);
    expect(ownerView.total).toBe(web3.total);
    expect(ownerView.tickets.map((t: any) => t.id)).toEqual(web3.tickets.map((t: any) => t.id));
    // Removal by ?ids= and by path.
    await web.json("DELETE", `basket/tickets?ticketIds=${added[0].id}`);
    await web.json("DELETE", `basket/donations/${donation.id}`);
    await web.json("DELETE", `basket/merchandise?merchandiseItemIds=${merch.id}`);
    await web.json("DELETE", `basket/gift-vouchers?giftVoucherIds=${vouchers[0].id}`);
    const after = await web.json("DELETE", `basket/membership-subscriptions?subscriptionIds=${sub.id}`);
    expect(after.tickets).toHaveLength(1);
    expect(after.donations).toHaveLength(0);
    expect(after.total).toBe(added[1].price);
    expect((await web.call("DELETE", "basket/tickets?ticketIds=1ABC")).status).toBe(404);
  });
  it("promo code via PATCH basket; unknown code 400; malformed bodies 400", async () => {
    const web = new WebClient(emu);
    const { instance, prices } = await sellableInstance(emu, web);
    const p = prices.find((x) => x.ticketType.name === "Adult")!;
    await web.json("POST", "basket/tickets", [{ instance: instance.id, type: p.ticketType.id }]);
    const withCode = await web.json("PATCH", "basket", { promoCode: "demo10" });
    expect(withCode.promoCode).toBe("DEMO10");
    expect(withCode.totalDiscount).toBe(Math.round(p.amount * 10) / 100);
    expect((await web.call("PATCH", "basket", { promoCode: "NOPE" })).status).toBe(400);
    const bad = await web.call("POST", "basket/tickets", { instance: instance.id });
    expect(bad.status).toBe(400);
    expect((await bad.json()).problems.length).toBeGreaterThan(0);
    const notJson = await fetch(`${emu.apiBase}/basket/donations`, {
      method: "POST",
      headers: { cookie: web.cookie, ...BROWSER_HEADERS },
      body: "{oops",
    });
    expect(notJson.status).toBe(400);
    expect((await web.call("POST", "basket/tickets", [{ instance: "1ABC", type: p.ticketType.id }])).status).toBe(400);
  });
});

describe("customers", () => {
  it("authenticate, GET customer, addresses, deauthenticate", async () => {
    const web = new WebClient(emu);
    expect((await web.call("GET", "customer")).status).toBe(401);
    expect(
      (await web.call("POST", "customer/authenticate", { email: DEMO_MEMBER.email, password: "wrong" })).status,
    ).toBe(401);
    const me = await web.json("POST", "customer/authenticate", DEMO_MEMBER);
    expect(me).toMatchObject({ email: DEMO_MEMBER.email, firstName: "Morgan", passwordSet: true });
    expect(me.id).toMatch(/^I-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(me.billingAddress.isBilling).toBe(true);
    expect(me.deliveryAddress.isDelivery).toBe(true);
    expect((await web.json("GET", "customer")).id).toBe(me.id);
    expect(await web.json<any[]>("GET", "customer/addresses")).toHaveLength(2);
    const basket = await web.json("GET", "basket");
    expect(basket.customer.id).toBe(me.id);
    expect(basket.hash).not.toBe("NotLoggedIn");
    expect((await web.call("POST", "customer/deauthenticate")).status).toBe(204);
    expect((await web.call("GET", "customer")).status).toBe(401);
  });
  it("owner: customers?email= single object or 404; customers/{id} with addresses", async () => {
    const found = await (await owner(emu, "GET", "customers?email=guest@example.com")).json();
    expect(Array.isArray(found)).toBe(false);
    expect(found.addresses).toHaveLength(1);
    expect((await owner(emu, "GET", "customers?email=nobody@example.com")).status).toBe(404);
    const byId = await (await owner(emu, "GET", `customers/${found.id}`)).json();
    expect(byId.email).toBe(DEMO_GUEST.email);
    expect((await owner(emu, "GET", "customers/I-XXXX-XXXX")).status).toBe(404);
    const member = await (await owner(emu, "GET", "customers?email=member@example.com")).json();
    expect(member.subscriptions).toHaveLength(1);
  });
  it("web sign-up creates and logs in; duplicate email is 400 Duplicate Entry", async () => {
    const web = new WebClient(emu);
    const c = await web.json("POST", "customer", {
      email: "new@example.com",
      firstName: "New",
      lastName: "Person",
      password: "pw",
    });
    expect(c.email).toBe("new@example.com");
    expect((await web.json("GET", "customer")).id).toBe(c.id);
    const dup = await web.call("POST", "customer", { email: "new@example.com", firstName: "A", lastName: "B" });
    expect(dup.status).toBe(400);
    expect((await dup.json()).message).toBe("Duplicate Entry");
  });
});

describe("confirm, payment tokens and orders", () => {
  it("confirm on a basket that owes money is 409 code 11", async () => {
    const web = new WebClient(emu);
    await web.json("POST", "customer/authenticate", DEMO_GUEST);
    const fund = (await web.json<any[]>("GET", "funds"))[0];
    await web.json("POST", "basket/donations", [{ fundId: fund.id, amount: 5 }]);
    const res = await web.call("POST", "basket/confirm");
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ code: 11, message: "The basket requires payment." });
  });
  it("zero-value basket confirms into an order", async () => {
    const web = new WebClient(emu);
    await web.json("POST", "customer/authenticate", DEMO_GUEST);
    const { instance, prices } = await sellableInstance(emu, web, { free: true });
    await web.json("POST", "basket/tickets", [{ instance: instance.id, type: prices[0].ticketType.id }]);
    const order = await web.json("POST", "basket/confirm");
    expect(order.tickets).toHaveLength(1);
    expect(order.total).toBe(0);
    expect((await (await owner(emu, "GET", `orders/${order.id}`)).json()).id).toBe(order.id);
    expect((await web.json("GET", "basket")).tickets).toHaveLength(0);
  });
  it("membership already held is 409 code 18", async () => {
    const web = new WebClient(emu);
    await web.json("POST", "customer/authenticate", DEMO_MEMBER);
    const friend = (await web.json<any[]>("GET", "memberships"))[0];
    const res = await web.call("POST", "basket/membership-subscriptions", [{ membership: friend.id }]);
    expect(res.status).toBe(409);
    expect((await res.json()).code).toBe(18);
  });
  it("web customer checkout: token, pay, order, availability drops, fresh basket", async () => {
    const web = new WebClient(emu, SITE);
    const me = await web.json("POST", "customer/authenticate", DEMO_MEMBER);
    const { instance, prices } = await sellableInstance(emu, web);
    const before = await (await owner(emu, "GET", `instances/${instance.id}/status`)).json();
    await web.json("POST", "basket/tickets", [
      { instance: instance.id, type: prices[0].ticketType.id },
      { instance: instance.id, type: prices[0].ticketType.id },
    ]);
    const held = await web.json("GET", `instances/${instance.id}/status`);
    expect(held.available).toBe(before.available - 2);
    expect(held.inBasket).toBe(2);
    expect((await web.call("POST", "basket/initiate-customer-payment", { originDomain: "localhost" })).status).toBe(
      400,
    );
    expect(
      (
        await web.call("POST", "basket/initiate-customer-payment", {
          originDomain: "localhost",
          billingAddressId: "1ABC",
        })
      ).status,
    ).toBe(400);
    const { paymentToken } = await web.json("POST", "basket/initiate-customer-payment", {
      originDomain: "localhost",
      billingAddressId: me.billingAddress.id,
      storeCard: "false",
    });
    expect(typeof paymentToken).toBe("string");
    expect(await pay(paymentToken, TEST_CARDS.refused)).toMatchObject({ outcome: "refused" });
    expect(await pay(paymentToken, TEST_CARDS.error)).toMatchObject({ outcome: "error" });
    const done = await pay(paymentToken);
    expect(done.outcome).toBe("completed");
    const order = await (await owner(emu, "GET", `orders/${done.orderId}`)).json();
    expect(order.customer.id).toBe(me.id);
    expect(order.tickets).toHaveLength(2);
    expect(order.payments[0].amount).toBe(order.total);
    const after = await (await owner(emu, "GET", `instances/${instance.id}/status`)).json();
    expect(after.sold).toBe(before.sold + 2);
    expect(after.available).toBe(before.available - 2);
    const fresh = await web.json("GET", "basket");
    expect(fresh.tickets).toHaveLength(0);
    expect(fresh.customer.id).toBe(me.id);
    expect(await pay(paymentToken)).toMatchObject({ outcome: "notFound" });
  });
  it("token is invalid after a basket change or after it expires", async () => {
    const web = new WebClient(emu);
    const me = await web.json("POST", "customer/authenticate", DEMO_GUEST);
    const fund = (await web.json<any[]>("GET", "funds"))[0];
    await web.json("POST", "basket/donations", [{ fundId: fund.id, amount: 20 }]);
    const body = { originDomain: "localhost", billingAddressId: me.billingAddress.id };
    const t1 = (await web.json("POST", "basket/initiate-customer-payment", body)).paymentToken;
    await web.json("POST", "basket/donations", [{ fundId: fund.id, amount: 1 }]);
    expect(await pay(t1)).toMatchObject({ outcome: "notFound", message: expect.stringMatching(/changed/) });
    const t2 = (await web.json("POST", "basket/initiate-customer-payment", body)).paymentToken;
    emu.advanceTime(61_000);
    expect(await pay(t2)).toMatchObject({ outcome: "notFound", message: expect.stringMatching(/expired/) });
  });
  it("the card form's payment session names the token's amount and the emulator's clock, and spends nothing", async () => {
    const web = new WebClient(emu);
    const me = await web.json("POST", "customer/authenticate", DEMO_GUEST);
    const fund = (await web.json<any[]>("GET", "funds"))[0];
    await web.json("POST", "basket/donations", [{ fundId: fund.id, amount: 42.5 }]);
    const body = { originDomain: "localhost", billingAddressId: me.billingAddress.id };
    const { paymentToken } = await web.json("POST", "basket/initiate-customer-payment", body);
    const session = (token: string) =>
      fetch(`${emu.url}/${emu.clientName}/emulator-payments/session`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ paymentToken: token }),
      });
    const res = await session(paymentToken);
    expect(res.status).toBe(200);
    const opened = await res.json();
    expect(opened).toMatchObject({ amount: 42.5, currency: "CAD", amountLabel: "$42.50" });
    // The emulator's clock (started at NOW by the helper), not the machine's.
    expect(opened.now.slice(0, 7)).toBe(NOW.toISOString().slice(0, 7));
    // Reading the session neither spends the token nor counts as a change to the basket.
    expect(await pay(paymentToken)).toMatchObject({ outcome: "completed" });
    expect((await session(paymentToken)).status).toBe(404);
    expect((await session("not-a-token")).status).toBe(404);
  });
  it("a basket left idle past its hold is released: seats back on sale, id gone, token refused", async () => {
    const held = await start({ origins: [SITE], shiftDates: true, basketTtlMs: 120_000, tokenTtlMs: 600_000 });
    try {
      const web = new WebClient(held, SITE);
      const me = await web.json("POST", "customer/authenticate", DEMO_MEMBER);
      const { instance, prices } = await sellableInstance(held, web);
      const before = await (await owner(held, "GET", `instances/${instance.id}/status`)).json();
      await web.json("POST", "basket/tickets", [{ instance: instance.id, type: prices[0].ticketType.id }]);
      const basket = await web.json("GET", "basket");
      const { paymentToken } = await web.json("POST", "basket/initiate-customer-payment", {
        originDomain: "localhost",
        billingAddressId: me.billingAddress.id,
      });
      // A change restarts the hold; only idleness releases it.
      held.advanceTime(100_000);
      expect((await owner(held, "GET", `baskets/${basket.id}`)).status).toBe(200);
      held.advanceTime(30_000);
      expect((await owner(held, "GET", `baskets/${basket.id}`)).status).toBe(404);
      const after = await (await owner(held, "GET", `instances/${instance.id}/status`)).json();
      expect(after.available).toBe(before.available);
      expect(await pay(paymentToken, TEST_CARDS.success, held)).toMatchObject({ outcome: "notFound" });
      // The browser's session is still signed in, with a new, empty basket.
      const fresh = await web.json("GET", "basket");
      expect(fresh.id).not.toBe(basket.id);
      expect(fresh.tickets).toEqual([]);
      expect(fresh.customer.id).toBe(me.id);
    } finally {
      await held.stop();
    }
  });

  it("one basket per customer: signing in elsewhere cancels the customer's other web basket", async () => {
    const phone = new WebClient(emu, SITE);
    const laptop = new WebClient(emu, SITE);
    await phone.json("POST", "customer/authenticate", DEMO_MEMBER);
    const fund = (await phone.json<any[]>("GET", "funds"))[0];
    await phone.json("POST", "basket/donations", [{ fundId: fund.id, amount: 5 }]);
    const first = await phone.json("GET", "basket");
    const boxOffice = await (await owner(emu, "POST", "baskets", { customer: first.customer.id })).json();
    await laptop.json("POST", "customer/authenticate", DEMO_MEMBER);
    expect((await owner(emu, "GET", `baskets/${first.id}`)).status).toBe(404);
    // A basket made in owner mode is not the web's to cancel.
    expect((await owner(emu, "GET", `baskets/${boxOffice.id}`)).status).toBe(200);
    const phoneNow = await phone.json("GET", "basket");
    expect(phoneNow.id).not.toBe(first.id);
    expect(phoneNow.donations).toEqual([]);
  });

  it("owner: attach customer, initiate-customer-payment rules, pay", async () => {
    const web = new WebClient(emu);
    const fund = (await web.json<any[]>("GET", "funds"))[0];
    await web.json("POST", "basket/donations", [{ fundId: fund.id, amount: 30 }]);
    const basket = await web.json("GET", "basket");
    const body = { originDomain: "localhost", billingAddressId: "x", storeCard: "true" };
    expect((await owner(emu, "POST", `baskets/${basket.id}/initiate-customer-payment`, body)).status).toBe(400);
    const guest = await (await owner(emu, "GET", "customers?email=guest@example.com")).json();
    const patched = await (await owner(emu, "PATCH", `baskets/${basket.id}`, { customer: guest.id })).json();
    expect(patched.customer.id).toBe(guest.id);
    expect(patched.hash).not.toBe(basket.hash);
    expect((await owner(emu, "PATCH", `baskets/${basket.id}`, { customer: "I-NONE-NONE" })).status).toBe(404);
    expect((await owner(emu, "POST", `baskets/${basket.id}/initiate-customer-payment`, body)).status).toBe(400);
    const ok = await owner(emu, "POST", `baskets/${basket.id}/initiate-customer-payment`, {
      ...body,
      billingAddressId: guest.addresses[0].id,
    });
    expect(ok.status).toBe(200);
    const done = await pay((await ok.json()).paymentToken);
    expect(done.outcome).toBe("completed");
    expect((await web.json("GET", "basket")).donations).toHaveLength(0);
    expect((await owner(emu, "GET", `baskets/${basket.id}`)).status).toBe(404);
    expect((await owner(emu, "GET", "orders/1ABC")).status).toBe(404);
  });
  it("direct checkout for an anonymous session creates the customer after payment", async () => {
    const web = new WebClient(emu);
    const stock = (await web.json<any[]>("GET", "stock-items"))[0];
    await web.json("POST", "basket/merchandise", [{ stockItem: stock.id }]);
    expect(
      (
        await web.call("POST", "basket/initiate-direct-payment", {
          originDomain: "localhost",
          email: "buyer@example.com",
        })
      ).status,
    ).toBe(400);
    const { paymentToken } = await web.json("POST", "basket/initiate-direct-payment", {
      originDomain: "localhost",
      email: "buyer@example.com",
      firstName: "Bea",
      lastName: "Buyer",
      billingAddress: { line1: "1 High St", town: "Leeds", postcode: "LS1 1AA" },
    });
    expect((await owner(emu, "GET", "customers?email=buyer@example.com")).status).toBe(404);
    const done = await pay(paymentToken);
    expect(done.outcome).toBe("completed");
    const buyer = await (await owner(emu, "GET", "customers?email=buyer@example.com")).json();
    expect(buyer.orders).toEqual([{ id: done.orderId }]);
  });
});

describe("the payment provider and the card issuer, each on its own origin", () => {
  async function tokenForBasket(web: WebClient) {
    const me = await web.json("POST", "customer/authenticate", DEMO_MEMBER);
    const { instance, prices } = await sellableInstance(emu, web);
    await web.json("POST", "basket/tickets", [{ instance: instance.id, type: prices[0].ticketType.id }]);
    const { paymentToken } = await web.json("POST", "basket/initiate-customer-payment", {
      originDomain: "localhost",
      billingAddressId: me.billingAddress.id,
    });
    return paymentToken as string;
  }
  const form = (fields: Record<string, string>) => ({
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
  const details = async (paymentToken: string, cres: string) =>
    fetch(`${emu.url}/${emu.clientName}/emulator-payments/details`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ paymentToken, cres }),
    });
  /** The issuer's challenge page, answered as the cardholder would; returns the CRes its page posts back. */
  async function answerChallenge(acsUrl: string, creq: string, decision: "approve" | "cancel") {
    const challenge = await fetch(acsUrl, form({ creq }));
    expect(challenge.status).toBe(200);
    expect(await challenge.text()).toContain("Approve");
    const result = await (await fetch(new URL("/acs/result", acsUrl), form({ creq, decision }))).text();
    return /cres: "([^"]+)"/.exec(result)![1]!;
  }

  it("serves the card fields and the challenge from two hosts apart from Spektrix's", () => {
    const origins = [emu.url, emu.paymentHosts.provider, emu.paymentHosts.issuer].map((u) => new URL(u).origin);
    expect(new Set(origins).size).toBe(3);
  });
  it("takes a card only as the provider's fields encrypt it, never as a number", async () => {
    const paymentToken = await tokenForBasket(new WebClient(emu, SITE));
    const plain = await fetch(`${emu.url}/${emu.clientName}/emulator-payments/submit`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ paymentToken, cardNumber: TEST_CARDS.success }),
    });
    expect(plain.status).toBe(400);
    const script = await (await fetch(`${emu.url}/webcomponents/stable/spektrix-payments.js`)).text();
    expect(script).toContain(`${emu.paymentHosts.provider}/checkoutshopper/`);
    const fields = await fetch(`${emu.paymentHosts.provider}/checkoutshopper/securedfields/card.html`);
    expect(await fields.text()).toContain('<label for="cardNumber">Card number</label>');
  });
  it("a 3-D Secure card charges nothing until its issuer approves, then completes the order", async () => {
    const paymentToken = await tokenForBasket(new WebClient(emu, SITE));
    const challenge = await pay(paymentToken, TEST_CARDS.challenge);
    expect(challenge).toMatchObject({ outcome: "challenge" });
    expect(new URL(challenge.acsUrl).origin).toBe(new URL(emu.paymentHosts.issuer).origin);
    expect(emu.state.orders.size).toBe(0);
    const cres = await answerChallenge(challenge.acsUrl, challenge.creq, "approve");
    // An answer is good only for the payment that raised the challenge.
    expect((await details("another-token", cres)).status).toBe(400);
    const done = await (await details(paymentToken, cres)).json();
    expect(done).toMatchObject({ outcome: "completed", orderId: expect.any(String) });
    // Used once.
    expect((await details(paymentToken, cres)).status).toBe(400);
  });
  it("a challenge the cardholder cancels is refused, and the token can pay again", async () => {
    const paymentToken = await tokenForBasket(new WebClient(emu, SITE));
    const challenge = await pay(paymentToken, TEST_CARDS.challenge);
    const cres = await answerChallenge(challenge.acsUrl, challenge.creq, "cancel");
    expect(await (await details(paymentToken, cres)).json()).toMatchObject({ outcome: "refused" });
    expect(emu.state.orders.size).toBe(0);
    expect(await pay(paymentToken)).toMatchObject({ outcome: "completed" });
  });
});
