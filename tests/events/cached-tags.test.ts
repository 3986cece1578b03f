/**
 * Which cache tags each page's reads carry. A page's cache entry is tagged with every tag of the cached reads it
 * made, and the sync revalidates `event:<id>` for each changed event plus `listings` (tests/sync): so an event
 * page whose reads carry no `listings` and no other event's tag is untouched by a sync that changes another event
 * (ADR 0002, "exactly the tags of what changed").
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { openDb, type Database } from "@/lib/db";
import { events } from "@/lib/db/schema";
import { seedSite, type SeedResult } from "./seed";

const reads: string[][] = [];
vi.mock("server-only", () => ({}));
vi.mock("next/cache", () => ({
  // Runs the read uncached and records the tags it would be cached under.
  unstable_cache:
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>, _key: string[], options: { tags?: string[] }) =>
    (...args: A) => {
      reads.push(options.tags ?? []);
      return fn(...args);
    },
}));
let database: Database;
vi.mock("@/lib/db", async (original) => ({
  ...(await original<typeof import("@/lib/db")>()),
  getDb: async () => database.db,
}));

const cached = await import("@/lib/events/cached");

async function tagsOf(read: () => Promise<unknown>): Promise<Set<string>> {
  reads.length = 0;
  await read();
  return new Set(reads.flat());
}

describe("cache tags of the public pages' reads", () => {
  let seed: SeedResult;

  beforeAll(async () => {
    database = await openDb("pglite://memory");
    await database.migrate();
    seed = await seedSite(database.db, { now: new Date(), events: 12, performancesPerEvent: 3 });
  });
  afterAll(async () => {
    await database?.close();
  });

  it("tags an event page with its slug, itself and the events it suggests, never the listings", async () => {
    const slug = seed.eventSlugs[0]!;
    const [row] = await database.db
      .select({ sourceId: events.sourceId, genre: events.genre })
      .from(events)
      .where(eq(events.slug, slug));
    let related: Awaited<ReturnType<typeof cached.getRelated>> = [];
    const pageTags = await tagsOf(async () => {
      const found = await cached.getEventBySlug(slug);
      expect(found.kind).toBe("live");
      related = await cached.getRelated({ sourceId: row!.sourceId, genre: row!.genre });
    });
    expect(related.length).toBeGreaterThan(0);
    expect(pageTags).toEqual(
      // `venues`: the page shows venue names, read at render time (a venue rename revalidates it).
      new Set(["slugs", `event:${row!.sourceId}`, ...related.map((r) => `event:${r.sourceId}`), "venues", "store"]),
    );
    expect(pageTags.has("listings")).toBe(false);

    // A sync that changes an event this page neither is nor suggests revalidates `event:<that id>` and `listings`.
    const shown = new Set([row!.sourceId, ...related.map((r) => r.sourceId)]);
    const other = (await database.db.select({ sourceId: events.sourceId }).from(events)).find(
      (e) => !shown.has(e.sourceId),
    )!;
    for (const tag of [`event:${other.sourceId}`, "listings"]) expect(pageTags.has(tag)).toBe(false);
  });

  it("answers an unknown slug from the slug map alone, so a made-up slug caches nothing of its own", async () => {
    expect(await tagsOf(() => cached.getEventBySlug("not-yet-an-event"))).toEqual(new Set(["slugs", "store"]));
  });

  it("tags what lists events with the listings", async () => {
    for (const read of [
      () => cached.getHomeEvents(),
      () => cached.getListing({ view: "list", access: [], page: 1 }),
      () => cached.getSitemapEvents(),
    ]) {
      expect(await tagsOf(read)).toContain("listings");
    }
  });

  it("tags every read of the store with the store tag, so a cache that no longer matches it can drop them all (ADR 0008)", async () => {
    const all = [
      () => cached.getHomeEvents(),
      () => cached.getListing({ view: "list", access: [], page: 1 }),
      () => cached.getCalendarMonth({ view: "calendar", access: [], page: 1 }, "2026-12"),
      () => cached.getFacets(),
      () => cached.getSitemapEvents(),
      () => cached.getFeed(),
      () => cached.getEventBySlug(seed.eventSlugs[1]!),
      () => cached.getBookingTarget(seed.performanceIds[0]!),
      () => cached.getSaleFacts(seed.performanceIds.slice(0, 2)),
    ];
    for (const read of all) {
      reads.length = 0;
      await read();
      expect(reads.length).toBeGreaterThan(0);
      for (const tagList of reads) expect(tagList).toContain("store");
    }
  });
});
