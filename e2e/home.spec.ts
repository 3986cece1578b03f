import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, screenshotAtPhoneAndDesktop } from "./helpers";

test("home page shows the venue, its navigation and no accessibility violations", async ({ page }, testInfo) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Main", exact: true });
  for (const label of ["What's on", "Support us", "Membership", "Account"]) {
    await expect(nav.getByRole("link", { name: label })).toBeVisible();
  }
  await expect(page.getByRole("link", { name: /basket/i }).first()).toBeVisible();

  await expectNoAxeViolations(page);
  await screenshotAtPhoneAndDesktop(page, testInfo, "home");
});

test("skip link moves focus to the main content", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
});

test("every text field tabbed to shows the site's focus ring, not only a border colour", async ({ page }) => {
  const ringOf = () =>
    page.evaluate(() => {
      const style = getComputedStyle(document.activeElement!);
      return `${style.outlineStyle} ${style.outlineWidth}`;
    });
  for (const [path, label] of [
    ["/", "Search by title"],
    ["/whats-on", "Search by title"],
    ["/login", "E-mail address"],
  ] as const) {
    await page.goto(path);
    const field = page.getByLabel(label, { exact: true }).first();
    // A text field matches :focus-visible however it is focused, so the keyboard's ring is the one drawn here.
    await field.focus();
    await expect(field, path).toBeFocused();
    expect(await ringOf(), path).toBe("solid 3px");
  }
});

test("on a phone, each quick-date pill tabbed to is scrolled fully onto the screen", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/whats-on");
  const pills = page.getByRole("navigation", { name: "Quick dates" }).getByRole("link");
  await pills.first().focus();
  for (let i = 1; i < (await pills.count()); i++) {
    await page.keyboard.press("Tab");
    await expect(pills.nth(i)).toBeFocused();
    const box = await pills.nth(i).evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect);
    expect(box.left, `pill ${i}`).toBeGreaterThanOrEqual(0);
    expect(box.right, `pill ${i}`).toBeLessThanOrEqual(390);
  }
});

test("a what's on link followed from the keyboard keeps the focus on the page it leads to", async ({ page }) => {
  await page.goto("/whats-on");
  // The unfiltered list and a filtered one are different pages (ADR 0007): the link pressed is replaced.
  for (const [nav, name, url] of [
    ["Quick dates", "Tomorrow", /when=tomorrow/],
    ["View", "Calendar", /view=calendar/],
    ["Quick dates", "All dates", /view=calendar/],
    ["View", "List", /\/whats-on$/],
  ] as const) {
    const link = page.getByRole("navigation", { name: nav }).getByRole("link", { name, exact: true });
    await link.focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(url);
    await expect(link, name).toHaveAttribute("aria-current", /.+/);
    await expect(link, name).toBeFocused();
  }
});

test("a page of results chosen from the keyboard puts the focus where the results start", async ({ page }) => {
  await page.goto("/whats-on");
  const pages = page.getByRole("navigation", { name: "Pages of results" });
  const count = page.locator("#results-count");
  // From the unfiltered list to page 2 (another route), then on to page 3 (the same route, nothing remounted).
  for (const url of [/page=2/, /page=3/]) {
    await pages.getByRole("link", { name: /Next/ }).focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(url);
    await expect(count).toBeFocused();
    expect((await count.boundingBox())!.y).toBeGreaterThanOrEqual(0);
  }
});

test("on a short desktop screen, the open filter column scrolls so its last button tabbed to is on screen", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 700 });
  await page.goto("/whats-on?access=captioned");
  const show = page.getByRole("button", { name: "Show results" });
  await page.getByRole("link", { name: "Clear all" }).focus();
  await page.keyboard.press("Shift+Tab");
  await expect(show).toBeFocused();
  const box = (await show.boundingBox())!;
  expect(box.y + box.height).toBeLessThanOrEqual(700);
});

test("unknown pages get a friendly 404", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "We can’t find that page" })).toBeVisible();
});

test("an address under /api that no route serves is a JSON 404 by any method; the API's own routes still answer", async ({
  request,
}) => {
  for (const [method, path] of [
    ["GET", "/api/no-such-route"],
    ["POST", "/api/availability/extra/segments"],
    ["DELETE", "/api/studio/nothing-here"],
  ] as const) {
    const response = await request.fetch(path, { method });
    expect(response.status(), `${method} ${path}`).toBe(404);
    expect(response.headers()["content-type"]).toMatch(/^application\/json/);
    expect(await response.json()).toMatchObject({ error: "not-found" });
  }
  expect((await request.get("/api/auth/session")).status()).toBe(200);
});

test("health reports the database and Spektrix as reachable", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body.database.ok).toBe(true);
  expect(body.spektrix.ok).toBe(true);
  expect(body.status).toBe("ok");
});
