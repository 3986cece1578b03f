/**
 * The visitor's and the editor's journeys as screenshots at 390 and 1366 px wide, into docs/screenshots/:
 * home, what's on with its filters open, an event, booking, the basket, sign-in, checkout, the card form, the
 * confirmation, and the studio's event editor and page builder. Against a running demo (`npm run demo`):
 *
 *   npx tsx scripts/journey-screenshots.ts [--base http://localhost:3000] [--emulator http://localhost:4010] [--out docs/screenshots]
 *
 * It books and pays for two tickets with the emulator's test card, so run it against the demo, never a live system.
 * Screenshots are one screen each (the first thing a visitor sees), so the folder stays small.
 */
import { PAYMENT_FORM_TITLE } from "../lib/checkout/payment-form-title";
import { chromium, request as playwrightRequest, type Page } from "@playwright/test";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { bookablePerformance } from "../e2e/helpers";

const { values } = parseArgs({
  options: {
    base: { type: "string", default: "http://localhost:3000" },
    emulator: { type: "string", default: "http://localhost:4010" },
    out: { type: "string", default: "docs/screenshots" },
  },
});
const base = values.base!;
const outDir = values.out!;
const SIZES = { phone: { width: 390, height: 844 }, desktop: { width: 1366, height: 900 } } as const;
const MEMBER = { email: "member@example.com", password: "member-pass" };
const EDITOR = { email: "editor@example.com", password: "editor-pass" };
const TEST_CARD = "4111111111111111";

mkdirSync(outDir, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars"],
});

/** An expiry date (MM/YY) three years after the emulator's clock, which the card form judges expiry by. */
async function cardExpiry(): Promise<string> {
  const api = await playwrightRequest.newContext();
  const { now } = (await (await api.get(`${values.emulator}/__control/state`)).json()) as { now: string };
  await api.dispose();
  const at = new Date(now);
  return `${String(at.getUTCMonth() + 1).padStart(2, "0")}/${String((at.getUTCFullYear() + 3) % 100).padStart(2, "0")}`;
}

/** Both widths of the page as it stands, then back to desktop width for the next step. */
async function shoot(page: Page, name: string, prepare?: () => Promise<void>) {
  for (const [label, viewport] of Object.entries(SIZES)) {
    await page.setViewportSize(viewport);
    await prepare?.();
    await page.waitForLoadState("networkidle").catch(() => undefined);
    const file = path.join(outDir, `${name}-${label}.png`);
    await page.screenshot({ path: file });
    console.log(file);
  }
}

try {
  const context = await browser.newContext({ baseURL: base, viewport: SIZES.desktop });
  const page = await context.newPage();

  await page.goto("/");
  await shoot(page, "home");

  await page.goto("/whats-on");
  await shoot(page, "whats-on-filters", async () => {
    const more = page.locator("details.filters-more");
    if (!(await more.getAttribute("open"))) await more.locator("summary").click();
    await page.locator("#wo-q").scrollIntoViewIfNeeded();
  });

  const api = await playwrightRequest.newContext({ baseURL: base });
  const performanceId = await bookablePerformance(api, values.emulator!, 2, new URL(base).origin);
  await api.dispose();
  await page.goto(`/book/${performanceId}`);
  await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link").click();
  await page.getByRole("heading", { name: "Dates and tickets" }).waitFor();
  await shoot(page, "event");

  await page.goto(`/book/${performanceId}`);
  const seats = page.frameLocator('iframe[title^="Choose tickets for "]');
  await seats.getByRole("spinbutton").first().fill("2");
  // The seat choice is the step: on a phone it sits below the show's details, so scroll to it.
  await shoot(page, "book", () => page.locator('iframe[title^="Choose tickets for "]').scrollIntoViewIfNeeded());
  await seats.getByRole("button", { name: /add to basket/i }).click();
  await page.getByTestId("basket-summary").locator("[data-basket-count='2']").waitFor();

  await page.goto("/basket");
  await page
    .getByRole("link", { name: /check out|checkout/i })
    .first()
    .waitFor();
  await shoot(page, "basket");

  await page.goto(`/login?callbackUrl=${encodeURIComponent("/checkout")}`);
  await shoot(page, "login");
  await page.getByLabel("E-mail address").fill(MEMBER.email);
  await page.getByLabel("Password").fill(MEMBER.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/checkout$/);
  await page.getByRole("button", { name: /Continue to payment/ }).waitFor();
  await shoot(page, "checkout");
  await page.getByRole("button", { name: /Continue to payment/ }).click();
  // The card form is framed twice over: the site's payment form, and in it the provider's card fields (ADR 0018).
  const form = page.frameLocator(`iframe[title="${PAYMENT_FORM_TITLE}"]`);
  const card = form.frameLocator('iframe[title="Card details"]');
  await card.getByLabel("Card number").waitFor();
  await shoot(page, "payment");
  await card.getByLabel("Card number").fill(TEST_CARD);
  await card.getByLabel("Expiry (MM/YY)").fill(await cardExpiry());
  await card.getByLabel("Security code").fill("123");
  await card.getByLabel("Name on card").fill("Morgan Member");
  await form.getByRole("button", { name: /^Pay/ }).click();
  await page.waitForURL(/\/checkout\/confirmation\//);
  await shoot(page, "confirmation");

  const studio = await (await browser.newContext({ baseURL: base, viewport: SIZES.desktop })).newPage();
  await studio.goto("/studio");
  await studio.waitForLoadState("networkidle");
  await studio.getByLabel("E-mail address").fill(EDITOR.email);
  await studio.getByLabel("Password").fill(EDITOR.password);
  await studio.getByRole("button", { name: "Sign in" }).click();
  await studio.getByRole("heading", { level: 1, name: "Studio" }).waitFor();
  await studio.goto("/studio/events");
  await studio.locator("table a").first().click();
  await studio.locator("#f-title").waitFor();
  await shoot(studio, "studio-event-edit");
  await studio.goto("/studio/pages/new");
  await studio.waitForLoadState("networkidle");
  await studio.getByLabel("Title", { exact: true }).fill("Give to youth theatre");
  await studio.getByLabel("Block type").selectOption({ label: "Donate" });
  await studio.getByRole("button", { name: "Add block" }).click();
  // And formatted text, as editors write it.
  await studio.getByLabel("Block type").selectOption({ label: "Rich text" });
  await studio.getByRole("button", { name: "Add block" }).click();
  await studio.getByRole("textbox", { name: "Text", exact: true }).click();
  await studio.keyboard.type("Our youth theatre meets every Saturday. ");
  await studio.keyboard.press("Control+b");
  await studio.keyboard.type("Every gift keeps places free.");
  await studio.keyboard.press("Control+b");
  await studio.getByLabel("Block type").scrollIntoViewIfNeeded();
  await shoot(studio, "studio-page-builder");
} finally {
  await browser.close();
}
