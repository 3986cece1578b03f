import { expect, test, type Page } from "@playwright/test";
import { PAYMENT_FORM_TITLE } from "../lib/checkout/payment-form-title";
import { routes } from "../lib/routes";
import { EMULATOR_URL as CONFIGURED_EMULATOR_URL, PAYMENT_HOSTS, SITE_URL } from "../playwright.config";
import {
  bookablePerformance,
  cardFields,
  expectNoAxeViolations,
  expectNothingScrollsSideways,
  paymentForm,
  screenshotAtPhoneAndDesktop,
} from "./helpers";

// The member journey end to end against the emulator: browse, add tickets, sign in, pay, confirmation.
// Test cards (emulator/README.md): 4111… succeeds, 4000 0000 0000 0002 is refused.
// E2E_EMULATOR_URL lets this spec run against a demo started on other ports.
const EMULATOR_URL = process.env.E2E_EMULATOR_URL ?? CONFIGURED_EMULATOR_URL;
const CARDS = {
  success: "4111111111111111",
  refused: "4000000000000002",
  // Both charge the card; the first completes without naming the order, the second reports an error afterwards.
  completedWithoutOrderId: "4000000000000077",
  errorAfterCharge: "4000000000000259",
  /** Asks for 3-D Secure: its bank's challenge opens in a frame from the issuer's own origin. */
  challenge: "4000000000003220",
} as const;
const MEMBER = { email: "member@example.com", password: "member-pass" };
const GUEST = { email: "guest@example.com", password: "guest-pass" };

// Each journey books through the choose-seats iframe, signs in and pays, with axe runs between: on shared CI
// cores that can take more than the default 30 s. A budget, not a measurement: nothing asserts on time.
test.describe.configure({ timeout: 60_000 });

/**
 * Browse to a performance that is selling (chosen by state, not position) and put two tickets in this browser's
 * Spektrix basket through the booking page's choose-seats iframe, as a visitor would. A missing iframe fails.
 */
async function addTickets(page: Page) {
  const performanceId = await bookablePerformance(page.request, EMULATOR_URL);
  // From the show's page, as a visitor browses: the booking page links back to it.
  await page.goto(`/book/${performanceId}`);
  await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link").click();
  await expect(page.getByRole("heading", { name: "Dates and tickets" })).toBeVisible();
  const row = page.locator(`li[id="p-${performanceId}"]`);
  // The time the visitor chose, as the show's page prints it ("Sat 5 Dec 2026 7.30pm"): every later step
  // must print the same one.
  const time = row.locator("time");
  const startsAt = (await time.getAttribute("datetime"))!;
  const [, day, clock] = /^(.*\S)\s+(\d{1,2}\.\d{2}[ap]m)$/.exec((await time.textContent())!.trim())!;
  await row.getByRole("link", { name: /^Book/ }).click();
  await expect(page).toHaveURL(new RegExp(`/book/${performanceId}$`));

  const frame = page.frameLocator('iframe[title^="Choose tickets for "]');
  await expect(page.locator('iframe[title^="Choose tickets for "]')).toBeVisible();
  await frame.getByRole("spinbutton").first().fill("2");
  // The ticket type as Spektrix's page names it ("Adult ($48.50)"): the basket names each line by it.
  const ticketType = (await frame.locator("label:has(input[type=number])").first().textContent())!
    .split(" (")[0]!
    .trim();
  await frame.getByRole("button", { name: /add to basket/i }).click();
  await expect.poll(() => basketItemCount(page)).toBe(2);
  // What the visitor sees once the frame has reported the basket: by then the site's has-basket hint is written too
  // (the same announcement sets both), which /checkout reads. Going on before it raced the frame's reload.
  await expect(page.getByText(/^Added\. Your basket has \d+ items?\.$/)).toBeVisible();
  return { performanceId, startsAt, day: day!, clock: clock!, when: `${day}, ${clock}`, ticketType };
}

async function basketItemCount(page: Page): Promise<number> {
  return page.evaluate(async (emulator) => {
    const basket = (await (await fetch(`${emulator}/demo/api/v3/basket`, { credentials: "include" })).json()) as {
      tickets?: unknown[];
    };
    return basket.tickets?.length ?? 0;
  }, EMULATOR_URL);
}

async function signIn(page: Page, who: { email: string; password: string }, callbackUrl = "/checkout") {
  await page.goto(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByLabel("E-mail address").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

async function signOut(page: Page) {
  await page.goto("/logout");
  const button = page.getByRole("button", { name: "Sign out" });
  if ((await button.count()) > 0) {
    await button.click();
    await page.waitForURL((url) => !url.pathname.startsWith("/logout"));
  }
}

/** From the checkout page to Spektrix's card form. */
async function continueToPayment(page: Page) {
  await page.goto("/checkout");
  const proceed = page.getByRole("button", { name: /Continue to payment/ });
  await expect(proceed).toBeVisible();
  await expect(page.getByRole("radio").first()).toBeChecked();
  await proceed.click();
  await expect(cardFields(page).getByLabel("Card number")).toBeVisible();
}

/** The card form's fields, by their labels; `expiry` may stay out to be filled from the emulator's clock. */
type CardFields = { number: string; expiry?: string; cvc?: string; name?: string };

/**
 * MM/YY `years` after the emulator's clock (negative: before it). The card form judges expiry on that clock, so
 * the tests never read this machine's date.
 */
async function expiryFromEmulatorClock(page: Page, years: number): Promise<string> {
  const { now } = (await (await page.request.get(`${EMULATOR_URL}/__control/state`)).json()) as { now: string };
  const at = new Date(now);
  const two = (n: number) => String(n % 100).padStart(2, "0");
  return `${two(at.getUTCMonth() + 1)}/${two(at.getUTCFullYear() + years)}`;
}

async function fillCard(page: Page, card: CardFields) {
  const fields = cardFields(page);
  await fields.getByLabel("Card number").fill(card.number);
  await fields.getByLabel("Expiry (MM/YY)").fill(card.expiry ?? (await expiryFromEmulatorClock(page, 3)));
  await fields.getByLabel("Security code").fill(card.cvc ?? "123");
  await fields.getByLabel("Name on card").fill(card.name ?? "Morgan Member");
}

/** The card form's submit button: "Pay $42.50" once it knows the amount. */
const payButton = (page: Page) =>
  paymentForm(page)
    .locator("spektrix-payments")
    .getByRole("button", { name: /^Pay\b/ });

async function payWith(page: Page, card: string) {
  await fillCard(page, { number: card });
  await payButton(page).click();
}

test("a member browses, adds tickets, signs in, pays and sees the confirmation", async ({ page }, testInfo) => {
  const chosen = await addTickets(page);
  // The same performance time on every page after the show's page, and in the calendar file.
  await expect(page.locator(`main time[datetime="${chosen.startsAt}"]`)).toContainText(chosen.clock);
  await page.goto("/basket");
  await expect(page.getByText(chosen.when).first()).toBeVisible();
  // The line says what kind of ticket it is, as Spektrix's seat page did; two alike tickets without seats (the
  // emulator's form sells by quantity) are one line of two.
  await expect(page.getByText(new RegExp(`^2 × ${chosen.ticketType} · `))).toHaveCount(1);
  await expect(page.getByRole("button", { name: /^Remove one / })).toHaveText("Remove one");
  await signIn(page, MEMBER);
  await expect(page).toHaveURL(/\/checkout/);

  await continueToPayment(page);
  const checkoutUrl = page.url();
  await expect(page.getByRole("heading", { name: "Your order" })).toBeVisible();
  await expect(page.getByText(chosen.when).first()).toBeVisible();
  await screenshotAtPhoneAndDesktop(page, testInfo, "checkout-card-form");
  await payWith(page, CARDS.success);

  await page.waitForURL(/\/checkout\/confirmation\/[A-Za-z0-9_-]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("You’re booked");
  const orderId = (await page.getByTestId("order-id").textContent())?.trim() ?? "";
  expect(orderId).toMatch(/^[A-Za-z0-9_-]{6,}$/);
  expect(page.url()).toContain(orderId);
  await expect(page.getByTestId("order-reference")).not.toBeEmpty();
  const ics = page.getByRole("link", { name: /Add to calendar/ }).first();
  await expect(ics).toBeVisible();
  await expect(page.getByText(chosen.when).first()).toBeVisible();
  const calendar = await page.request.get((await ics.getAttribute("href"))!);
  expect(calendar.status()).toBe(200);
  expect(await calendar.text()).toContain("BEGIN:VEVENT");
  const utc = new Date(chosen.startsAt).toISOString().replace(/[-:]/g, "").slice(0, 15);
  expect(await calendar.text()).toContain(`DTSTART:${utc}Z`);
  // The paid basket is gone: the browser's session starts a new, empty one.
  await expect.poll(() => basketItemCount(page)).toBe(0);
  await expectNoAxeViolations(page);
  await screenshotAtPhoneAndDesktop(page, testInfo, "checkout-confirmation");

  // Back to the paid basket's checkout: Spektrix answers for it as for an expired one, so the page must not say
  // that nothing was charged, and leads to the bookings.
  expect(checkoutUrl).toMatch(/[?&]basket=/);
  await page.goto(checkoutUrl);
  await expect(page.getByRole("heading", { name: "This basket is no longer open" })).toBeVisible();
  await expect(page.getByText(/If you paid for this basket, the booking is in your account/)).toBeVisible();
  await expect(page.getByText(/^Nothing has been charged|\. Nothing has been charged/)).toHaveCount(0);
  await expect(page.getByRole("link", { name: "View my bookings" })).toBeVisible();

  await page.goto("/account");
  await expect(page.getByRole("heading", { name: "Recent orders" })).toBeVisible();
  await expect(
    page
      .getByTestId("recent-orders")
      .getByRole("link", { name: /^Order \d+$/ })
      .first(),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNothingScrollsSideways(page);
  await screenshotAtPhoneAndDesktop(page, testInfo, "account");
});

test("a performance with a seated and a standing area books end to end: area, places, basket, payment", async ({
  page,
}) => {
  const performanceId = await bookablePerformance(page.request, EMULATOR_URL, 2, undefined, "demo", "multi-area");
  await page.goto(`/book/${performanceId}`);
  const frame = page.frameLocator('iframe[title^="Choose tickets for "]');
  // Spektrix's page asks where to sit first; the standing area sells places, not seats.
  await frame.getByRole("link", { name: "Standing" }).click();
  await expect(frame.getByText(/stand or sit anywhere/)).toBeVisible();
  await frame.getByRole("spinbutton").first().fill("2");
  await frame.getByRole("button", { name: /add to basket/i }).click();
  await expect.poll(() => basketItemCount(page)).toBe(2);
  const planNames = await page.evaluate(async (emulator) => {
    const basket = (await (await fetch(`${emulator}/demo/api/v3/basket`, { credentials: "include" })).json()) as {
      tickets: { planName: string }[];
    };
    return basket.tickets.map((t) => t.planName);
  }, EMULATOR_URL);
  expect(planNames).toEqual(["Standing", "Standing"]);

  await signIn(page, GUEST);
  await continueToPayment(page);
  await payWith(page, CARDS.success);
  await page.waitForURL(/\/checkout\/confirmation\/[A-Za-z0-9_-]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("You’re booked");
  await signOut(page);
});

test("a non-member sees what joining saves on this basket, joins before paying, and the card form asks for the new total", async ({
  page,
}, testInfo) => {
  await addTickets(page);
  // The demo's non-member. The test stops before paying, so it stays a non-member for every other test.
  await signIn(page, GUEST);
  await expect(page).toHaveURL(/\/checkout\?basket=/);
  const offer = page.getByRole("complementary", { name: /^.+ members save \$[\d.]+ on this booking$/ });
  await expect(offer).toBeVisible();
  const proceed = page.getByRole("button", { name: /Continue to payment/ });
  const before = (await proceed.textContent())!;
  await expectNoAxeViolations(page);
  await screenshotAtPhoneAndDesktop(page, testInfo, "checkout-join-and-save");
  await offer.getByRole("button", { name: /^Join as a / }).click();

  // The basket now holds the membership: the summary lists it, the offer is gone, the total is the joined one.
  await expect(offer).toHaveCount(0);
  const summary = page.getByRole("region", { name: "Your order" });
  // Named from the catalogue, as the offer named it.
  await expect(summary.getByText(/^Membership: \S/)).toBeVisible();
  await expect(summary.getByText(/^Includes \S+ in discounts\.$/)).toBeVisible();
  await expect(proceed).not.toHaveText(before);
  const total = /·\s*(.+)$/.exec((await proceed.textContent())!.trim())![1]!;
  // The token is made after joining, so the card form asks for the basket with the membership.
  await proceed.click();
  await expect(payButton(page)).toHaveText(`Pay ${total}`);
  await signOut(page);
});

/** The emulator's control API: what a test needs set up, made for that test alone. */
async function emulatorControl<T>(page: Page, path: string, data: unknown): Promise<T> {
  const response = await page.request.post(`${EMULATOR_URL}/__control/${path}`, { data });
  expect(response.ok(), `control ${path}`).toBe(true);
  return (await response.json()) as T;
}
/** A member of this test alone: no credit, declaration or order left by another test reaches it. */
const freshMember = (page: Page) =>
  emulatorControl<{ id: string; email: string; password: string }>(page, "customers", {});
const giftVoucherCode = async (page: Page, amount: number, state: "valid" | "redeemed" | "expired" = "valid") =>
  (await emulatorControl<{ code: string }>(page, "gift-vouchers", { amount, state })).code;
/** A donation to the first fund, added to this browser's Spektrix basket as the donate component would. */
async function addDonation(page: Page, amount: number) {
  const status = await page.evaluate(
    async ({ emulator, amount }) => {
      const funds = (await (await fetch(`${emulator}/demo/api/v3/funds`, { credentials: "include" })).json()) as {
        id: string;
      }[];
      const res = await fetch(`${emulator}/demo/api/v3/basket/donations`, {
        method: "POST",
        credentials: "include",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify([{ fundId: funds[0]!.id, amount }]),
      });
      return res.status;
    },
    { emulator: EMULATOR_URL, amount },
  );
  expect(status).toBe(200);
}
const moneyIn = (label: string) => Number(/[\d,]+\.\d{2}/.exec(label)![0].replace(/,/g, ""));

test("a member redeems a gift voucher at checkout: wrong codes are named, the credit pays first, the confirmation lists both", async ({
  page,
}, testInfo) => {
  const member = await freshMember(page);
  await addTickets(page);
  await signIn(page, member);
  await expect(page).toHaveURL(/\/checkout\?basket=/);
  const credit = page.getByRole("region", { name: "Gift vouchers and credit" });
  const code = credit.getByLabel("Gift voucher code");
  const message = credit.getByRole("status");
  const redeem = async (value: string) => {
    await code.fill(value);
    await credit.getByRole("button", { name: "Redeem" }).click();
  };
  await redeem("GV-NOT-A-REAL-CODE");
  await expect(message).toContainText("don’t recognise that voucher code");
  await redeem(await giftVoucherCode(page, 5, "redeemed"));
  await expect(message).toContainText("already been used");
  await redeem(await giftVoucherCode(page, 5, "expired"));
  await expect(message).toContainText("expired");
  await redeem("<b>x</b>");
  await expect(message).toContainText("doesn’t look like a voucher code");

  const proceed = page.getByRole("button", { name: /Continue to payment/ });
  const total = moneyIn((await proceed.textContent())!);
  await redeem((await giftVoucherCode(page, 5)).toLowerCase());
  await expect(message).toContainText("$5.00 added to your account credit");
  await expect(credit.getByRole("checkbox", { name: /Use \$5\.00 of my account credit/ })).toBeChecked();
  const byCard = Math.round((total - 5) * 100) / 100;
  await expect(proceed).toHaveText(new RegExp(`\\$${byCard.toFixed(2)}$`));
  await expectNoAxeViolations(page);
  await screenshotAtPhoneAndDesktop(page, testInfo, "checkout-gift-voucher");

  // The card form asks for the rest only.
  await proceed.click();
  await expect(payButton(page)).toHaveText(`Pay $${byCard.toFixed(2)}`);
  await payWith(page, CARDS.success);
  await page.waitForURL(/\/checkout\/confirmation\/[A-Za-z0-9_-]+$/);
  const paid = page.getByTestId("order-payments");
  await expect(paid.getByRole("listitem").nth(0)).toHaveText(/Account credit\s*\$5\.00/);
  await expect(paid.getByRole("listitem").nth(1)).toHaveText(new RegExp(`Card\\s*\\$${byCard.toFixed(2)}`));
  const after = await (await page.request.get(`${EMULATOR_URL}/__control/customers/${member.id}`)).json();
  expect(after.creditBalance).toBe(0);
  await signOut(page);
});

test("when account credit covers the whole order, no card is asked for", async ({ page }) => {
  const member = await freshMember(page);
  await addTickets(page);
  await signIn(page, member);
  const credit = page.getByRole("region", { name: "Gift vouchers and credit" });
  await credit.getByLabel("Gift voucher code").fill(await giftVoucherCode(page, 2_000));
  await credit.getByRole("button", { name: "Redeem" }).click();
  await expect(credit.getByText("It covers the whole order: no card needed.")).toBeVisible();
  await page.getByRole("button", { name: "Continue · paid with account credit" }).click();
  const pay = paymentForm(page).locator("spektrix-payments").getByRole("button", { name: "Pay with account credit" });
  await expect(pay).toBeVisible();
  await expect(cardFields(page).getByLabel("Card number")).toHaveCount(0);
  await pay.click();
  await page.waitForURL(/\/checkout\/confirmation\/[A-Za-z0-9_-]+$/);
  await expect(page.getByTestId("order-payments").getByRole("listitem")).toHaveCount(1);
  await expect(page.getByTestId("order-payments")).toContainText("Account credit");
  await signOut(page);
});

test("a member giving a donation is asked for Gift Aid in the venue's words, and the declaration is recorded before paying", async ({
  page,
}, testInfo) => {
  // The venue's own wording, set in the studio.
  const wording = `We are ${Date.now().toString(36)} Theatre. I am a UK taxpayer and want this and my past four years' donations treated as Gift Aid.`;
  await page.goto("/studio");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("E-mail address").fill("editor@example.com");
  await page.getByLabel("Password").fill("editor-pass");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Studio" })).toBeVisible();
  await page.getByRole("navigation", { name: "Studio" }).getByRole("link", { name: "Checkout" }).click();
  await page.getByLabel("Gift Aid declaration").fill(wording);
  await page.getByRole("button", { name: "Save declaration" }).click();
  await expect(page.getByText("Members see this declaration from their next checkout.")).toBeVisible();

  // A UK system claims Gift Aid; the demo venue's does not until the test says so.
  await emulatorControl(page, "system", { giftAid: true });
  try {
    const member = await freshMember(page);
    await addTickets(page);
    await addDonation(page, 20);
    await signIn(page, member);
    const giftAid = page.getByRole("region", { name: "Gift Aid your donation" });
    await expect(giftAid.getByText(wording)).toBeVisible();
    const tick = giftAid.getByRole("checkbox", { name: "Yes, add Gift Aid to my donation" });
    await expect(tick).not.toBeChecked();
    await tick.check();
    await expectNoAxeViolations(page);
    await screenshotAtPhoneAndDesktop(page, testInfo, "checkout-gift-aid");
    // Spektrix fails the first time: the reason shows beside the box, which stays ticked, and nothing is lost.
    await emulatorControl(page, "faults", {
      type: "status",
      path: "customers/*",
      method: "PATCH",
      status: 503,
      count: 1,
    });
    await page.getByRole("button", { name: /Continue to payment/ }).click();
    await expect(giftAid.getByRole("alert")).toContainText("couldn’t record your Gift Aid declaration");
    await expect(tick).toBeChecked();
    await expect(page.getByRole("region", { name: "Gift vouchers and credit" })).toBeVisible();
    await page.getByRole("button", { name: /Continue to payment/ }).click();
    await expect(giftAid.getByText("your Gift Aid declaration is recorded")).toBeVisible();
    const recorded = await (await page.request.get(`${EMULATOR_URL}/__control/customers/${member.id}`)).json();
    expect(recorded.giftAidDeclared).toBe(true);
    await payWith(page, CARDS.success);
    await page.waitForURL(/\/checkout\/confirmation\/[A-Za-z0-9_-]+$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("You’re booked");
    // The donation line names its fund, from the catalogue.
    await expect(page.getByText(/^Donation: \S/)).toBeVisible();
    await signOut(page);

    // A member with a declaration on record is not asked again.
    const declared = await emulatorControl<{ email: string; password: string }>(page, "customers", {
      giftAidDeclared: true,
    });
    await addTickets(page);
    await addDonation(page, 10);
    await signIn(page, declared);
    await expect(page.getByRole("button", { name: /Continue to payment/ })).toBeVisible();
    await expect(page.getByRole("region", { name: "Gift Aid your donation" })).toHaveCount(0);
    await signOut(page);
  } finally {
    await emulatorControl(page, "system", { giftAid: false });
  }
});

test("when Spektrix cannot give the basket, the checkout says so in the site's frame, and nothing is lost", async ({
  page,
  request,
}) => {
  await addTickets(page);
  await signIn(page, MEMBER);
  await expect(page).toHaveURL(/\/checkout\?basket=/);
  const here = new URL(page.url());
  await request.post(`${EMULATOR_URL}/__control/faults`, {
    data: { type: "status", status: 503, path: "baskets/*" },
  });
  try {
    const response = await page.goto(here.pathname + here.search);
    expect(response?.status()).toBeLessThan(500);
    await expect(page.getByRole("heading", { level: 2, name: "We can’t show your order just now" })).toBeVisible();
    await expect(page.getByText(/You are still signed in, and if you have just paid/)).toBeVisible();
    await expect(page.getByRole("link", { name: "Try again" })).toHaveAttribute("href", here.pathname + here.search);
    await expect(page.getByRole("banner")).toHaveCount(1);
  } finally {
    await request.delete(`${EMULATOR_URL}/__control/faults`);
  }
  await page.getByRole("link", { name: "Try again" }).click();
  await expect(page.getByRole("button", { name: /Continue to payment/ })).toBeVisible();
  await signOut(page);
});

test("sign-in speaks of checking out only on the way to the checkout, not to an order's confirmation", async ({
  page,
}) => {
  const checkoutWords = "Sign in to check out with your saved addresses and any member discounts.";
  await page.goto(`/login?callbackUrl=${encodeURIComponent("/checkout?basket=B1")}`);
  await expect(page.getByText(checkoutWords)).toBeVisible();
  await expect(page.getByText(/^New here\?/)).toBeVisible();
  await page.goto(`/login?callbackUrl=${encodeURIComponent(routes.confirmation("900901"))}`);
  await expect(page.getByText(/^Use the e-mail address and password you book with at /)).toBeVisible();
  await expect(page.getByText(checkoutWords)).toHaveCount(0);
  await expect(page.getByText(/^New here\?/)).toHaveCount(0);
});

test("when Spektrix cannot give the member's record, the account pages say so in the site's frame", async ({
  page,
  request,
}) => {
  await signIn(page, MEMBER, "/account");
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("We can’t show your account just now");
  await request.post(`${EMULATOR_URL}/__control/faults`, {
    data: { type: "status", status: 503, path: "customers/*" },
  });
  try {
    for (const path of ["/account", "/members"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBeLessThan(500);
      await expect(page.getByRole("heading", { level: 1 }), path).toHaveText("We can’t show your account just now");
      await expect(page.getByRole("link", { name: "Try again" }), path).toHaveAttribute("href", path);
      await expect(page.getByRole("banner"), path).toHaveCount(1);
    }
  } finally {
    await request.delete(`${EMULATOR_URL}/__control/faults`);
  }
  // Nothing was lost: the same visit, once Spektrix answers, shows the account again.
  await page.goto("/account");
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("We can’t show your account just now");
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
});

test("another customer's confirmation page is not found", async ({ page }) => {
  // The member's own order, placed here: this test does not rely on what the previous one left behind.
  await addTickets(page);
  await signIn(page, MEMBER);
  await continueToPayment(page);
  await payWith(page, CARDS.success);
  await page.waitForURL(/\/checkout\/confirmation\/[A-Za-z0-9_-]+$/);
  const memberOrderUrl = new URL(page.url()).pathname;
  const memberCalendarUrl = (await page
    .getByRole("link", { name: /Add to calendar/ })
    .first()
    .getAttribute("href"))!;
  expect((await page.request.get(memberCalendarUrl)).status()).toBe(200);
  await signOut(page);

  await signIn(page, GUEST, "/account");
  const response = await page.goto(memberOrderUrl);
  // The same answer as for an order that does not exist: a real 404, not a hint that the order is someone else's.
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("We can’t find that page");
  await expect(page.getByTestId("order-id")).toHaveCount(0);
  expect((await page.request.get(memberCalendarUrl)).status()).toBe(404);
  await signOut(page);
});

test("the card form marks wrong fields where they are, sends nothing until they are right, and names the amount", async ({
  page,
}) => {
  await addTickets(page);
  await signIn(page, MEMBER);
  await page.goto("/checkout");
  // The total the site shows before the card form (basket total, after the member's discount).
  const proceed = page.getByRole("button", { name: /Continue to payment/ });
  const total = /·\s*(.+)$/.exec((await proceed.textContent())!.trim())![1]!;
  // From the keyboard: the Continue button gives way to the card form, and focus goes to its heading, not the
  // page's body; "Change" brings back the addresses with focus on the chosen one.
  await proceed.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: /^(Card payment|Payment)$/ })).toBeFocused();
  await page.getByRole("button", { name: "Change", exact: true }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("radio", { checked: true })).toBeFocused();
  await proceed.click();
  await expect(cardFields(page).getByLabel("Card number")).toBeVisible();
  // The same amount on the card form's button, and it is what Spektrix's basket owes.
  await expect(payButton(page)).toHaveText(`Pay ${total}`);
  const owed = await page.evaluate(async (emulator) => {
    const basket = (await (await fetch(`${emulator}/demo/api/v3/basket`, { credentials: "include" })).json()) as {
      total: number;
    };
    return basket.total;
  }, EMULATOR_URL);
  expect(total).toContain(owed.toFixed(2));

  const sent: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes("/emulator-payments/submit")) sent.push(r.url());
  });
  const card = cardFields(page);
  const fields = {
    number: card.getByLabel("Card number"),
    expiry: card.getByLabel("Expiry (MM/YY)"),
    cvc: card.getByLabel("Security code"),
    name: card.getByLabel("Name on card"),
  };

  // Pay with nothing filled in: every field says what it needs, focus goes to the first.
  await payButton(page).click();
  for (const [field, text] of [
    [fields.number, "Enter the card number."],
    [fields.expiry, "Enter the expiry date."],
    [fields.cvc, "Enter the security code."],
    [fields.name, "Enter the name on the card."],
  ] as const) {
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(field).toHaveAccessibleDescription(text);
  }
  await expect(fields.number).toBeFocused();
  await expectNoAxeViolations(page);

  // Wrong values: a number failing Luhn, an expiry a year before the emulator's clock, a short code.
  const lastYear = await expiryFromEmulatorClock(page, -1);
  await fillCard(page, { number: "4111 1111 1111 1112", expiry: lastYear, cvc: "12" });
  await payButton(page).click();
  await expect(fields.number).toHaveAccessibleDescription("Enter a valid card number.");
  await expect(fields.expiry).toHaveAccessibleDescription("This card has expired.");
  await expect(fields.cvc).toHaveAccessibleDescription("Enter the 3 or 4 digit security code.");
  await expect(fields.name).not.toHaveAttribute("aria-invalid", "true");
  await expect(fields.number).toBeFocused();
  // A corrected field loses its mark; the next Pay goes to the first field still wrong, and nothing was cleared.
  await fields.number.fill(CARDS.success);
  await expect(fields.number).not.toHaveAttribute("aria-invalid", "true");
  await payButton(page).click();
  await expect(fields.expiry).toBeFocused();
  await expect(fields.number).toHaveValue(CARDS.success);
  await expect(fields.expiry).toHaveValue(lastYear);
  await expect(fields.name).toHaveValue("Morgan Member");

  // Nothing reached the processor, nothing was charged, and the site never called it a failed payment.
  expect(sent).toEqual([]);
  expect(await basketItemCount(page)).toBe(2);
  await expect(page.getByRole("alert").filter({ hasText: "We couldn’t take your payment" })).toHaveCount(0);

  // Put right, the same form pays.
  await fillCard(page, { number: CARDS.success });
  await payButton(page).click();
  await page.waitForURL(/\/checkout\/confirmation\/[A-Za-z0-9_-]+$/);
  expect(sent).toHaveLength(1);
  await signOut(page);
});

test("a 3-D Secure card pays through its bank's challenge with no CSP violation, at phone width", async ({
  page,
}, testInfo) => {
  // Every refusal in any frame (the page, the payment form, the provider's fields, the issuer's challenge).
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to (load|frame|connect|execute|send form)/i.test(m.text()))
      violations.push(m.text());
  });
  await page.setViewportSize({ width: 390, height: 844 });
  await addTickets(page);
  // The other demo customer: the member's payment starts are limited per minute, and the journeys around use them.
  await signIn(page, GUEST);
  await continueToPayment(page);

  // The checkout page's own policy names neither the provider nor the issuer, and refuses the provider's script;
  // the payment form's policy names exactly the hosts this site is configured with.
  const pagePolicy = (await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content"))!;
  expect(pagePolicy).not.toContain(PAYMENT_HOSTS.provider);
  expect(pagePolicy).not.toContain(PAYMENT_HOSTS.issuer);
  const refused = await page.evaluate(
    (src) =>
      new Promise<string>((resolve) => {
        document.addEventListener("securitypolicyviolation", (e) => resolve(e.violatedDirective), { once: true });
        const script = document.createElement("script");
        script.src = src;
        document.head.appendChild(script);
        setTimeout(() => resolve("not refused"), 3_000);
      }),
    `${PAYMENT_HOSTS.provider}/checkoutshopper/sdk/stand-in/adyen.js`,
  );
  expect(refused).toMatch(/^script-src/);
  violations.length = 0; // that refusal was the point; from here on, none is allowed
  const formPolicy = (await page.request.get(routes.paymentForm)).headers()["content-security-policy"]!;
  expect(formPolicy).toContain(`frame-src ${PAYMENT_HOSTS.provider} ${PAYMENT_HOSTS.issuer};`);
  expect(formPolicy).toContain(`form-action ${PAYMENT_HOSTS.issuer};`);
  expect(formPolicy).not.toMatch(/script-src[^;]*'unsafe-inline'/);

  const formFrame = page.locator(`iframe[title="${PAYMENT_FORM_TITLE}"]`);
  const before = (await formFrame.boundingBox())!.height;
  await payWith(page, CARDS.challenge);
  const challenge = paymentForm(page).frameLocator('iframe[title="Your bank’s security check"]');
  await expect(challenge.getByRole("heading", { name: "Your bank: confirm this payment" })).toBeVisible();
  // The payment form grows to show the challenge: nothing is cut off on a phone.
  await expect.poll(async () => (await formFrame.boundingBox())!.height).toBeGreaterThan(before + 100);
  await screenshotAtPhoneAndDesktop(page, testInfo, "checkout-3ds-challenge");
  await challenge.getByRole("button", { name: "Approve" }).click();

  await page.waitForURL(/\/checkout\/confirmation\/[A-Za-z0-9_-]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("You’re booked");
  expect(violations).toEqual([]);
  await signOut(page);
});

test("a refused card explains itself and a retry with a new token succeeds", async ({ page }) => {
  await addTickets(page);
  await signIn(page, MEMBER);
  await continueToPayment(page);
  const firstToken = await paymentForm(page).locator("spektrix-payments").getAttribute("payment-token");

  await payWith(page, CARDS.refused);
  const alert = page.getByRole("alert").filter({ hasText: "Your card was declined" });
  await expect(alert).toBeVisible();
  await alert.getByRole("button", { name: "Try again" }).click();
  await expect(cardFields(page).getByLabel("Card number")).toBeVisible();
  const secondToken = await paymentForm(page).locator("spektrix-payments").getAttribute("payment-token");
  expect(secondToken).toBeTruthy();
  expect(secondToken).not.toBe(firstToken);

  await payWith(page, CARDS.success);
  await page.waitForURL(/\/checkout\/confirmation\//);
  await signOut(page);
});

test("Back to the checkout after changing the basket shows the basket as it is now, not the old total", async ({
  page,
}) => {
  await addTickets(page);
  await signIn(page, MEMBER);
  const proceed = page.getByRole("button", { name: /Continue to payment/ });
  const before = (await proceed.textContent())!;
  await page.getByRole("link", { name: "Edit your basket" }).click();
  await expect(page).toHaveURL(/\/basket$/);
  await page
    .getByRole("button", { name: /^Remove one / })
    .first()
    .click();
  await expect.poll(() => basketItemCount(page)).toBe(1);
  await page.goBack();
  await expect(page).toHaveURL(/\/checkout\?basket=/);
  await expect(proceed).toBeVisible();
  await expect(proceed).not.toHaveText(before);
  await signOut(page);
});

test("a basket changed in another tab while the card form was open is said so, and paid for as it now is", async ({
  page,
  context,
}) => {
  await addTickets(page);
  await signIn(page, MEMBER);
  await continueToPayment(page);
  const other = await context.newPage();
  await other.goto("/basket");
  await other
    .getByRole("button", { name: /^Remove one / })
    .first()
    .click();
  await expect.poll(() => basketItemCount(other)).toBe(1);
  await other.close();

  await payWith(page, CARDS.success);
  const alert = page.getByRole("alert").filter({ hasText: "We couldn’t take your payment" });
  await expect(alert).toContainText("Your basket changed while you were paying, so nothing was charged.");
  await expect(page.getByText(/no longer open/)).toHaveCount(0);
  await alert.getByRole("button", { name: "Try again" }).click();
  await payWith(page, CARDS.success);
  await page.waitForURL(/\/checkout\/confirmation\/[A-Za-z0-9_-]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("You’re booked");
  await signOut(page);
});

for (const [card, what] of [
  [CARDS.completedWithoutOrderId, "a completion that names no order"],
  [CARDS.errorAfterCharge, "an error after the card was charged"],
] as const) {
  test(`${what} is confirmed by the server and reaches the confirmation, never "not charged"`, async ({ page }) => {
    const told: string[] = [];
    await addTickets(page);
    await signIn(page, MEMBER);
    await continueToPayment(page);
    const watch = page.getByRole("alert").filter({ hasText: /not been charged|wasn’t completed/ });
    watch.waitFor({ timeout: 15_000 }).then(
      () => told.push("told the visitor they were not charged"),
      () => undefined,
    );
    await payWith(page, card);
    await page.waitForURL(/\/checkout\/confirmation\/[A-Za-z0-9_-]+$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("You’re booked");
    expect(told).toEqual([]);
    await signOut(page);
  });
}

test("an expired basket is explained and leads back to the basket", async ({ page, request }) => {
  await addTickets(page);
  await signIn(page, MEMBER);
  await continueToPayment(page);
  // Spektrix releases the basket (its hold timed out): its seats go back on sale and its id stops resolving.
  const expired = await request.post(`${EMULATOR_URL}/__control/baskets/expire`);
  expect(((await expired.json()) as { released: number }).released).toBeGreaterThan(0);

  await payWith(page, CARDS.success);
  // Spektrix says only that the payment's basket is not found, as it would for one paid in another tab.
  const alert = page.getByRole("alert").filter({ hasText: "This basket is no longer open" });
  await expect(alert).toBeVisible();
  await expect(alert.getByRole("link", { name: "View my bookings" })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Continue/ })).toHaveCount(0);
  await alert.getByRole("link", { name: "Back to basket" }).click();
  await expect(page).toHaveURL(/\/basket/);
  // Still signed in, with the new empty basket Spektrix gives the session, and told why it is empty; checkout
  // says so too.
  await expect(page.getByText("Your basket is empty")).toBeVisible();
  await expect(page.getByTestId("basket-released")).toContainText("probably been released");
  await page.goto("/checkout");
  await expect(page.getByText("Your basket is empty").first()).toBeVisible();
  await signOut(page);
});

test("a promo code says what it changed: a saving, Spektrix's reason for a refusal, or that it reduced nothing", async ({
  page,
}) => {
  await addTickets(page);
  await page.goto("/basket");
  const summary = page.locator("aside", { has: page.getByRole("heading", { name: "Summary" }) });
  // The outcome is announced in the summary's live region.
  const status = summary.getByRole("status");
  const apply = async (code: string) => {
    await summary.getByLabel("Promo code").fill(code);
    await summary.getByRole("button", { name: "Apply" }).click();
  };
  const discount = () =>
    page.evaluate(async (emulator) => {
      const basket = (await (await fetch(`${emulator}/demo/api/v3/basket`, { credentials: "include" })).json()) as {
        totalDiscount: number;
      };
      return basket.totalDiscount;
    }, EMULATOR_URL);

  // A guest: the demo code takes 10% off the tickets, and the message says how much.
  expect(await discount()).toBe(0);
  await apply("demo10");
  await expect(status).toHaveText(/^Promo code DEMO10 applied: you save \D*(\d+\.\d{2})\.$/);
  const saved = /(\d+\.\d{2})\.$/.exec((await status.textContent())!)![1];
  expect(saved).toBe((await discount()).toFixed(2));
  // The form gave way to the applied code: the keyboard is on its Remove button, not on the page's body.
  const remove = summary.getByRole("button", { name: "Remove", exact: true });
  await expect(remove).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(status).toHaveText("Promo code removed.");
  await expect(summary.getByLabel("Promo code")).toBeFocused();

  // A code Spektrix refuses: its own reason, which is a plain sentence.
  await apply("NOSUCHCODE");
  await expect(status).toHaveText("The promo code is not valid.");

  // The member: the Friend membership already takes 10% off, so the same code is accepted and changes nothing.
  await signIn(page, MEMBER, "/basket");
  await expect(summary.getByLabel("Promo code")).toBeVisible();
  const memberDiscount = await discount();
  expect(memberDiscount).toBeGreaterThan(0);
  await apply("DEMO10");
  await expect(status).toHaveText(
    "The code DEMO10 is on your basket, but nothing in it is reduced by it. It may apply to other shows or dates, or need more tickets.",
  );
  await expect(summary.getByText("DEMO10", { exact: true })).toBeVisible();
  expect(await discount()).toBe(memberDiscount);
  await signOut(page);
});

test("guests are offered sign-in or Spektrix's own checkout", async ({ page }) => {
  // Before there is a basket, checkout sends a visitor to the (empty) basket rather than to the steps.
  await page.goto("/checkout");
  await expect(page).toHaveURL(/\/basket$/);
  await expect(page.getByText("Your basket is empty").first()).toBeVisible();
  // Spektrix's checkout opened with nothing in the basket (a stale tab, a bookmark): nothing to pay for, and no
  // log-in inside the frame that would lead nowhere.
  await page.goto(routes.guestCheckout);
  await expect(page.getByTestId("guest-checkout-empty")).toBeVisible();
  await expect(page.getByTestId("guest-checkout-frame")).toBeHidden();
  await expect(page.locator('iframe[title="Checkout"]')).toHaveCount(1);
  await addTickets(page);
  await page.goto("/checkout");
  await expect(page.getByRole("heading", { name: "Check out as a new customer" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Continue to checkout" }).click();
  const frame = page.locator('iframe[title="Checkout"]');
  await expect(frame).toBeVisible();
  expect(await frame.getAttribute("src")).toContain("/website/secure/Checkout.aspx");
});

test("a new customer creates an account inside Spektrix's checkout, is brought back to it and pays", async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await addTickets(page);
  await page.goto(routes.guestCheckout);
  const frame = page.frameLocator('iframe[title="Checkout"]');
  await frame.getByRole("link", { name: "Create an account" }).click();
  await frame.getByLabel("First name").fill("Noor");
  await frame.getByLabel("Last name").fill("Newcomer");
  // A new address each run: an account made by an earlier run must not be in the way.
  await frame.getByLabel("Email").fill(`new-${testInfo.workerIndex}-${Date.now()}@example.com`);
  await frame.getByLabel("Password").fill("new-pass-1");
  await frame.getByRole("button", { name: "Create account" }).click();
  // Back in the checkout, not on the account page; with no address yet, it asks for the billing address.
  await expect(frame.getByText("Total to pay")).toBeVisible();
  await frame.getByLabel("Address line 1").fill("12 New Street");
  await frame.getByLabel("Town or city").fill("Calgary");
  await frame.getByLabel("Postcode").fill("T2P 1J9");
  await frame.getByLabel("Card number").fill(CARDS.success);
  await frame.getByRole("button", { name: "Pay now" }).click();
  await expect(frame.getByRole("heading", { name: "Thank you" })).toBeVisible();
  await expect(frame.locator("[data-order-id]")).not.toBeEmpty();
  // Around the frame's confirmation, the page no longer offers the basket or the members' log-in.
  await expect(page.getByTestId("guest-checkout-done")).toBeVisible();
  await expect(page.getByRole("main").getByRole("link", { name: "sign in", exact: true })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "← Back to what’s on" })).toBeVisible();
  // The order reference wraps inside a phone's frame rather than running off its edge.
  expect(await frame.locator("html").evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  // Signed in inside Spektrix's checkout, with the basket now empty: the next page of the site notices the
  // sign-in and links the site's session to it, so the account page opens rather than asking to log in.
  await expect(async () => {
    await page.goto("/");
    await page.waitForLoadState("networkidle");
    await page.goto("/account");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hello, Noor", { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
});

test("the payment route refuses visitors without a session and cross-site posts", async ({ request, baseURL }) => {
  const body = { basketId: "123ABCDGHJKLMN", billingAddressId: "456ABCDGHJKLMN", storeCard: false };
  const anonymous = await request.post("/api/checkout/customer-payment", { data: body, headers: { Origin: baseURL! } });
  expect(anonymous.status()).toBe(401);
});

test("a browser that drops the box office's sign-in cookie is told why, not to try again", async ({ page }) => {
  // The site opened at localhost while Spektrix answers at 127.0.0.1: different sites, so the browser refuses
  // Spektrix's SameSite=Lax session cookie on the cross-site log-in, as Safari refuses a venue's Spektrix
  // cookie when Spektrix is not on the venue's own domain. The password is right; the session does not stick.
  const site = new URL("/login", SITE_URL);
  site.hostname = "localhost";
  expect(new URL(EMULATOR_URL).hostname, "the site and Spektrix must be different sites here").not.toBe(site.hostname);
  await page.goto(site.href);
  await page.getByLabel("E-mail address").fill(MEMBER.email);
  await page.getByLabel("Password").fill(MEMBER.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  const alert = page.locator("#login-error");
  await expect(alert).toContainText("your browser blocked the box office’s sign-in");
  await expect(alert).toContainText("call the box office");
  await expect(alert).toBeFocused();
  await expect(page).toHaveURL(/\/login/);
});

test("login, account and checkout pages have no accessibility violations", async ({ page }, testInfo) => {
  await page.goto("/login");
  await expectNoAxeViolations(page);
  // The error state too: a wrong password, typed as a keyboard user would (Tab from the e-mail to the password,
  // Enter to sign in).
  await page.getByLabel("E-mail address").fill(MEMBER.email);
  await page.getByLabel("E-mail address").press("Tab");
  await expect(page.getByLabel("Password")).toBeFocused();
  await page.keyboard.type("not-the-password");
  await page.keyboard.press("Enter");
  await expect(page.locator("#login-error")).toContainText("don’t match");
  await expectNoAxeViolations(page);
  await screenshotAtPhoneAndDesktop(page, testInfo, "login-error");

  await addTickets(page);
  await signIn(page, MEMBER);
  await expect(page.getByRole("button", { name: /Continue to payment/ })).toBeVisible();
  await expectNoAxeViolations(page);
  // The three steps fit one line on a small phone.
  const viewport = page.viewportSize()!;
  await page.setViewportSize({ width: 360, height: 780 });
  const steps = page.getByRole("navigation", { name: "Checkout progress" }).getByRole("listitem");
  await expect(steps.nth(1).getByText("Payment", { exact: true })).toBeVisible();
  await expect(steps.nth(1).getByText("Details and payment")).toBeHidden();
  const tops = await steps.evaluateAll((items) => items.map((li) => Math.round(li.getBoundingClientRect().top)));
  expect(new Set(tops).size, `step rows at ${tops.join(", ")}`).toBe(1);
  await page.setViewportSize(viewport);
  await expect(steps.nth(1).getByText("Details and payment")).toBeVisible();

  await page.goto("/account");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Hello");
  await expectNoAxeViolations(page);
  await signOut(page);
});

test("the password goes only to Spektrix: the site is sent a basket proof, and a replayed proof is refused", async ({
  page,
  request,
}) => {
  const toSite: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes("/api/auth/callback/")) toSite.push(r.postData() ?? "");
  });
  await signIn(page, MEMBER, "/account");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Hello");
  expect(toSite).toHaveLength(1);
  expect(toSite[0]).toContain("basketId=");
  expect(toSite[0]).not.toContain(encodeURIComponent(MEMBER.password));
  expect(toSite[0]).not.toContain(encodeURIComponent(MEMBER.email));
  // Someone who copied that request gets no session from it.
  const csrf = ((await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string }).csrfToken;
  const form = new URLSearchParams(toSite[0]);
  form.set("csrfToken", csrf);
  form.set("json", "true");
  await request.post("/api/auth/callback/credentials", {
    headers: { "content-type": "application/x-www-form-urlencoded" },
    data: form.toString(),
    maxRedirects: 0,
  });
  const session = (await (await request.get("/api/auth/session")).json()) as { user?: unknown };
  expect(session.user).toBeUndefined();
  await signOut(page);
});

test("the header asks Spektrix who is logged in only when the site has a session", async ({ page }) => {
  const customerCalls: string[] = [];
  page.on("request", (request) => {
    if (/\/api\/v3\/customer(\?|$)/.test(request.url())) customerCalls.push(request.url());
  });
  const header = page.getByRole("banner");

  await page.goto("/");
  await expect(header.getByRole("link", { name: "Sign in" })).toBeVisible();
  expect(customerCalls).toEqual([]);
  // Signing in from the header comes back to the page it was clicked on.
  await page.goto("/whats-on");
  await expect(header.getByRole("link", { name: "Sign in" })).toHaveAttribute("href", "/login?callbackUrl=%2Fwhats-on");
  // With its query: a filtered listing comes back filtered. The link reads it when a pointer reaches it.
  await page.goto("/whats-on?genre=theatre");
  const logIn = header.getByRole("link", { name: "Sign in" });
  await logIn.hover();
  await expect(logIn).toHaveAttribute("href", "/login?callbackUrl=%2Fwhats-on%3Fgenre%3Dtheatre");
  await logIn.click();
  await page.getByLabel("E-mail address").fill(MEMBER.email);
  await page.getByLabel("Password").fill(MEMBER.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe("/whats-on?genre=theatre");
  // Sign-in ends in a client-side navigation: the header, still mounted, notices without a reload.
  await expect(header.getByTestId("login-status-name")).toContainText("Morgan");
  await page.goto("/whats-on");
  await expect(header.getByTestId("login-status-name")).toContainText("Morgan");
  expect(customerCalls.length).toBeGreaterThan(0);
  // A phone shows no name: the icon's dot is what says signed in there, and only there.
  await expect(header.getByTestId("signed-in-dot")).toBeHidden();
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(header.getByTestId("signed-in-dot")).toBeVisible();

  await signOut(page);
  customerCalls.length = 0;
  await page.goto("/");
  await expect(header.getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(header.getByTestId("signed-in-dot")).toHaveCount(0);
  expect(customerCalls).toEqual([]);
});

test("when the box office session ends first, the site signs the member out too and says so", async ({
  page,
  browser,
}) => {
  // The member is signed in on another device too: only this browser's box office session ends, so only this
  // browser's site session may end with it.
  const otherDevice = await browser.newContext();
  const otherPage = await otherDevice.newPage();
  await signIn(otherPage, MEMBER, "/account");
  await signIn(page, MEMBER, "/account");
  const header = page.getByRole("banner");
  await expect(header.getByTestId("login-status-name")).toContainText("Morgan");
  // Spektrix's web session ends on its own (a timeout, or a sign-out in one of Spektrix's iframes).
  await page.evaluate(async (emulator) => {
    await fetch(`${emulator}/demo/api/v3/customer/deauthenticate`, { method: "POST", credentials: "include" });
  }, EMULATOR_URL);
  await page.goto("/whats-on");
  await expect(page.getByTestId("session-drift")).toContainText("Your box office session ended");
  await expect(header.getByRole("link", { name: "Sign in", exact: true })).toBeVisible();
  const session = (await (await page.request.get("/api/auth/session")).json()) as { user?: unknown };
  expect(session.user).toBeUndefined();
  await expectNoAxeViolations(page);
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login\?/);
  const other = (await (await otherPage.request.get("/api/auth/session")).json()) as { user?: { name?: string } };
  expect(other.user?.name).toContain("Morgan");
  await otherDevice.close();
});

test("a sign-out whose box office half failed is finished later, never undone by linking", async ({ page }) => {
  // With tickets in the basket, the header goes on reading it after sign-out, and so sees the customer left there.
  await addTickets(page);
  await signIn(page, MEMBER, "/account");
  // Spektrix does not answer the sign-out button's deauthenticate: its session keeps the customer.
  await page.route(/\/customer\/deauthenticate/, (route) => route.abort(), { times: 1 });
  await signOut(page);
  const header = page.getByRole("banner");
  await expect(header.getByRole("link", { name: "Sign in", exact: true })).toBeVisible();
  // The header sees a box office customer and no site session: a sign-out made on purpose is finished.
  await page.goto("/whats-on");
  await expect
    .poll(() =>
      page.evaluate(
        async (emulator) => (await fetch(`${emulator}/demo/api/v3/customer`, { credentials: "include" })).status,
        EMULATOR_URL,
      ),
    )
    .toBe(401);
  await expect(header.getByRole("link", { name: "Sign in", exact: true })).toBeVisible();
  const session = (await (await page.request.get("/api/auth/session")).json()) as { user?: unknown };
  expect(session.user).toBeUndefined();
  // Finishing a sign-out the member asked for needs no notice.
  await expect(page.getByTestId("session-drift")).toBeEmpty();
});

test("a box office sign-in the site did not see is linked to a site session", async ({ page }) => {
  // A visitor with a basket signs in to Spektrix outside the site's form (as Spektrix's checkout iframe does).
  await addTickets(page);
  const header = page.getByRole("banner");
  await expect(header.getByRole("link", { name: "Sign in", exact: true })).toBeVisible();
  await page.evaluate(
    async ({ emulator, who }) => {
      await fetch(`${emulator}/demo/api/v3/customer/authenticate`, {
        method: "POST",
        credentials: "include",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(who),
      });
    },
    { emulator: EMULATOR_URL, who: MEMBER },
  );
  await page.goto("/whats-on");
  await expect(header.getByTestId("login-status-name")).toContainText("Morgan");
  const session = (await (await page.request.get("/api/auth/session")).json()) as { user?: { name?: string } };
  expect(session.user?.name).toContain("Morgan");
  await signOut(page);
});

test("the membership page greets a signed-in member as one and marks what they hold; others are offered beside it", async ({
  page,
}, testInfo) => {
  await page.goto("/membership");
  await expect(page.getByRole("heading", { level: 2 }).first()).toBeVisible();
  await expect(page.getByTestId("member-greeting")).toHaveCount(0);
  await expect(page.getByTestId("second-membership-note")).toHaveCount(0);
  await expect(page.getByText("Your membership", { exact: true })).toHaveCount(0);
  await expect(page.getByText(/^Already a member\?/)).toBeVisible();

  await signIn(page, MEMBER, "/membership");
  await expect(page).toHaveURL(/\/membership$/);
  const greeting = page.getByTestId("member-greeting");
  await expect(greeting).toContainText("You’re already a member: Friend.");
  await expect(greeting.getByRole("link", { name: "account" })).toHaveAttribute("href", "/account");
  // The card of the membership held says so, and only that one.
  const held = page.locator("li").filter({ has: page.getByText("Your membership", { exact: true }) });
  await expect(held).toHaveCount(1);
  await expect(held.getByRole("heading", { level: 2 })).toContainText("Friend");
  // Not offered to join what they hold (Spektrix would refuse it); the other memberships still are.
  await expect(held.getByRole("button", { name: /^Join as/ })).toHaveCount(0);
  await expect(held.getByRole("link", { name: "Manage it in your account" })).toHaveAttribute("href", "/account");
  await expect(page.getByRole("button", { name: /^Join as/ }).first()).toBeVisible();
  // Each other membership says joining adds it beside theirs: Spektrix has no upgrade a visitor can make.
  const offered = page.locator("li").filter({ has: page.getByRole("button", { name: /^Join as/ }) });
  await expect(offered.first().getByTestId("second-membership-note")).toContainText("beside your Friend membership");
  await expect(page.getByTestId("second-membership-note")).toHaveCount(await offered.count());
  await expect(held.getByTestId("second-membership-note")).toHaveCount(0);
  // The greeting has told them where their membership is; the line for visitors who are members is not repeated.
  await expect(page.getByText(/^Already a member\?/)).toHaveCount(0);
  await expectNoAxeViolations(page);
  await screenshotAtPhoneAndDesktop(page, testInfo, "membership-member");
  await signOut(page);
});
