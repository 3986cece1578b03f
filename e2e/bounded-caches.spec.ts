import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test, type APIRequestContext } from "@playwright/test";

/**
 * Disk use stays flat whatever addresses and queries arrive: a few thousand made-up event slugs, booking ids,
 * cached-page variants, searches, date ranges, genres, venues, calendar ids and availability id sets leave no file
 * behind in the page cache or the data cache (lib/cache/missing-pages.mjs, lib/events/cached.ts). Counted by files
 * and bytes of the files that appear under the build's cache folders while they arrive.
 */

const DIST = path.join(fileURLToPath(new URL("..", import.meta.url)), process.env.NEXT_DIST_DIR ?? ".next");
const CACHE_DIRS = [path.join(DIST, "server"), path.join(DIST, "cache", "fetch-cache")];
const ROUNDS = 2_000;

/**
 * Every file (path → size) under the cache folders. The check compares paths: a file that was not there
 * before the drive is growth; a page or entry rewritten in place by revalidation is not, and the disk cache's sweep
 * (lib/cache/sweep.mjs) deleting old files meanwhile cannot hide a new one.
 */
function files(): Map<string, { size: number }> {
  const found = new Map<string, { size: number }>();
  const walk = (dir: string) => {
    let entries: string[];
    try {
      entries = readdirSync(dir);
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry);
      const stat = statSync(full, { throwIfNoEntry: false });
      if (!stat) continue;
      if (stat.isDirectory()) walk(full);
      else found.set(full, { size: stat.size });
    }
  };
  for (const dir of CACHE_DIRS) walk(dir);
  return found;
}

/** Different on every run, so no earlier run can have cached the same addresses. */
const token = (i: number) => `${Date.now().toString(36)}${i.toString(36)}${Math.random().toString(36).slice(2, 8)}`;
const LETTERS = "BCDGHJKLMNPQRSTV";
const spektrixId = (i: number) =>
  `${1000 + i}A${Array.from({ length: 12 }, (_, k) => LETTERS[(i * 7 + k * 3 + Math.floor(Math.random() * 16)) % 16]).join("")}`;
const day = (offset: number) => new Date(Date.UTC(2027, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);

function randomUrl(i: number): string {
  switch (i % 11) {
    case 0:
      return `/events/${token(i)}`;
    case 1:
      return `/book/${spektrixId(i)}`;
    case 2:
      return `/whats-on?q=${token(i)}`;
    case 3:
      return `/api/availability?performances=${[0, 1, 2].map((k) => spektrixId(i + k)).join(",")}`;
    case 4:
      return `/home/${token(i)}`;
    case 5:
      return `/whats-on/${token(i)}`;
    case 6:
      return `/whats-on?from=${day(i % 300)}&to=${day((i % 300) + 1 + (i % 17))}`;
    case 7:
      return `/api/calendar?event=${token(i)}`;
    case 8:
      return `/whats-on?genre=${token(i)}`;
    case 9:
      return `/whats-on?view=calendar&venue=${token(i)}`;
    default:
      return `/api/calendar/${spektrixId(i)}`;
  }
}

async function drive(request: APIRequestContext, urls: string[]) {
  const statuses = new Map<number, number>();
  for (let i = 0; i < urls.length; i += 16) {
    const batch = await Promise.all(urls.slice(i, i + 16).map((url) => request.get(url, { maxRedirects: 0 })));
    for (const res of batch) statuses.set(res.status(), (statuses.get(res.status()) ?? 0) + 1);
  }
  return statuses;
}

test("thousands of made-up addresses and queries leave the cache folders as they were", async ({ request }) => {
  test.setTimeout(300_000);
  // Warm up: the real pages and the few shared entries (slug map, performance ids, sale facts) exist first.
  const list = await (await request.get("/whats-on")).text();
  const event = /href="(\/events\/[a-z0-9-]+)"/.exec(list)?.[1];
  expect(event, "an event on what's on").toBeTruthy();
  const html = await (await request.get(event!)).text();
  const performance = /\/book\/(\d+A[A-Z]+)/.exec(html)?.[1];
  expect(performance, "a performance on the event page").toBeTruthy();
  await drive(request, [
    randomUrl(0),
    randomUrl(1),
    `/book/${performance}`,
    `/api/availability?performances=${performance}`,
    "/",
    randomUrl(3),
    randomUrl(7),
    randomUrl(8),
  ]);
  await drive(
    request,
    Array.from({ length: 18 }, (_, i) => randomUrl(i + 100)),
  );

  const before = files();
  const statuses = await drive(
    request,
    Array.from({ length: ROUNDS }, (_, i) => randomUrl(i + 1_000)),
  );
  const added = [...files()].filter(([file]) => !before.has(file));
  const written = { files: added.length, bytes: added.reduce((sum, [, f]) => sum + f.size, 0) };

  expect(
    [...statuses.keys()].filter((s) => s >= 500),
    JSON.stringify([...statuses]),
  ).toEqual([]);
  // Flat: a handful of entries may appear meanwhile (a minute's new listing keys), never one per request.
  expect(written.files, `new files: ${added.map(([f]) => path.basename(f)).join(", ")}`).toBeLessThanOrEqual(10);
  expect(written.bytes, `bytes in new files: ${written.bytes}`).toBeLessThan(512 * 1024);
});
