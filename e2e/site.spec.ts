import { expect, test, type Page } from "@playwright/test";
import { EMULATOR_URL, SITE_URL } from "../playwright.config";
import {
  bookablePerformance,
  expectNoAxeViolations,
  expectNothingScrollsSideways,
  screenshotAtPhoneAndDesktop,
  SYNC_AUTH,
} from "./helpers";

/**
 * Public-site journeys against the demo (emulator + first sync + `next start`). They need the synced
 * catalogue: `scripts/prepare-db.ts` must run a sync before the site starts.
 */

async function firstEventHref(page: Page): Promise<string> {
  const link = page.locator('main a[href^="/events/"]').first();
  await expect(link).toBeVisible();
  return (await link.getAttribute("href"))!;
}

/** The show's page of a performance chosen by state, reached through its booking page's breadcrumb. */
async function openEventOf(page: Page, performanceId: string) {
  await page.goto(`/book/${performanceId}`);
  // Titled with the date and time it books, which the page shows under the show's name.
  const time = (await page.locator("main h1 + p time .text-brand").textContent())!;
  const escaped = time.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  await expect(page).toHaveTitle(
    new RegExp(`^Book tickets: .+, \\w{3} \\d{1,2} [A-Z][a-z]{2,3} \\d{4}, ${escaped} · `),
  );
  await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link").click();
  await expect(page.getByRole("heading", { name: "Dates and tickets" })).toBeVisible();
  return page.locator(`li[id="p-${performanceId}"]`);
}

test("browse by date preset: the URL holds the state and back/forward works", async ({ page }, testInfo) => {
  await page.goto("/whats-on");
  await expect(page.getByRole("heading", { level: 1, name: "What’s on" })).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshotAtPhoneAndDesktop(page, testInfo, "whats-on");

  await page.getByRole("navigation", { name: "Quick dates" }).getByRole("link", { name: "Next 7 days" }).click();
  await expect(page).toHaveURL(/\/whats-on\?when=7days$/);
  await expect(page.getByRole("heading", { level: 1, name: "Next 7 days" })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("navigation", { name: "View" }).getByRole("link", { name: "Calendar" }).click();
  await expect(page).toHaveURL(/view=calendar/);
  await expect(page).toHaveURL(/when=7days/);
  await expectNoAxeViolations(page);
  await screenshotAtPhoneAndDesktop(page, testInfo, "whats-on-calendar");

  await page.goBack();
  await expect(page).toHaveURL(/\/whats-on\?when=7days$/);
  await page.goForward();
  await expect(page).toHaveURL(/view=calendar/);
});

test("a show title longer than a calendar day's cell breaks inside the cell, not under the next day", async ({
  page,
  request,
}) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  // A real venue's one-word title, found by search; its month from its own event page.
  const listing = await (await request.get("/whats-on?q=TEDxWestVancouver")).text();
  const event = /href="(\/events\/[a-z0-9-]+)"/.exec(listing)?.[1];
  expect(event, "the long-titled show is on sale").toBeTruthy();
  const start = /"startDate":"(\d{4}-\d{2})/.exec(await (await request.get(event!)).text())?.[1];
  expect(start, "its first performance").toBeTruthy();
  await page.goto(`/whats-on?view=calendar&month=${start}&q=TEDxWestVancouver`);
  // The tab says what it shows: the search and the calendar's month.
  await expect(page).toHaveTitle(/^“TEDxWestVancouver” · \w+ \d{4} calendar · What’s on · /);
  const entry = page.locator(".cal-items a", { hasText: "TEDx" }).first();
  await expect(entry).toBeVisible();
  const fits = await entry.evaluate((a) => a.scrollWidth <= a.clientWidth);
  expect(fits).toBe(true);
});

test("on a phone the quick dates row shows that it scrolls, and its last date ends clear of the fade", async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/whats-on");
  const row = page.getByRole("navigation", { name: "Quick dates" });
  const state = () =>
    row.evaluate((nav) => {
      const style = getComputedStyle(nav);
      const last = nav.querySelector("li:last-child a")!.getBoundingClientRect();
      const box = nav.getBoundingClientRect();
      return {
        scrolls: nav.scrollWidth > nav.clientWidth,
        mask: style.maskImage || style.getPropertyValue("-webkit-mask-image"),
        gutter: parseFloat(style.paddingRight),
        lastRightGap: box.right - last.right,
      };
    });
  const start = await state();
  expect(start.scrolls).toBe(true);
  // The row's edges fade: a date running off the screen reads as more to come.
  expect(start.mask).toContain("linear-gradient");
  expect(start.lastRightGap).toBeLessThan(0);
  await row.evaluate((nav) => (nav.scrollLeft = nav.scrollWidth));
  // At the end of the scroll the last date sits inside the row, left of the faded gutter.
  await expect.poll(async () => (await state()).lastRightGap).toBeGreaterThanOrEqual(start.gutter - 1);
  // Tabbing to a date off the screen brings it clear of the fade too, so its focus ring is seen.
  await row.evaluate((nav) => (nav.scrollLeft = 0));
  await expect.poll(async () => (await state()).lastRightGap).toBeLessThan(0);
  await row.getByRole("link", { name: "This month" }).focus();
  await expect.poll(async () => (await state()).lastRightGap).toBeGreaterThanOrEqual(start.gutter - 1);

  await page.setViewportSize({ width: 1366, height: 900 });
  const desktop = await state();
  expect(desktop.scrolls).toBe(false);
  expect(desktop.mask).toBe("none");
});

test("on a phone a page opened on a later date starts with its date in view, clear of the fade", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const label of ["This weekend", "Next 7 days", "This month"]) {
    const preset = { "This weekend": "weekend", "Next 7 days": "7days", "This month": "month" }[label];
    await page.goto(`/whats-on?when=${preset}`);
    const row = page.getByRole("navigation", { name: "Quick dates" });
    await expect(row.getByRole("link", { name: label })).toHaveAttribute("aria-current", "true");
    const place = await row.evaluate((nav) => {
      const box = nav.getBoundingClientRect();
      const current = nav.querySelector("[aria-current]")!.getBoundingClientRect();
      const gutter = parseFloat(getComputedStyle(nav).paddingLeft);
      return { left: current.left - box.left - gutter, right: box.right - gutter - current.right };
    });
    expect(place.left, label).toBeGreaterThanOrEqual(-1);
    expect(place.right, label).toBeGreaterThanOrEqual(-1);
    expect(await page.evaluate(() => window.scrollY), label).toBe(0);
  }
});

test("filter by an access flag with the GET form", async ({ page }) => {
  await page.goto("/whats-on");
  // The form drops empty fields once hydrated; before that it sends them all (and the server ignores them).
  await page.waitForLoadState("networkidle");
  await page.getByText("Dates, genre, venue, access").click();
  await page.getByRole("checkbox", { name: "Captioned" }).check();
  // Building the form's data set fires the same `formdata` event a submit does: only what was chosen is in it,
  // and the empty fields themselves are left as they were (named, enabled), not removed from the form.
  const sent = await page.evaluate(() =>
    [...new FormData(document.querySelector<HTMLFormElement>('form[role="search"]')!).entries()].map(
      ([key, value]) => `${key}=${String(value)}`,
    ),
  );
  expect(sent).toEqual(["access=captioned"]);
  await expect(page.getByLabel("Search by title")).toBeEnabled();
  await expect(page.getByLabel("Search by title")).toHaveAttribute("name", "q");
  await page.getByRole("button", { name: "Show results" }).click();
  await expect(page).toHaveURL(/\/whats-on\?access=captioned$/);
  const results = page.locator("main ul li article");
  await expect(results.first()).toBeVisible(); // the demo has captioned performances (the emulator marks some)
  // Every listed show has a captioned performance, and says so in text.
  for (const card of await results.all()) await expect(card.getByText("Captioned")).toBeVisible();
  await expectNoAxeViolations(page);
});

test("on a phone, Show results opens the new page at the results, not at the form above them", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/whats-on");
  await page.waitForLoadState("networkidle"); // the form's landing is set up once it is hydrated
  await page.getByText("Dates, genre, venue, access").click();
  const venue = page.getByLabel("Venue");
  const first = await venue.locator("option").nth(1).getAttribute("value");
  await venue.selectOption(first!);
  await page.getByRole("button", { name: "Show results" }).click();
  await expect(page).toHaveURL(new RegExp(`/whats-on\\?venue=${first}#results$`));
  // The filters stay open above (they show what was chosen), and the first show is on the first screen.
  await expect(page.getByLabel("Venue")).toHaveValue(first!);
  const card = page.locator("main ul li article").first();
  await expect(card).toBeInViewport();
  await expect(page.locator("#results")).toBeInViewport();
});

test("every access filter finds performances of its kind: each checkbox on what's on, and each home page tile", async ({
  page,
}) => {
  await page.goto("/whats-on");
  const offered = await page
    .locator('input[type="checkbox"][name="access"]')
    .evaluateAll((boxes) => boxes.map((box) => (box as HTMLInputElement).value));
  expect(offered.sort()).toEqual(["any", "audioDescribed", "bsl", "captioned", "relaxed", "touchTour"]);
  for (const kind of offered) {
    await page.goto(`/whats-on?access=${kind}`);
    await expect(page.locator("main ul li article").first(), kind).toBeVisible();
  }
  // The home page offers a tile for each kind the programme has: here, every one.
  await page.goto("/");
  const tiles = page.getByRole("region", { name: "Access performances" }).getByRole("link");
  const hrefs = await tiles.evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
  expect(hrefs.sort()).toEqual(
    offered
      .filter((kind) => kind !== "any")
      .map((kind) => `/whats-on?access=${kind}`)
      .sort(),
  );
});

test("an access search narrowed to nothing offers the next access performances and the box office", async ({
  page,
}) => {
  await page.goto("/whats-on?access=relaxed&q=zzzz-no-such-show");
  await expect(page.getByText("Nothing matches those choices")).toBeVisible();
  const next = page.getByTestId("access-alternatives").getByRole("link");
  await expect(next.first()).toBeVisible();
  await next.first().click();
  // "Relaxed" is on the listing too: wait for the event page's URL, or goBack could leave the site entirely.
  await expect(page).toHaveURL(/\/events\//);
  await expect(page.getByText("Relaxed").first()).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(/\/whats-on\?/);
  await expect(page.getByText(/Our box office can arrange access for any performance: call/)).toBeVisible();
  await expectNoAxeViolations(page);
});

test("an empty search suggests widening it", async ({ page }) => {
  await page.goto("/whats-on?q=zzzz-no-such-show");
  await expect(page.getByText("Nothing matches those choices")).toBeVisible();
  await page.getByRole("link", { name: /Clear the search/ }).click();
  await expect(page).toHaveURL(/\/whats-on$/);
  await expectNoAxeViolations(page);
});

test("malformed search params never cause a 500 and end on a canonical URL", async ({ page, request }) => {
  for (const qs of [
    "from=2026-13-45",
    "when=fortnight&page=99999999999",
    "access=%3Cscript%3E",
    "q=%27%3B%20drop%20table%20events%3B--",
    "page=-1&view=grid&utm=1",
  ]) {
    const res = await request.get(`/whats-on?${qs}`, { maxRedirects: 0 });
    expect(res.status(), qs).toBeLessThan(500);
    await page.goto(`/whats-on?${qs}`);
    await expect(page).toHaveURL(/\/whats-on(\?(?!.*(from=2026-13|fortnight|page=-1|view=grid|utm=|%3Cscript)).*)?$/);
  }
});

test("a search word longer than a phone is wide keeps the page inside the phone", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  // The search keeps 80 characters of it: one word, no space to break at.
  await page.goto(`/whats-on?q=${"x".repeat(300)}`);
  await expect(page.getByRole("link", { name: `Clear the search “${"x".repeat(80)}”` })).toBeVisible();
  await expectNothingScrollsSideways(page);
});

test("a show title with a word wider than a phone breaks inside it: on its card, its event page and its booking page", async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  // A real concert's title has no space in its first 35 characters. Put in place of a title the page rendered, it
  // tests the pages' own rules for titles, whatever the data.
  const title = "Rachmaninoff/Tchaikovsky/Prokofiev: Russian Romantics";
  const retitle = async (selector: string) => {
    const heading = page.locator(selector).first();
    await heading.evaluate((el, text) => (el.textContent = text), title);
    expect(await heading.evaluate((el) => el.scrollWidth <= el.clientWidth), selector).toBe(true);
    await expectNothingScrollsSideways(page);
  };
  await page.goto("/whats-on");
  const card = page.locator(".event-card").first();
  const event = (await card.locator("a").first().getAttribute("href"))!;
  await retitle(".event-card-title");
  await page.goto(event);
  await retitle("h1");
  const book = (await page.locator('a[href^="/book/"]').first().getAttribute("href"))!;
  await page.goto(book);
  await retitle("h1");
});

test("without JavaScript, the filter form still finds shows, and buying says how else to buy", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/whats-on");
  const title = (await page.locator('main h3 a[href^="/events/"]').first().textContent())!.trim();
  await page.getByLabel("Search by title").fill(title.split(/\s+/).slice(0, 2).join(" "));
  await page.getByRole("button", { name: "Show results" }).click();
  await expect(page).toHaveURL(/\/whats-on\?.*q=/);
  // The results themselves, not a loading skeleton that only a script would replace.
  await expect(page.getByRole("link", { name: title, exact: true }).first()).toBeVisible();
  // Buying through Spektrix's components needs a script: the page says so, with a number to call, rather than
  // leaving a button at "Connecting to the box office…" with no word why.
  for (const path of ["/gift-vouchers", "/support-us", "/membership", "/shop"]) {
    await page.goto(path);
    const notice = page.getByText(/^Buying online needs JavaScript/).first();
    await expect(notice, path).toBeVisible();
    await expect(notice.getByRole("link", { name: /^\+?[\d\s()-]{7,}$/ }), path).toHaveAttribute("href", /^tel:/);
    // Said once, not once per membership or shop item.
    expect(await page.locator(".nojs-buy").evaluateAll((els) => els.filter((e) => e.checkVisibility()).length)).toBe(1);
    // And no button claims to be connecting to anything (the words are in the page, hidden).
    const connecting = page.getByText("Connecting to the box office…").first();
    await expect(connecting, path).toBeAttached();
    await expect(connecting, path).toBeHidden();
  }
  // A booking page promises no live check or frame load that will never come.
  await page.goto("/whats-on");
  await page.locator('main h3 a[href^="/events/"]').first().click();
  await page.locator('a[href^="/book/"]').first().click();
  await expect(page).toHaveURL(/\/book\//);
  const checking = page.getByText("Checking…").first();
  await expect(checking).toBeAttached();
  await expect(checking).toBeHidden();
  // The seat frame is drawn only by script: its place says so instead of standing empty.
  await expect(page.getByText(/^This part of the page needs JavaScript/)).toBeVisible();
  await context.close();
});

test("the list and this month's calendar are served whole from the page cache, at their public addresses", async ({
  page,
  request,
}) => {
  // The whole page in the document, cached or filtered: nothing streamed into a hidden element for a script to
  // reveal (React's `<div hidden id="S:0">`), which a browser without JavaScript never shows.
  for (const url of ["/whats-on", "/whats-on?view=calendar", "/whats-on?q=a", "/whats-on?view=calendar&q=a"]) {
    const html = await (await request.get(url)).text();
    expect(html, url).not.toMatch(/<div hidden id="S:/);
    expect(html, url).toMatch(/<h1[^>]*>/);
  }
  await page.goto("/whats-on?view=calendar");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.locator("#cal-heading")).toBeVisible();
  await expect(page.getByRole("link", { name: /^Next month, / })).toBeVisible();
  // The cached copies are not second addresses.
  for (const [cached, publicUrl] of [
    ["/whats-on/all", "/whats-on"],
    ["/whats-on/calendar", "/whats-on?view=calendar"],
  ] as const) {
    const res = await request.get(cached, { maxRedirects: 0 });
    expect(res.status(), cached).toBe(308);
    const location = new URL(res.headers().location ?? "", SITE_URL);
    expect(`${location.pathname}${location.search}`).toBe(publicUrl);
  }
});

test("open an event: description, performances, JSON-LD, booking link", async ({ page }, testInfo) => {
  await page.goto("/whats-on");
  const href = await firstEventHref(page);
  // Typed from a poster, with capitals: sent to the page for good, not "not found".
  const typed = href.replace(
    /\/events\/([^a-z]*)([a-z])/,
    (_, before: string, letter: string) => `/events/${before}${letter.toUpperCase()}`,
  );
  expect(typed).not.toBe(href);
  const asTyped = await page.request.get(typed, { maxRedirects: 0 });
  expect(asTyped.status()).toBe(308);
  expect(new URL(asTyped.headers().location!, page.url()).pathname).toBe(href);
  await page.goto(href);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Dates and tickets" })).toBeVisible();
  const ld = await page.locator('script[type="application/ld+json"]').allTextContents();
  expect(ld.length).toBeGreaterThan(0);
  for (const text of ld) {
    const data = JSON.parse(text);
    expect(data["@type"]).toBe("TheaterEvent");
    expect(data.startDate).toMatch(/T\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
  }
  await expect(page.getByTestId("availability").first()).not.toHaveAttribute("data-state", "loading");
  // "From" the lowest paid price on the price lists of the dates still on, as Spektrix has them.
  const ids = await page
    .locator('li[id^="p-"]')
    .evaluateAll((rows) => rows.filter((r) => !/cancelled/i.test(r.textContent ?? "")).map((r) => r.id.slice(2)));
  const lowest = Math.min(
    ...(await Promise.all(
      ids.map(async (id) => {
        const list = (await (
          await page.request.get(`${EMULATOR_URL}/demo/api/v3/instances/${id}/price-list`, {
            headers: { Origin: SITE_URL },
          })
        ).json()) as { prices: { amount: number }[] };
        const paid = list.prices.map((p) => p.amount).filter((a) => a > 0);
        return paid.length ? Math.min(...paid) : 0;
      }),
    )),
  );
  const from = (await page.getByTestId("from-price").textContent())!;
  expect(from === "Free" ? 0 : Number(from.replace(/^From \$/, "").replace(/,/g, ""))).toBe(lowest);
  await expectNoAxeViolations(page);
  await screenshotAtPhoneAndDesktop(page, testInfo, "event");

  await page.getByRole("link", { name: /^Book/ }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByTestId("choose-seats")).toHaveAttribute("href", /ChooseSeats\.aspx\?EventInstanceId=\d+/);
  await expectNoAxeViolations(page);
  await screenshotAtPhoneAndDesktop(page, testInfo, "book");
});

test("availability changes after the emulator changes a performance", async ({ page, request }) => {
  // Each state may be served from the server's cache for up to AVAILABILITY_CACHE_SECONDS, twice over: 5 s on the
  // journeys' own server (playwright.config.ts), 30 s on a demo reused locally.
  test.setTimeout(120_000);
  // A performance selling on the web, not "the first one": that may stop selling within the hour.
  const performanceId = await bookablePerformance(request, EMULATOR_URL, 1);
  const status = `${EMULATOR_URL}/demo/api/v3/instances/${performanceId}/status`;
  // A web-mode read standing in for the site's browser, so it carries the site's Origin.
  const seatsBefore = (
    (await (await request.get(status, { headers: { Origin: SITE_URL } })).json()) as { available: number }
  ).available;
  const row = await openEventOf(page, performanceId);
  const badge = row.getByTestId("availability");
  await expect(badge).toHaveAttribute("data-state", /onSale|fewLeft|soldOut|unknown/);

  try {
    const soldOut = await request.patch(`${EMULATOR_URL}/__control/instances/${performanceId}`, {
      data: { available: 0 },
    });
    expect(soldOut.ok()).toBe(true);
    // The server caches each performance for at most 5 s here; a reload after that must show the new state.
    await expect(async () => {
      await page.reload();
      await expect(page.locator(`li[id="p-${performanceId}"]`).getByTestId("availability")).toHaveAttribute(
        "data-state",
        "soldOut",
        { timeout: 3_000 },
      );
    }).toPass({ timeout: 40_000, intervals: [2_000] });
    // The row stops offering to book seats it does not have, and still leads to the page with other dates.
    const book = page.locator(`li[id="p-${performanceId}"]`).getByTestId("book-link");
    await expect(book).toHaveText(/^See options for /);
    await expect(book).toHaveAttribute("href", new RegExp(`/book/${performanceId}$`));

    await request.patch(`${EMULATOR_URL}/__control/instances/${performanceId}`, { data: { available: 3 } });
    await expect(async () => {
      await page.reload();
      await expect(page.locator(`li[id="p-${performanceId}"]`).getByTestId("availability")).toHaveAttribute(
        "data-state",
        "fewLeft",
        { timeout: 3_000 },
      );
    }).toPass({ timeout: 40_000, intervals: [2_000] });
    await expect(page.locator(`li[id="p-${performanceId}"]`).getByTestId("book-link")).toHaveText(/^Book for /);
  } finally {
    // Leave the performance as it was for the tests after this one.
    await request.patch(`${EMULATOR_URL}/__control/instances/${performanceId}`, { data: { available: seatsBefore } });
  }
});

test("a performance Spektrix moves is shown as rescheduled, and its calendar entry updates", async ({
  page,
  request,
}) => {
  const performanceId = await bookablePerformance(request, EMULATOR_URL, 1);
  const control = `${EMULATOR_URL}/__control/instances/${performanceId}`;
  const before = (await (await request.patch(control, { data: {} })).json()) as {
    start: string;
    event: { id: string };
  };
  const sync = async () =>
    expect(
      (
        await request.post("/api/sync", { headers: SYNC_AUTH, data: { eventId: before.event.id }, timeout: 30_000 })
      ).status(),
    ).toBe(200);
  const sequence = async () =>
    /SEQUENCE:(\d+)/.exec(await (await request.get(`/api/calendar/${performanceId}`)).text())?.[1];
  const sequenceBefore = Number(await sequence());
  // The same time of day, a day later: Spektrix keeps the id, so only the sync can tell it moved.
  const dayLater = new Date(new Date(`${before.start}Z`).getTime() + 86_400_000).toISOString().slice(0, 19);
  try {
    expect((await request.patch(control, { data: { start: dayLater } })).ok()).toBe(true);
    await sync();
    const row = await openEventOf(page, performanceId);
    await expect(row.getByText(/^Rescheduled from /)).toBeVisible();
    await expect(page.getByText(/moved to a new date/)).toBeVisible();
    expect(Number(await sequence())).toBe(sequenceBefore + 1);
    await expectNoAxeViolations(page);
  } finally {
    // Back where it was, for the tests after this one: the notice goes, and calendars update once more.
    await request.patch(control, { data: { start: before.start } });
    await sync();
  }
  expect(Number(await sequence())).toBe(sequenceBefore + 2);
});

test("an event renamed in Spektrix shows its new name on the very next request after each kind of sync", async ({
  page,
  request,
}) => {
  const performanceId = await bookablePerformance(request, EMULATOR_URL, 1);
  const instance = (await (
    await request.patch(`${EMULATOR_URL}/__control/instances/${performanceId}`, { data: {} })
  ).json()) as {
    event: { id: string };
  };
  const eventId = instance.event.id;
  const control = `${EMULATOR_URL}/__control/events/${eventId}`;
  await openEventOf(page, performanceId);
  const path = new URL(page.url()).pathname;
  const original = ((await (await request.patch(control, { data: {} })).json()) as { name: string }).name;
  const shownBefore = (await page.getByRole("heading", { level: 1 }).textContent())!;
  // The heading as the server sent it, its character references read back (a title may hold an apostrophe).
  const h1Of = async () =>
    /<h1[^>]*>([^<]*)<\/h1>/
      .exec(await (await request.get(path)).text())?.[1]
      ?.replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&");
  // Served from the page cache before the change, as a visitor would have it.
  await request.get(path);
  const cached = await request.get(path);
  expect(cached.headers()["x-nextjs-cache"] ?? "HIT").toMatch(/HIT|STALE/);
  try {
    for (const [kind, data] of [
      ["one event", { eventId }],
      ["the whole window", {}],
    ] as const) {
      const name = `Renamed for the ${kind} sync`;
      expect((await request.patch(control, { data: { name } })).ok()).toBe(true);
      const sync = await request.post("/api/sync", { headers: SYNC_AUTH, data, timeout: 120_000 });
      expect(sync.status(), await sync.text()).toBe(200);
      // No waiting and no retry: the sync revalidated the page, so the first request after it is new.
      expect(await h1Of(), kind).toBe(name);
    }
  } finally {
    await request.patch(control, { data: { name: original } });
    await request.post("/api/sync", { headers: SYNC_AUTH, data: { eventId }, timeout: 30_000 });
  }
  expect(await h1Of()).toBe(shownBefore);
});

test("a sold-out performance offers the show's other dates and the box office", async ({ page, request }) => {
  test.setTimeout(90_000);
  const performanceId = await bookablePerformance(request, EMULATOR_URL, 1);
  const control = `${EMULATOR_URL}/__control/instances/${performanceId}`;
  const seatsBefore = (
    (await (
      await request.get(`${EMULATOR_URL}/demo/api/v3/instances/${performanceId}/status`, {
        headers: { Origin: SITE_URL },
      })
    ).json()) as { available: number }
  ).available;
  try {
    await request.patch(control, { data: { available: 0 } });
    // The server may answer from its availability cache (5 s here) first.
    await expect(async () => {
      await page.goto(`/book/${performanceId}`);
      await expect(page.getByTestId("sold-out-help")).toBeVisible({ timeout: 3_000 });
    }).toPass({ timeout: 40_000, intervals: [2_000] });
    const help = page.getByTestId("sold-out-help");
    await expect(help).toContainText("This performance is sold out.");
    // Nothing beside the help still invites choosing seats, and Spektrix's own page offers none to add.
    await expect(page.getByText("Choose your tickets below")).toBeHidden();
    const seats = page.frameLocator('iframe[title^="Choose tickets for "]');
    await expect(seats.getByText(/^Sold out\./)).toBeVisible();
    await expect(seats.getByRole("button", { name: /add (chosen seats )?to basket/i })).toHaveCount(0);
    await expect(help.getByRole("link", { name: /\+1 403 555 0142/ })).toHaveAttribute("href", "tel:+14035550142");
    const others = help.getByRole("link", { name: /\d{1,2}\.\d{2}(am|pm)$/ });
    if (await others.count()) {
      const href = await others.first().getAttribute("href");
      expect(href).toMatch(/^\/book\/[^/]+$/);
      expect(href).not.toBe(`/book/${performanceId}`);
    } else {
      await expect(help).toContainText("There are no other dates on sale.");
    }
    await expectNoAxeViolations(page);
  } finally {
    await request.patch(control, { data: { available: seatsBefore } });
  }
});

test("availability says 'check availability' when Spektrix is down, and Book still works", async ({
  page,
  request,
}) => {
  // Chosen before the fault, by state: "this month" has no performance left on the last evening of a month. Not
  // the first one: the sold-out test before this one leaves that sold out in the site's availability cache, and a
  // sold-out row rightly offers "See options" rather than Book.
  const performanceId = await bookablePerformance(request, EMULATOR_URL, 1, SITE_URL, "demo", "single-area", 1);
  await request.post(`${EMULATOR_URL}/__control/faults`, {
    data: { type: "status", status: 503, path: "instances/*/status" },
  });
  try {
    const row = await openEventOf(page, performanceId);
    await expect(row.getByRole("link", { name: /^Book/ })).toBeVisible();
    await expect(row.getByTestId("availability")).not.toHaveAttribute("data-state", "loading", { timeout: 20_000 });
  } finally {
    await request.delete(`${EMULATOR_URL}/__control/faults`);
  }
});

test("download a valid .ics for a performance and the whole feed", async ({ page, request }) => {
  await page.goto("/whats-on");
  await page.goto(await firstEventHref(page));
  // Each link names its date for screen readers, as one phrase ("Add to calendar: Mon 7 Dec…", no " : ").
  await expect(page.getByRole("link", { name: /^Add to calendar/ }).first()).toHaveAccessibleName(
    /^Add to calendar: \S/,
  );
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page
      .getByRole("link", { name: /^Add to calendar/ })
      .first()
      .click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.ics$/);
  const text = await (await request.get(page.url().replace(/\/events\/.*/, "") + "/api/calendar")).text();
  expect(text.startsWith("BEGIN:VCALENDAR")).toBe(true);
  expect(text).toMatch(/BEGIN:VEVENT[\s\S]*DTSTART:\d{8}T\d{6}Z[\s\S]*END:VEVENT/);
  expect(text.trimEnd().endsWith("END:VCALENDAR")).toBe(true);
});

test("a phone's home screen and /favicon.ico get raster icons drawn from the SVG", async ({ page, request }) => {
  await page.goto("/");
  const apple = await page.locator('link[rel="apple-touch-icon"]').getAttribute("href");
  expect(apple).toMatch(/^\/apple-icon\.png/);
  const png = await request.get(apple!);
  expect(png.status()).toBe(200);
  expect(png.headers()["content-type"]).toBe("image/png");
  const ico = await request.get("/favicon.ico");
  expect(ico.status()).toBe(200);
  expect((await ico.body()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));
});

test("a missing event, booking or page is a friendly 404 in one frame; sitemap and robots are served", async ({
  page,
  request,
}) => {
  const res = await page.goto("/events/this-show-does-not-exist");
  expect(res?.status()).toBe(404);
  // True of a show that never existed (a mistyped link) as much as of one that has gone.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("We can’t find that show");
  await expect(page).toHaveTitle(/^Show not found · /);
  await expect(page.getByRole("banner")).toHaveCount(1);
  await expectNoAxeViolations(page);
  // An unknown booking, studio-built page or address: one 404, in one frame (one header, one footer), titled as one.
  for (const [path, title, heading] of [
    ["/book/NO-SUCH-PERFORMANCE", /^Performance not found · /, "We can’t find that performance"],
    ["/info/no-such-page", /^Page not found · /, "We can’t find that page"],
    ["/no/such/address", /^Page not found · /, "We can’t find that page"],
  ] as const) {
    expect((await page.goto(path))?.status(), path).toBe(404);
    await expect(page, path).toHaveTitle(title);
    await expect(page.getByRole("heading", { level: 1 }), path).toHaveText(heading);
    await expect(page.getByRole("banner"), path).toHaveCount(1);
    await expect(page.getByRole("contentinfo"), path).toHaveCount(1);
  }
  // On the cached and studio-built pages the words are in the HTML, not only in the RSC payload for JavaScript to draw:
  // without it (or before it runs) a notFound() page was an empty error document.
  for (const [path, heading] of [
    ["/events/this-show-does-not-exist", "We can’t find that show"],
    [`/events/${"a".repeat(300)}`, "We can’t find that show"],
    ["/book/NO-SUCH-PERFORMANCE", "We can’t find that performance"],
    ["/book/999999ABCDGHJKLMNPQRSTV", "We can’t find that performance"],
    ["/whats-on/no-such-view", "We can’t find that page"],
    ["/home/no-such-variant", "We can’t find that page"],
    // Rendered per request, so answered by proxy.ts with the site's own 404 route.
    ["/info/no-such-page", "We can’t find that page"],
    ["/info/Not-A-Slug", "We can’t find that page"],
  ] as const) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
    const html = await response.text();
    expect(html, path).not.toContain("__next_error__");
    expect(html, path).toMatch(new RegExp(`<h1[^>]*>${heading}</h1>`));
    expect(html, path).toContain('class="site-header"');
    expect(html, path).toMatch(/<title>(Show|Performance|Page) not found · /);
  }
  // A mangled link opened in a browser: a readable page with a way home, not a JSON error.
  expect((await page.goto("/events/%E0%A4%A"))?.status()).toBe(400);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sorry, we can’t open that address");
  await expect(page.getByRole("link", { name: "Go to the home page" })).toHaveAttribute("href", "/");
  const sitemap = await request.get("/sitemap.xml");
  expect(sitemap.status()).toBe(200);
  const listed = await sitemap.text();
  expect(listed).toContain("/events/");
  for (const path of ["/support-us", "/membership", "/gift-vouchers", "/shop"])
    expect(listed, path).toContain(`${path}</loc>`);
  expect(await (await request.get("/robots.txt")).text()).toContain("Sitemap:");
});

test("home page lists upcoming shows and quick dates, with no axe violations", async ({ page }, testInfo) => {
  await page.goto("/");
  // The venue's name once: the layout's "· name" template is not added to the home page's own title.
  await expect(page).toHaveTitle(/^[^·]+: theatre, music and dance$/);
  await expect(page.getByRole("heading", { name: "Coming up" })).toBeVisible();
  await expect(page.getByRole("link", { name: /This weekend/ })).toBeVisible();
  // The footer reaches the pages no menu does, and each of them answers.
  const footer = page.getByRole("navigation", { name: "Footer" });
  for (const name of ["Gift vouchers", "Shop"]) {
    const href = (await footer.getByRole("link", { name, exact: true }).getAttribute("href"))!;
    expect((await page.request.get(href)).status(), href).toBe(200);
  }
  await expectNoAxeViolations(page);
  await screenshotAtPhoneAndDesktop(page, testInfo, "home-site");
});

test("the header keeps the venue's name, account and basket inside a narrow phone's width", async ({ page }) => {
  for (const width of [320, 360, 390]) {
    await page.setViewportSize({ width, height: 740 });
    await page.goto("/");
    const basket = page.getByTestId("basket-summary");
    await expect(basket).toBeVisible();
    const box = (await basket.boundingBox())!;
    expect(box.x + box.width, `basket inside ${width} px`).toBeLessThanOrEqual(width);
    const name = (await page.getByRole("link", { name: /, home$/ }).boundingBox())!;
    expect(name.x + name.width, `name clear of the account link at ${width} px`).toBeLessThanOrEqual(
      (await page.locator('[data-slot="basket"]').boundingBox())!.x,
    );
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    if (width >= 360) {
      // From 360 px the name is one line.
      const siteName = page.locator("header .site-name").first();
      const nameBox = (await siteName.boundingBox())!;
      const lineHeight = await siteName.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
      expect(nameBox.height, `name on one line at ${width} px`).toBeLessThan(lineHeight * 1.5);
    }
    // Every item of the compact menu shows, none cut at the edge.
    const menu = page.locator(".nav-compact");
    for (const link of await menu.getByRole("link").all()) {
      const box = (await link.boundingBox())!;
      expect(box.x + box.width, `${await link.textContent()} inside ${width} px`).toBeLessThanOrEqual(width);
    }
  }
});

test("on a phone the booking page starts the seat choice on the first screen; the poster shows from tablet width", async ({
  page,
}) => {
  const performanceId = await bookablePerformance(page.request, EMULATOR_URL, 1);
  const seats = page.locator('iframe[title^="Choose tickets for "]');
  const poster = page.getByTestId("booking-poster");
  for (const [width, height] of [
    [360, 740],
    [390, 844],
  ]) {
    await page.setViewportSize({ width: width!, height: height! });
    await page.goto(`/book/${performanceId}`);
    await expect(seats).toBeAttached();
    // Room for the first lines of the seat choice, not just its top edge.
    expect((await seats.boundingBox())!.y, `seat choice starts within ${width}×${height}`).toBeLessThan(height! - 120);
    await expect(poster).toBeHidden();
  }
  await page.setViewportSize({ width: 1024, height: 768 });
  await expect(poster).toBeVisible();
});
