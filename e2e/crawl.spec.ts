import { expect, test, type APIRequestContext } from "@playwright/test";
import { EMULATOR_URL } from "../playwright.config";
import { SYNC_AUTH } from "./helpers";

/**
 * A crawler's walk of the whole site, from `/`: same origin, every `<a href>` without `rel="nofollow"`, nothing
 * robots.txt disallows, no limit but the site's own size. It must finish (the calendar and the filters once made
 * the site endless: `/whats-on?view=calendar&month=2040-01` linked to 2040-02 forever), find no broken link, and
 * every sitemap URL must answer 200. SAFETY_CAP only stops a runaway walk, and failing it fails the test.
 *
 * The 1,000-event catalogue needs `CRAWL_GENERATED=1`, because it adds 1,000 events to the emulator and the
 * site the other journeys share: `npm test` runs it on its own servers after them (scripts/test.sh), and by hand:
 *   CRAWL_GENERATED=1 CI=1 npx playwright test e2e/crawl.spec.ts
 */
const SAFETY_CAP = 20_000;
const PARALLEL = 4;

interface Link {
  href: string;
  rel: string;
}

function attribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, "i").exec(tag);
  return match ? (match[1] ?? match[2] ?? match[3] ?? "") : null;
}

function decodeEntities(value: string): string {
  return value
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">");
}

function linksOf(html: string): Link[] {
  const out: Link[] = [];
  for (const [tag] of html.matchAll(/<a\s[^>]*>/gi)) {
    const href = attribute(tag, "href");
    if (href) out.push({ href: decodeEntities(href), rel: (attribute(tag, "rel") ?? "").toLowerCase() });
  }
  return out;
}

async function disallowedPrefixes(request: APIRequestContext): Promise<string[]> {
  const text = await (await request.get("/robots.txt")).text();
  return [...text.matchAll(/^Disallow:\s*(\S+)/gim)].map((m) => m[1]!);
}

interface CrawlResult {
  pages: number;
  broken: string[];
  skippedNofollow: number;
}

/** Breadth-first over the site; every URL is fetched once, its final status checked, HTML pages parsed for links. */
async function crawl(request: APIRequestContext, origin: string): Promise<CrawlResult> {
  const disallowed = await disallowedPrefixes(request);
  const seen = new Set<string>(["/"]);
  const queue: Array<{ path: string; from: string }> = [{ path: "/", from: "(start)" }];
  const broken: string[] = [];
  let pages = 0;
  let skippedNofollow = 0;

  const visit = async ({ path, from }: { path: string; from: string }) => {
    const res = await request.get(path, { maxRedirects: 5, timeout: 60_000 });
    pages++;
    if (res.status() >= 400) {
      broken.push(`${path} → ${res.status()} (linked from ${from})`);
      return;
    }
    if (!(res.headers()["content-type"] ?? "").includes("text/html")) return;
    for (const link of linksOf(await res.text())) {
      let url: URL;
      try {
        url = new URL(link.href, `${origin}${path}`);
      } catch {
        broken.push(`unreadable href ${JSON.stringify(link.href)} on ${path}`);
        continue;
      }
      if (url.origin !== origin) continue;
      if (link.rel.split(/\s+/).includes("nofollow")) {
        skippedNofollow++;
        continue;
      }
      const next = `${url.pathname}${url.search}`;
      if (seen.has(next) || disallowed.some((prefix) => url.pathname.startsWith(prefix))) continue;
      seen.add(next);
      queue.push({ path: next, from: path });
    }
  };

  while (queue.length) {
    expect(
      pages,
      `the crawl passed its safety cap of ${SAFETY_CAP} pages: the site links to an endless set of URLs`,
    ).toBeLessThan(SAFETY_CAP);
    await Promise.all(queue.splice(0, PARALLEL).map(visit));
  }
  return { pages, broken, skippedNofollow };
}

async function checkSitemap(request: APIRequestContext, origin: string): Promise<number> {
  const xml = await (await request.get("/sitemap.xml")).text();
  const urls = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(decodeEntities(m[1]!)));
  expect(urls.length).toBeGreaterThan(2);
  const failing: string[] = [];
  for (let i = 0; i < urls.length; i += PARALLEL) {
    await Promise.all(
      urls.slice(i, i + PARALLEL).map(async (url) => {
        // The sitemap names the public origin (SITE_URL); the pages are asked of this server.
        expect(url.origin).toBe(origin);
        const res = await request.get(`${url.pathname}${url.search}`, { maxRedirects: 0 });
        if (res.status() !== 200) return failing.push(`${url.pathname} → ${res.status()}`);
        // Each listed page names itself as its canonical address, so a query a link adds makes no duplicate.
        const canonical = /<link rel="canonical" href="([^"]+)"/.exec(await res.text())?.[1];
        const named = canonical && new URL(decodeEntities(canonical), origin);
        if (!named) failing.push(`${url.pathname}: no canonical link`);
        else if (named.href !== url.href) failing.push(`${url.pathname}: canonical ${named.href}`);
      }),
    );
  }
  expect(failing, "every sitemap URL answers 200 and names itself canonical").toEqual([]);
  return urls.length;
}

async function crawlAndReport(request: APIRequestContext, baseURL: string | undefined, label: string) {
  const origin = new URL(baseURL!).origin;
  const result = await crawl(request, origin);
  const sitemap = await checkSitemap(request, origin);
  console.log(
    `crawl (${label}): ${result.pages} pages, ${result.skippedNofollow} nofollow links not followed, ${sitemap} sitemap URLs all 200`,
  );
  expect(result.broken, "broken links").toEqual([]);
  return result;
}

test.describe("a crawler's walk of the site", () => {
  test("on the demo data finishes, finds no broken link, and every sitemap URL answers 200", async ({
    request,
    baseURL,
  }) => {
    test.setTimeout(15 * 60_000);
    const result = await crawlAndReport(request, baseURL, "demo data");
    expect(result.pages).toBeGreaterThan(10);
  });

  test("a calendar month past the programme is not a page of its own", async ({ request }) => {
    const far = await request.get("/whats-on?view=calendar&month=2040-01", { maxRedirects: 0 });
    // Temporary: the month joins the calendar as time passes.
    expect(far.status()).toBe(307);
    expect(far.headers().location).toMatch(/\/whats-on\?view=calendar$/);
  });
});

test.describe("a crawler's walk of 1,000 generated events", () => {
  test.skip(
    !process.env.CRAWL_GENERATED,
    "opt-in: CRAWL_GENERATED=1 (adds 1,000 events to the shared emulator and site)",
  );

  test("finishes, finds no broken link, and every sitemap URL answers 200", async ({ request, baseURL }) => {
    test.setTimeout(30 * 60_000);
    const generated = await request.post(`${EMULATOR_URL}/__control/generate`, {
      data: { events: 1000, performancesPerEvent: 2 },
    });
    expect(generated.status()).toBe(201);
    const sync = await request.post("/api/sync", { headers: SYNC_AUTH, data: {}, timeout: 10 * 60_000 });
    expect(sync.status(), await sync.text()).toBe(200);
    const result = await crawlAndReport(request, baseURL, "1,000 generated events");
    expect(result.pages).toBeGreaterThan(1000);
  });
});
