import AxeBuilder from "@axe-core/playwright";
import { expect, type APIRequestContext, type FrameLocator, type Page, type TestInfo } from "@playwright/test";
import { PAYMENT_FORM_TITLE } from "../lib/checkout/payment-form-title";
import { sellingCandidates, type InstanceFacts } from "./performances";
import { readFileSync } from "node:fs";
import { SERVER_LOG, SITE_URL } from "../playwright.config";

/** The sync route's header with the demo SYNC_SECRET (the e2e server runs with ALLOW_DEMO_SECRETS=1). */
export const SYNC_AUTH = { Authorization: "Bearer demo-sync-secret-change-me" };

/** Fails the test on any axe violation (WCAG 2.x A and AA), listing each rule and the first offending node. */
export async function expectNoAxeViolations(page: Page) {
  // A server action's refresh re-streams the page's metadata; wait for the title to be back so axe reads the
  // settled document (a page that never has a title still fails here).
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes[0]?.target.join(" ")}`);
  expect(summary, "accessibility violations").toEqual([]);
}

/**
 * The names of the `secrets` that appear anywhere in what the e2e server has written so far (its log lines and
 * any error output). Fails when the capture is missing or empty, so a scan of nothing never passes.
 */
export function secretsInServerLog(secrets: Record<string, string>): string[] {
  const log = readFileSync(SERVER_LOG, "utf8");
  expect(log, `${SERVER_LOG} holds the server's output`).toContain("Next.js");
  return Object.entries(secrets)
    .filter(([, value]) => log.includes(value))
    .map(([name]) => name);
}

/** Saves phone and desktop screenshots of the current page into the test's output folder. */
export async function screenshotAtPhoneAndDesktop(page: Page, testInfo: TestInfo, name: string) {
  const original = page.viewportSize();
  for (const [label, size] of [
    ["phone", { width: 390, height: 844 }],
    ["desktop", { width: 1366, height: 900 }],
  ] as const) {
    await page.setViewportSize(size);
    await page.screenshot({ path: testInfo.outputPath(`${name}-${label}.png`), fullPage: true });
  }
  if (original) await page.setViewportSize(original);
}

/**
 * Nothing in the page's main content runs off the side: the document does not scroll sideways, and no box hides
 * content behind a sideways scroll a phone gives no hint of (a wide table in a plain `overflow-x-auto` card).
 * A box may scroll when it shows that it does: the `.scroll-x` shadow (app/globals.css) or the `.pills` fade.
 */
export async function expectNothingScrollsSideways(page: Page) {
  const wide = await page.locator("main").evaluate((main) => {
    const scrolls = (el: Element) => el.scrollWidth > el.clientWidth + 1;
    const out = [...main.querySelectorAll("*")]
      .filter((el) => ["auto", "scroll"].includes(getComputedStyle(el).overflowX) && scrolls(el))
      .filter((el) => !el.matches(".scroll-x, .pills"))
      .map((el) => el.outerHTML.slice(0, 120));
    if (scrolls(document.documentElement)) out.push("the document");
    return out;
  });
  expect(wide).toEqual([]);
}

/**
 * A performance a visitor can buy `seats` paid tickets for on the web right now, chosen by state (see
 * e2e/performances.ts), checked against the emulator's live seat counts and prices, and offered by the site. Fails the test when
 * there is none: a journey never falls back to another way of booking.
 */
export async function bookablePerformance(
  request: APIRequestContext,
  emulatorUrl: string,
  seats = 2,
  siteOrigin = SITE_URL,
  clientName = "demo",
  /**
   * A plan with several areas (the seat-choice page asks for one first); a single-area plan with reserved seats
   * (the page shows a seat map); by default any single-area plan.
   */
  plan: "single-area" | "multi-area" | "reserved" = "single-area",
  /** How many qualifying performances to pass over: one that other tests sell out (and the site caches) is not picked. */
  skip = 0,
): Promise<string> {
  const api = `${emulatorUrl}/${clientName}/api/v3`;
  // Web-mode reads standing in for the site's browser: like Spektrix, the emulator blocks them without its Origin.
  const headers = { Origin: siteOrigin };
  const instances = (await (await request.get(`${api}/instances`, { headers })).json()) as InstanceFacts[];
  for (const instance of sellingCandidates(instances, new Date())) {
    const status = (await (await request.get(`${api}/instances/${instance.id}/status`, { headers })).json()) as {
      available: number;
    };
    if (status.available < seats) continue;
    const { areas, seats: planSeats } = (await (
      await request.get(`${api}/instances/${instance.id}/plan`, { headers })
    ).json()) as { areas?: unknown[]; seats?: unknown[] | null };
    if ((plan === "multi-area") !== (areas?.length ?? 0) > 1) continue;
    if (plan === "reserved" && !planSeats?.length) continue;
    if (plan === "multi-area") {
      // Every area with the seats the journey needs, whichever it picks.
      const byArea = (await (
        await request.get(`${api}/instances/${instance.id}/status?includeChildPlans=true`, { headers })
      ).json()) as { areas?: { available: number }[] };
      if (!byArea.areas?.every((a) => a.available >= seats)) continue;
    }
    const list = (await (await request.get(`${api}/instances/${instance.id}/price-list`, { headers })).json()) as {
      prices: { amount: number }[];
    };
    // Every price paid: whichever ticket type the journey picks, checkout goes through payment.
    if (list.prices.length === 0 || list.prices.some((p) => p.amount <= 0)) continue;
    // And the site offers it: the venue's rules leave some Spektrix events off the site (excluded from web
    // listings, hidden genres), whatever their sale state.
    if (!(await request.get(`/book/${encodeURIComponent(instance.id)}`)).ok()) continue;
    if (skip-- === 0) return instance.id;
  }
  throw new Error(
    `no ${plan} performance on sale on the web with ${seats} paid seats left (${instances.length} performances in the emulator)`,
  );
}

/**
 * Runs "Sync now" on the studio's Sync runs page as a signed-in editor, until a run finishes. Another run (the
 * demo's own, right after it starts) may hold the sync lock: the page says so, and the editor tries again.
 */
export async function studioSyncNow(page: Page) {
  await page.goto("/studio/sync");
  await page.waitForLoadState("networkidle");
  await expect(async () => {
    await page.getByRole("button", { name: "Sync now" }).click();
    const result = page.getByTestId("sync-result");
    await expect(result).toContainText(/Sync finished|already running/, { timeout: 60_000 });
    await expect(result).toContainText(/Sync finished/, { timeout: 1 });
  }).toPass({ intervals: [2_000, 5_000], timeout: 150_000 });
}

/** The payment form the checkout page frames (same origin; ADR 0018), where `<spektrix-payments>` lives. */
export function paymentForm(page: Page): FrameLocator {
  return page.frameLocator(`iframe[title="${PAYMENT_FORM_TITLE}"]`);
}

/** The payment provider's card fields, a frame from its own origin inside the payment form. */
export function cardFields(page: Page): FrameLocator {
  return paymentForm(page).frameLocator('iframe[title="Card details"]');
}

/** In the page builder: saves the draft, publishes it, and waits until the studio says where it lives. */
export async function saveAndPublish(page: Page, slug: string) {
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page).toHaveURL(/\/studio\/pages\/\d+$/);
  await expect(page.getByRole("button", { name: "Publish" })).toBeVisible();
  // A new page's first save opens it at its own address; the editor there says so, the keyboard still on Save draft.
  await expect(page.getByText("Draft saved.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Save draft" })).toBeFocused();
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText(`Published at /info/${slug}`)).toBeVisible();
}
