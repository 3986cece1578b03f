import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_CARDS, type RunningEmulator } from "../../emulator/index";
import { owner, sellableInstance, start, WebClient } from "./helpers";

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await start({ shiftDates: true });
});
afterAll(() => emu.stop());

/** Browser-ish page client sharing the cookie jar with a WebClient, as iframes share the API session. */
async function page(web: WebClient, path: string, form?: Record<string, string>): Promise<Response> {
  const res = await fetch(`${emu.url}/${emu.clientName}/website/${path}`, {
    method: form ? "POST" : "GET",
    redirect: "manual",
    headers: {
      ...(web.cookie ? { cookie: web.cookie } : {}),
      ...(form ? { "content-type": "application/x-www-form-urlencoded" } : {}),
    },
    body: form ? new URLSearchParams(form).toString() : undefined,
  });
  const set = res.headers.get("set-cookie");
  if (set) web.cookie = set.split(";")[0]!;
  return res;
}

describe("scripts", () => {
  it.each([
    ["/webcomponents/stable/spektrix-component-loader.js", "spektrix-basket-summary"],
    ["/webcomponents/stable/spektrix-payments.js", "onPaymentCompleted"],
    ["/webcomponents/stable/spektrix-payments.css", "spektrix-payments"],
    ["/demo/website/scripts/integrate.js", "spektrix:resize"],
  ])("%s", async (path, marker) => {
    const res = await fetch(`${emu.url}${path}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(path.endsWith(".css") ? /text\/css/ : /javascript/);
    const text = await res.text();
    expect(text).toContain(marker);
    if (path.endsWith(".js")) expect(() => new Function(text)).not.toThrow();
  });
  it("the loader defines every documented component", async () => {
    const text = await (await fetch(`${emu.url}/webcomponents/stable/spektrix-component-loader.js`)).text();
    for (const name of [
      "spektrix-basket-summary",
      "spektrix-login-status",
      "spektrix-donate",
      "spektrix-memberships",
      "spektrix-gift-vouchers",
      "spektrix-merchandise",
    ])
      expect(text).toContain(`"${name}"`);
    expect(text).toContain('credentials: "include"');
    expect(text).toContain('setAttribute("count"');
  });
});

describe("iframe pages share the web session", () => {
  it("choose seats by short id, basket, log in, pay at checkout", async () => {
    const web = new WebClient(emu);
    const { instance, prices } = await sellableInstance(emu, web);
    const shortId = /^\d+/.exec(instance.id)![0];
    const choose = await page(web, `chooseseats.ASPX?EventInstanceId=${shortId}&stylesheet=site.css&resize=true`);
    expect(choose.status).toBe(200);
    const html = await choose.text();
    expect(html).toContain('<link rel="stylesheet" href="/demo/resources/site.css">');
    expect(html).toContain("spektrix:resize");
    expect(html).toContain("basketHash:");
    expect(html).toMatch(/<label>Adult/);
    const add = await page(web, `ChooseSeats.aspx?EventInstanceId=${shortId}&stylesheet=site.css`, {
      action: "add",
      instance: instance.id,
      [`type:${prices[0].ticketType.id}`]: "2",
    });
    expect(add.status).toBe(303);
    expect(add.headers.get("location")).toBe("/demo/website/Basket2.aspx?stylesheet=site.css");
    expect((await web.json("GET", "basket")).tickets).toHaveLength(2);
    // A name with an apostrophe and an ampersand reaches the remove button's label escaped once, as it is shown.
    const renamed = await fetch(`${emu.url}/__control/events/${instance.event.id}`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Ada's Fish & Chips" }),
    });
    expect(renamed.status).toBe(200);
    const basketHtml = await (await page(web, "Basket2.aspx")).text();
    expect(basketHtml).toContain('aria-label="Remove Ada&#39;s Fish &#38; Chips');
    // Put the name back: the rest of the file shares this emulator.
    await fetch(`${emu.url}/__control/events/${instance.event.id}`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: instance.event.name }),
    });
    const checkout = await (await page(web, "secure/Checkout.aspx")).text();
    expect(checkout).toContain('name="password"');
    expect(
      (await page(web, "secure/Checkout.aspx", { action: "login", email: "guest@example.com", password: "guest-pass" }))
        .status,
    ).toBe(303);
    expect((await web.json("GET", "customer")).email).toBe("guest@example.com");
    const billingAddressId = /name="billingAddressId"><option value="([^"]+)"/.exec(
      await (await page(web, "secure/Checkout.aspx")).text(),
    )![1]!;
    const noAddress = await page(web, "secure/Checkout.aspx", {
      action: "pay",
      billingAddressId: "",
      cardNumber: TEST_CARDS.success,
    });
    expect(noAddress.status).toBe(400);
    expect(await noAddress.text()).toContain("Choose a billing address.");
    const refused = await page(web, "secure/Checkout.aspx", {
      action: "pay",
      billingAddressId,
      cardNumber: TEST_CARDS.refused,
    });
    expect(refused.status).toBe(400);
    const paid = await page(web, "secure/Checkout.aspx", {
      action: "pay",
      billingAddressId,
      cardNumber: TEST_CARDS.success,
    });
    expect(paid.status).toBe(303);
    const orderId = new URL(paid.headers.get("location")!, emu.url).searchParams.get("OrderId")!;
    expect((await (await owner(emu, "GET", `orders/${orderId}`)).json()).tickets).toHaveLength(2);
    expect((await web.json("GET", "basket")).tickets).toHaveLength(0);
  });
  it("a new customer creates an account from checkout and is brought back to pay, entering an address there", async () => {
    const web = new WebClient(emu);
    const { instance, prices } = await sellableInstance(emu, web);
    const shortId = /^\d+/.exec(instance.id)![0];
    await page(web, `ChooseSeats.aspx?EventInstanceId=${shortId}`, {
      action: "add",
      instance: instance.id,
      [`type:${prices[0].ticketType.id}`]: "1",
    });
    const askToLogIn = await (await page(web, "secure/Checkout.aspx?stylesheet=site.css")).text();
    const signUp = /href="\/demo\/website\/(secure\/signup\.aspx\?[^"]+)">Create an account/.exec(askToLogIn)![1]!;
    expect(signUp).toBe("secure/signup.aspx?ReturnTo=secure%2Fcheckout.aspx&stylesheet=site.css");
    const person = { firstName: "Noor", lastName: "New", email: "noor.new@example.com", password: "pw" };
    // Half an address is refused and creates nobody.
    const half = await page(web, signUp, { ...person, line1: "1 Main St" });
    expect(half.status).toBe(400);
    expect(await half.text()).toContain("Enter the first line of the address");
    expect((await web.call("GET", "customer")).status).toBe(401);
    // No address at all is allowed at sign-up; the checkout asks for one before it takes a card.
    const created = await page(web, signUp, person);
    expect(created.status).toBe(303);
    expect(created.headers.get("location")).toBe("/demo/website/secure/checkout.aspx?stylesheet=site.css");
    const checkout = await (await page(web, "secure/Checkout.aspx")).text();
    expect(checkout).toContain("Total to pay");
    expect(checkout).toContain('name="line1"');
    expect(checkout).not.toContain('name="billingAddressId"');
    const missing = await page(web, "secure/Checkout.aspx", { action: "pay", cardNumber: TEST_CARDS.success });
    expect(missing.status).toBe(400);
    expect((await web.json("GET", "customer/addresses")).length).toBe(0);
    const paid = await page(web, "secure/Checkout.aspx", {
      action: "pay",
      cardNumber: TEST_CARDS.success,
      line1: "12 New Street",
      town: "Calgary",
      postcode: "T2P 1J9",
    });
    expect(paid.status).toBe(303);
    expect(paid.headers.get("location")).toContain("OrderId=");
    const addresses = await web.json<any[]>("GET", "customer/addresses");
    expect(addresses).toMatchObject([{ line1: "12 New Street", isBilling: true, isDelivery: true }]);
  });
  it("sign-up returns only to a page of the site, and my account adds an address", async () => {
    const web = new WebClient(emu);
    const elsewhere = await page(web, "secure/signup.aspx?ReturnTo=constructor", {
      firstName: "Ola",
      lastName: "Other",
      email: "ola.other@example.com",
      password: "pw",
      line1: "3 Side Rd",
      town: "Banff",
      postcode: "T1L 1A1",
    });
    expect(elsewhere.headers.get("location")).toBe("/demo/website/secure/MyAccount.aspx");
    expect((await web.json<any[]>("GET", "customer/addresses")).map((a) => a.line1)).toEqual(["3 Side Rd"]);
    const account = await (await page(web, "secure/MyAccount.aspx")).text();
    expect(account).toContain("Add an address");
    expect(
      (
        await page(web, "secure/MyAccount.aspx", {
          action: "address",
          line1: "4 Next Rd",
          town: "Banff",
          postcode: "T1L 1A2",
        })
      ).status,
    ).toBe(303);
    const addresses = await web.json<any[]>("GET", "customer/addresses");
    expect(addresses.map((a) => [a.line1, a.isBilling])).toEqual([
      ["3 Side Rd", true],
      ["4 Next Rd", false],
    ]);
    expect((await page(web, "constructor")).status).toBe(404);
    expect((await page(web, "%E0")).status).toBe(404);
    // Only a page of this site: never another origin.
    await page(web, "secure/MyAccount.aspx", { action: "logout" });
    const offsite = await page(web, `secure/signup.aspx?ReturnTo=${encodeURIComponent("https://evil.example/")}`, {
      firstName: "Ola",
      lastName: "Offsite",
      email: "ola.offsite@example.com",
      password: "pw",
    });
    expect(offsite.headers.get("location")).toBe("/demo/website/secure/MyAccount.aspx");
  });
  it("choose seats offers nothing to add when the performance is sold out, as Spektrix's page does", async () => {
    const web = new WebClient(emu);
    const { instance } = await sellableInstance(emu, web);
    const shortId = /^\d+/.exec(instance.id)![0];
    const open = await (await page(web, `ChooseSeats.aspx?EventInstanceId=${shortId}`)).text();
    expect(open).toContain("<button>Add to basket</button>");
    emu.state.setAvailability(instance.id, 0);
    try {
      const soldOut = await (await page(web, `ChooseSeats.aspx?EventInstanceId=${shortId}`)).text();
      expect(soldOut).toContain('<p class="SoldOut">Sold out.');
      expect(soldOut).not.toMatch(/add (chosen seats )?to basket/i);
      expect(soldOut).not.toContain("Rather not choose");
    } finally {
      emu.reset();
    }
  });

  it("donations, memberships, gift vouchers, merchandise and subscriptions pages add to the same basket", async () => {
    const web = new WebClient(emu);
    const fund = (await web.json<any[]>("GET", "funds"))[0];
    const membership = (await web.json<any[]>("GET", "memberships"))[1];
    const stock = (await web.json<any[]>("GET", "stock-items"))[0];
    expect((await page(web, "Donations.aspx", { fundId: fund.id, amount: "12" })).status).toBe(303);
    expect((await page(web, "Memberships.aspx", { membershipId: membership.id })).status).toBe(303);
    expect((await page(web, "GiftVouchers.aspx", { amount: "30", toName: "A" })).status).toBe(303);
    expect((await page(web, "Merchandise.aspx", { stockItem: stock.id, quantity: "2" })).status).toBe(303);
    const subscriptions = await (await page(web, "TicketSubscriptions")).text();
    const pricingSetId = /name="pricingSetId" value="([^"]+)"/.exec(subscriptions)![1]!;
    expect((await page(web, "TicketSubscriptions", { pricingSetId, quantity: "1" })).status).toBe(303);
    const b = await web.json("GET", "basket");
    expect(b.donations).toHaveLength(1);
    expect(b.membershipSubscriptions).toHaveLength(1);
    expect(b.giftVouchers).toHaveLength(1);
    expect(b.merchandiseItems).toHaveLength(2);
    expect(b.ticketSubscriptions).toHaveLength(1);
    const subscriptionPrice = b.ticketSubscriptions[0].price as number;
    expect(b.total).toBe(12 + membership.price + 30 + 2 * stock.price + subscriptionPrice);
  });
  it("login/logout, my account, sign-up, event details, unknown page 404", async () => {
    const web = new WebClient(emu);
    expect(
      (await page(web, "secure/LoginLogout.aspx", { action: "login", email: "member@example.com", password: "nope" }))
        .status,
    ).toBe(400);
    await page(web, "secure/LoginLogout.aspx", {
      action: "login",
      email: "member@example.com",
      password: "member-pass",
    });
    expect(await (await page(web, "secure/MyAccount.aspx")).text()).toContain("Hello Morgan");
    await page(web, "secure/MyAccount.aspx", { action: "logout" });
    expect((await web.call("GET", "customer")).status).toBe(401);
    expect(
      (await page(web, "secure/signup.aspx", { firstName: "S", lastName: "U", email: "su@example.com", password: "x" }))
        .status,
    ).toBe(303);
    expect((await web.json("GET", "customer")).email).toBe("su@example.com");
    expect(await (await page(web, "EventDetails.aspx?EventId=4201")).text()).toContain("Lake of the Woods");
    expect((await page(web, "Nope.aspx")).status).toBe(404);
  });
});
