/**
 * The cache follows the store (ADR 0008): a store changed while the site was down shows on the first request
 * after it starts again, on Next's own disk cache (no Redis), which outlives the process in the build folder.
 *
 * Runs with the other built-site tests (`SCALE_TEST=1`, after `next build`; scripts/test.sh); plain `vitest run`
 * skips it. Locally: SCALE_TEST=1 npx vitest run tests/scale/store-change.test.ts
 *
 * The site's disk cache is the build's (`<distDir>/cache`, where a kept CI cache would be): whatever an earlier
 * run left there is one more store the site must not serve from. Two emulators stand in for two venues' Spektrix systems, each loading one venue's captured catalogue.
 *   1. Store A is synced from venue A; the site caches its sitemap, what's on and an event page.
 *   2. Site down: the event is renamed upstream and synced into A from outside the site (`npm run sync --local`).
 *      Site up: the first event page and the first what's on show the new title.
 *   3. Site down: DATABASE_URL now names store B, synced from venue B. Site up: the first sitemap lists exactly
 *      B's events, what's on shows B's and none of A's, and A's event page answers 404.
 */
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_API_KEY, DEMO_API_USER, defaultDataDir, startEmulator, type RunningEmulator } from "../../emulator/index";
import { openDb } from "@/lib/db";
import { runSync } from "@/lib/sync/engine";
import { createSpektrixSource } from "@/lib/sync/spektrix-source";
import { buildMissingReason, startNext, type NextInstance } from "./instances";
import { freePort } from "./redis-server";

const enabled = process.env.SCALE_TEST === "1" || process.env.SCALE_TEST === "true";
const TZ = "America/Edmonton";

type EventRow = { slug: string; title: string; source_id: string };
/** Titles that appear in the HTML exactly as stored (no entities to decode). */
const plain = (e: EventRow) => /^[A-Za-z0-9 ]+$/.test(e.title);

/** A sync from outside the site, as `npm run sync -- --local` does: nothing to revalidate. Returns every event stored. */
async function syncFromOutside(url: string, emu: RunningEmulator): Promise<EventRow[]> {
  const database = await openDb(url);
  try {
    await database.migrate();
    const summary = await runSync({
      database,
      source: createSpektrixSource({
        baseUrl: emu.url,
        clientName: emu.clientName,
        owner: { apiUser: DEMO_API_USER, apiKey: DEMO_API_KEY },
      }),
      trigger: "cli",
      timeZone: TZ,
    });
    if (summary.status !== "succeeded")
      throw new Error(`sync ${summary.status}: ${summary.abortReason ?? summary.errors.join("; ")}`);
    const result = (await database.db.execute(
      sql.raw("select slug, title, source_id from events order by slug"),
    )) as unknown as { rows: EventRow[] };
    return result.rows;
  } finally {
    await database.close();
  }
}

function venueDir(file: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "venue-"));
  cpSync(path.join(defaultDataDir(), file), path.join(dir, file));
  return dir;
}

describe.skipIf(!enabled)("the cache follows the store across restarts (ADR 0008)", () => {
  let work: string;
  let venueA: RunningEmulator;
  let venueB: RunningEmulator;
  let site: NextInstance | undefined;
  let port: number;

  const start = async (databaseUrl: string, emu: RunningEmulator) => {
    site = await startNext("site", port, {
      DATABASE_URL: databaseUrl,
      SPEKTRIX_BASE_URL: emu.url,
      SPEKTRIX_CLIENT_NAME: emu.clientName,
      SITE_URL: `http://127.0.0.1:${port}`,
      VENUE_TIME_ZONE: TZ,
      SYNC_SCHEDULE: "off",
      SYNC_SECRET: "store-change-sync-secret-0123456789",
      ALLOW_DEMO_SECRETS: "1",
    });
  };
  const stop = async () => {
    await site?.stop();
    site = undefined;
  };
  const get = async (pathname: string) => {
    const res = await fetch(`${site!.url}${pathname}`, { redirect: "manual" });
    return { status: res.status, cache: res.headers.get("x-nextjs-cache"), text: await res.text() };
  };
  const sitemapPaths = async () => {
    const xml = (await get("/sitemap.xml")).text;
    return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)]
      .map((m) => new URL(m[1]!).pathname)
      .filter((p) => p.startsWith("/events/"))
      .sort();
  };

  beforeAll(async () => {
    const missing = buildMissingReason();
    if (missing) throw new Error(`cannot run the store-change test: ${missing}`);
    work = mkdtempSync(path.join(tmpdir(), "store-change-"));
    [venueA, venueB, port] = await Promise.all([
      startEmulator({
        port: 0,
        control: true,
        shiftDates: true,
        dataDir: venueDir("kaymeekcentre.event-instances.json"),
      }),
      startEmulator({
        port: 0,
        control: true,
        shiftDates: true,
        dataDir: venueDir("manitobaopera.event-instances.json"),
      }),
      freePort(),
    ]);
  }, 120_000);

  afterAll(async () => {
    await stop();
    await Promise.allSettled([venueA?.stop(), venueB?.stop()]);
    if (work) rmSync(work, { recursive: true, force: true });
  }, 30_000);

  it("serves the new store on the first request after a change made while the site was down", async () => {
    const storeA = `pglite://${path.join(work, "a")}`;
    const storeB = `pglite://${path.join(work, "b")}`;
    const eventsA = await syncFromOutside(storeA, venueA);
    expect(eventsA.length).toBeGreaterThan(1);

    // 1. The site caches store A's pages.
    await start(storeA, venueA);
    const pathsA = await sitemapPaths();
    expect(pathsA.length).toBeGreaterThan(0);
    const listedA = (await get("/whats-on")).text;
    const target = eventsA.filter(plain).find((e) => listedA.includes(e.title) && pathsA.includes(`/events/${e.slug}`));
    expect(target, "no event of store A on the first page of what's on").toBeDefined();
    expect((await get(`/events/${target!.slug}`)).text, site!.output().slice(-3000)).toContain(target!.title);
    const cached = await get(`/events/${target!.slug}`);
    expect(cached.cache, "the event page should be served from the page cache").toBe("HIT");
    await stop();

    // 2. Renamed upstream and synced from outside the site while it is down.
    const renamed = `Renamed While Down ${Date.now().toString(36)}`;
    const patch = await fetch(`${venueA.url}/__control/events/${target!.source_id}`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: renamed }),
    });
    expect(patch.ok).toBe(true);
    await syncFromOutside(storeA, venueA);
    await start(storeA, venueA);
    const page = await get(`/events/${target!.slug}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(renamed);
    expect(page.text).not.toContain(`>${target!.title}<`);
    const listing = await get("/whats-on");
    expect(listing.text).toContain(renamed);
    await stop();

    // 3. Another database, synced from another venue.
    const eventsB = await syncFromOutside(storeB, venueB);
    expect(eventsB.length).toBeGreaterThan(0);
    await start(storeB, venueB);
    const paths = await sitemapPaths();
    const slugsB = new Set(eventsB.map((e) => e.slug));
    expect(paths.length).toBeGreaterThan(0);
    for (const p of paths)
      expect(slugsB.has(decodeURIComponent(p.slice("/events/".length))), `${p} is not an event of store B`).toBe(true);
    const whatsOn = (await get("/whats-on")).text;
    expect(eventsB.filter(plain).some((e) => whatsOn.includes(e.title))).toBe(true);
    expect(whatsOn).not.toContain(renamed);
    if (!slugsB.has(target!.slug)) expect((await get(`/events/${target!.slug}`)).status).toBe(404);
  }, 240_000);
});
