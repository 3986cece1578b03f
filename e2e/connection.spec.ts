import { copyFileSync, mkdtempSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test, type Page } from "@playwright/test";
import { startEmulator, type RunningEmulator } from "../emulator/index";
import { DEMO_MEMBER, TEST_CARDS } from "../emulator/demo-credentials";
import { EMULATOR_URL, PAYMENT_HOSTS, SITE_URL } from "../playwright.config";
import {
  bookablePerformance,
  cardFields,
  expectNoAxeViolations,
  paymentForm,
  secretsInServerLog,
  studioSyncNow,
} from "./helpers";

/**
 * The studio's connection drives the running site (ADR 0017). A second Spektrix system (another client name,
 * host, owner key and catalogue) starts beside the demo's; the editor switches the Connection page to it, runs a
 * sync, and, with nothing restarted, a member books, signs in and pays there: the choose-seats iframe, the web
 * components, the page's policy, availability, sign-in and checkout all use it, and the first client's events are
 * kept, hidden. The editor then switches back, so the rest of the run meets the demo as it was.
 */

test.describe.configure({ mode: "serial" });

const EDITOR = { email: "editor@example.com", password: "editor-pass" };
const SECOND = { clientName: "second", apiUser: "second-api", apiKey: Buffer.from("second-key").toString("base64") };

let second: RunningEmulator;

test.beforeAll(async () => {
  // Another venue's real catalogue: two Spektrix clients share no event.
  const dir = mkdtempSync(path.join(tmpdir(), "spektrix-second-"));
  const file = "manitobaopera.event-instances.json";
  copyFileSync(fileURLToPath(new URL(`../fixtures/spektrix-real/${file}`, import.meta.url)), path.join(dir, file));
  second = await startEmulator({
    port: 0,
    // The site's host name, as a custom domain shares the site's (the session cookie is SameSite=Lax).
    hostname: new URL(SITE_URL).hostname,
    clientName: SECOND.clientName,
    apiUser: SECOND.apiUser,
    apiKey: SECOND.apiKey,
    dataDir: dir,
    shiftDates: true,
    timeZone: "America/Edmonton",
    origins: [SITE_URL],
    control: true,
    // Its own ids: another Spektrix system never hands out the demo's basket ids (a spent sign-in proof is one).
    seed: "a-second-spektrix-system",
    // One payment provider serves every Spektrix client: the site's payment form allows exactly its hosts.
    paymentHosts: PAYMENT_HOSTS,
  });
});

test.afterAll(async () => {
  await second?.stop();
});

async function studioSignIn(page: Page) {
  await page.goto("/studio/connection");
  await expect(page).toHaveURL(/\/studio\/sign-in/);
  await page.waitForLoadState("networkidle");
  await page.getByLabel("E-mail address").fill(EDITOR.email);
  await page.getByLabel("Password").fill(EDITOR.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Connection" })).toBeVisible();
}

/** The venues the what's-on filter offers a visitor (the unfiltered listing is cached: poll after a change). */
async function filterVenues(page: Page): Promise<string[]> {
  await page.goto("/whats-on");
  return (await page.locator("#wo-venue option").allTextContents())
    .map((t) => t.trim())
    .filter((t) => t !== "All venues");
}
/** A venue only the first client's catalogue has (the second client's is another venue's capture). */
const FIRST_CLIENT_VENUE = "Kay Meek Arts Centre";

/** Fills the Connection form and saves it; returns the status message. */
async function saveConnection(page: Page, values: { client: string; domain: string; user: string; key: string }) {
  await page.goto("/studio/connection");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Client name").fill(values.client);
  await page.getByLabel("Custom domain").fill(values.domain);
  await page.getByLabel("Owner API user").fill(values.user);
  await page.getByLabel("Owner API secret key").fill(values.key);
  await page.getByRole("button", { name: "Save connection" }).click();
  const status = page.getByRole("status").filter({ hasText: /saved|Nothing was saved|Nothing changed/ });
  await expect(status).toBeVisible({ timeout: 30_000 });
  return (await status.textContent()) ?? "";
}

/** Saves, trying again while a sync holds the lock (a switch of client waits for no run; it asks again). */
async function saveConnectionWhenIdle(page: Page, values: Parameters<typeof saveConnection>[1]) {
  let message = "";
  await expect(async () => {
    message = await saveConnection(page, values);
    expect(message).not.toMatch(/A sync is running/);
  }).toPass({ intervals: [2_000, 5_000], timeout: 120_000 });
  return message;
}

test("a Spektrix client that does not allow this site's origin, or a domain nothing answers on, is refused from the editor's browser", async ({
  browser,
}) => {
  // A third Spektrix system whose allowed origins do not include this site: its server-side answers are fine,
  // only a visitor's browser would be refused, which is what the editor's browser finds out before saving.
  const third = await startEmulator({
    port: 0,
    hostname: new URL(SITE_URL).hostname,
    clientName: "third",
    apiUser: "third-api",
    apiKey: Buffer.from("third-key").toString("base64"),
    origins: ["https://www.another-venue.example"],
  });
  const editor = await (await browser.newContext()).newPage();
  try {
    await studioSignIn(editor);
    const inUse = (await editor.getByTestId("connection-in-use").textContent()) ?? "";
    const notAllowed = await saveConnection(editor, {
      client: "third",
      domain: third.url,
      user: "third-api",
      key: Buffer.from("third-key").toString("base64"),
    });
    expect(notAllowed).toContain(`Nothing was saved. Spektrix at ${third.url} does not answer this site (${SITE_URL})`);
    expect(notAllowed).toContain(`add ${SITE_URL} to the allowed origins`);
    expect(third.requests.all().some((r) => r.path === "/third/api/v3/basket")).toBe(true);

    // A port nothing listens on (taken from the system, then let go).
    const nothing = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, "127.0.0.1", () => {
        const { port } = server.address() as AddressInfo;
        server.close(() => resolve(port));
      });
    });
    const closed = await saveConnection(editor, {
      client: "third",
      domain: `http://127.0.0.1:${nothing}`,
      user: "third-api",
      key: Buffer.from("third-key").toString("base64"),
    });
    expect(closed).toContain(`Nothing was saved. Your browser could not reach http://127.0.0.1:${nothing}`);

    await editor.reload();
    await expect(editor.getByTestId("connection-in-use")).toHaveText(inUse);
    await expectNoAxeViolations(editor);
  } finally {
    await editor.context().close();
    await third.stop();
  }
});

test("an editor switches the site to another Spektrix client; a member books and pays there, with no restart", async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);
  const editor = await (await browser.newContext()).newPage();
  await studioSignIn(editor);
  const firstHost = new URL(EMULATOR_URL).port;
  await expect(editor.getByTestId("connection-in-use")).toContainText(`:${firstHost}/demo`);
  const listedBefore = await (await page.request.get("/whats-on")).text();
  const firstEvent = /href="(\/events\/[a-z0-9-]+)"/.exec(listedBefore)![1]!;
  expect(await filterVenues(page)).toContain(FIRST_CLIENT_VENUE);

  try {
    // A wrong key is refused with Spektrix's reason, and nothing changes.
    const refused = await saveConnection(editor, {
      client: SECOND.clientName,
      domain: second.url,
      user: SECOND.apiUser,
      key: Buffer.from("wrong").toString("base64"),
    });
    expect(refused).toMatch(/Nothing was saved/);
    await editor.reload();
    await expect(editor.getByTestId("connection-in-use")).toContainText(`:${firstHost}/demo`);

    const saved = await saveConnectionWhenIdle(editor, {
      client: SECOND.clientName,
      domain: second.url,
      user: SECOND.apiUser,
      key: SECOND.apiKey,
    });
    expect(saved).toMatch(/Connection saved/);
    expect(saved).toMatch(/a sync of the new client’s has started/);
    await editor.reload();
    await expect(editor.getByTestId("connection-in-use")).toContainText(`${second.url}/second`);
    await expect(editor.getByTestId("connection-history")).toContainText("client name");
    await expectNoAxeViolations(editor);
    // The saved key is in no page or answer, not even the editor's own (it is write-only).
    const decodedKey = Buffer.from(SECOND.apiKey, "base64").toString();
    for (const path of ["/studio/connection", "/studio", "/", "/whats-on", "/basket", "/api/health"]) {
      const res = await editor.request.get(path);
      const seen = `${JSON.stringify(res.headers())}\n${await res.text()}`;
      expect(seen.includes(SECOND.apiKey) || seen.includes(decodedKey), path).toBe(false);
    }
    // Nor in anything the server logged while checking, saving and using it.
    expect(secretsInServerLog({ key: SECOND.apiKey, "key (decoded)": decodedKey })).toEqual([]);

    // The first client's events leave the site at once, and stay in the studio, kept.
    await expect.poll(async () => (await page.request.get(firstEvent)).status()).toBe(404);
    await editor.goto("/studio/events");
    await expect(editor.getByTestId("kept-events")).toContainText("demo");
    await studioSyncNow(editor);
    // The filters offer the second client's venues, none of the first's; the studio names the first's apart.
    await expect
      .poll(async () => {
        const venues = await filterVenues(page);
        return { first: venues.includes(FIRST_CLIENT_VENUE), second: venues.length > 0 };
      })
      .toEqual({ first: false, second: true });
    await editor.goto("/studio/sync/settings");
    await expect(editor.getByText(/Kept from demo \(its names apply again/)).toContainText(FIRST_CLIENT_VENUE);

    // A visitor on the second client: its iframe, its web components, its policy.
    const performanceId = await bookablePerformance(page.request, second.url, 2, SITE_URL, SECOND.clientName);
    await page.goto(`/book/${performanceId}`);
    const frame = page.locator('iframe[title^="Choose tickets for "]');
    await expect(frame).toHaveAttribute("src", new RegExp(`^${second.url}/second/`));
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
    // The second emulator by its exact origin, and no longer the first.
    expect(policy).toMatch(new RegExp(`frame-src 'self' [^;]*${second.url.replace(/[.]/g, "\\.")}(;| )`));
    expect(policy).not.toMatch(new RegExp(`${EMULATOR_URL.replace(/[.]/g, "\\.")}(;| |$)`));
    await page.frameLocator('iframe[title^="Choose tickets for "]').getByRole("spinbutton").first().fill("2");
    await page
      .frameLocator('iframe[title^="Choose tickets for "]')
      .getByRole("button", { name: /add to basket/i })
      .click();
    await expect(page.getByRole("banner").getByRole("link", { name: /Basket/ })).toContainText("2");

    // A member signs in (to the second client) and pays.
    await page.goto(`/login?callbackUrl=${encodeURIComponent("/checkout")}`);
    await page.getByLabel("E-mail address").fill(DEMO_MEMBER.email);
    await page.getByLabel("Password").fill(DEMO_MEMBER.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/checkout/);
    await page.getByRole("button", { name: /Continue to payment/ }).click();
    const { now } = (await (await page.request.get(`${second.url}/__control/state`)).json()) as { now: string };
    const year = String((new Date(now).getUTCFullYear() + 3) % 100).padStart(2, "0");
    const fields = cardFields(page);
    await fields.getByLabel("Card number").fill(TEST_CARDS.success);
    await fields.getByLabel("Expiry (MM/YY)").fill(`12/${year}`);
    await fields.getByLabel("Security code").fill("123");
    await fields.getByLabel("Name on card").fill("Morgan Member");
    await paymentForm(page)
      .locator("spektrix-payments")
      .getByRole("button", { name: /^Pay\b/ })
      .click();
    await page.waitForURL(/\/checkout\/confirmation\/[A-Za-z0-9_-]+$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("You’re booked");
    const orderId = (await page.getByTestId("order-id").textContent())!.trim();
    // The order is the second client's.
    const orders = second.requests.all().filter((r) => r.path.includes("initiate-customer-payment"));
    expect(orders.length).toBeGreaterThan(0);
    expect(orderId.length).toBeGreaterThan(5);
  } finally {
    // Back to the demo's own emulator, with its events: the rest of the run meets the site as it was.
    expect(
      await saveConnectionWhenIdle(editor, {
        client: "demo",
        domain: new URL(EMULATOR_URL).origin.replace("127.0.0.1", new URL(SITE_URL).hostname),
        user: "demo-api",
        key: Buffer.from("spektrix-emulator-demo-key").toString("base64"),
      }),
    ).toMatch(/Connection saved|Nothing changed/);
    await studioSyncNow(editor);
    await expect.poll(async () => (await page.request.get(firstEvent)).status()).toBe(200);
    await expect.poll(() => filterVenues(page)).toContain(FIRST_CLIENT_VENUE);
    await editor.close();
  }
});

test("an editor moves the basket and account pages to paths of the venue's choosing: the site serves them there and links to them", async ({
  page,
  browser,
}) => {
  await studioSignIn(page);
  const move = async (to: string, account = "/account") => {
    await page.goto("/studio/connection");
    await page.waitForLoadState("networkidle");
    await page.getByLabel("Basket page").fill(to);
    await page.getByLabel("Account page").fill(account);
    await page.getByRole("button", { name: "Save connection" }).click();
  };
  // A path inside a section the site serves would be shadowed: refused, beside the field.
  await move("/whats-on/basket");
  await expect(page.locator('[data-field-error="basketPath"]')).toContainText("section of its own");
  // A path of its own: the page is served there, and the site's links follow.
  const cart = `/cart-${Math.random().toString(36).slice(2, 7)}`;
  const mine = `/my-${Math.random().toString(36).slice(2, 7)}`;
  try {
    await move(cart, mine);
    await expect(page.getByRole("status").filter({ hasText: /Connection saved/ })).toBeVisible({ timeout: 30_000 });
    const visitor = await browser.newContext();
    const v = await visitor.newPage();
    const served = await v.goto(cart);
    expect(served?.status()).toBe(200);
    await expect(v.getByRole("heading", { level: 1, name: "Your basket" })).toBeVisible();
    // The header's basket link goes there on every page, the cached ones too.
    for (const path of [cart, "/", "/whats-on"]) {
      if (path !== cart) await v.goto(path);
      await expect(v.getByTestId("basket-summary"), path).toHaveAttribute("href", cart);
    }
    // As the server sends it: in the browser, this empty basket's checkout soon points to what's on instead.
    const checkoutHtml = await (await v.request.get("/basket/guest-checkout")).text();
    expect(checkoutHtml).toMatch(new RegExp(`<a[^>]*href="${cart}"[^>]*>← Back to your basket</a>`));
    // The page's own route still works, and other unknown paths are still not found.
    expect((await v.goto("/basket"))?.status()).toBe(200);
    expect((await v.goto(`${cart}-not-it`))?.status()).toBe(404);
    // A member signing in with nowhere else to go lands on the moved account page, and the pages' own account
    // links (here the sign-out page's) point there too.
    await v.goto("/login");
    await v.getByLabel("E-mail address").fill(DEMO_MEMBER.email);
    await v.getByLabel("Password").fill(DEMO_MEMBER.password);
    await v.getByRole("button", { name: "Sign in" }).click();
    await expect(v).toHaveURL(new RegExp(`${mine}$`));
    await v.goto("/logout");
    await expect(v.getByRole("link", { name: "Back to my account" })).toHaveAttribute("href", mine);
    await visitor.close();
  } finally {
    await move("/basket");
    await expect(page.getByRole("status").filter({ hasText: /Connection saved|Nothing changed/ })).toBeVisible({
      timeout: 30_000,
    });
  }
});
