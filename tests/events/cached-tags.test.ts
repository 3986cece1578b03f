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
/** The cache key's name and the arguments each cached read was called with (its entry's key). */
const keyed: Array<{ name: string; args: unknown[] }> = [];
vi.mock("server-only", () => ({}));
vi.mock("next/cache", () => ({
  // Runs the read uncached and records the tags and key it would be cached under.
  unstable_cache:
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>, key: string[], options: { tags?: string[] }) =>
    (...args: A) => {
      reads.push(options.tags ?? []);
      keyed.push({ name: key[0]!, args });
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

  it("keeps no entry for a genre or venue no listing has, and one per real one whatever its case", async () => {
    const { genres, venues } = await cached.getFacets();
    const entries = async (read: () => Promise<unknown>) => {
      keyed.length = 0;
      await read();
      return keyed.filter((k) => k.name === "site:listing:v1" || k.name === "site:calendar:v2");
    };
    const list = { view: "list" as const, access: [], page: 1 };
    const month = { view: "calendar" as const, access: [], page: 1 };
    for (const made of [{ genre: "Made-up genre" }, { venue: "made-up-venue" }]) {
      expect(await entries(() => cached.getListing({ ...list, ...made })), JSON.stringify(made)).toEqual([]);
      expect(await entries(() => cached.getCalendarMonth({ ...month, ...made }, "2026-12"))).toEqual([]);
    }
    const genre = genres[0]!;
    const venue = venues[0]!.slug;
    const [entry] = await entries(() =>
      cached.getListing({ ...list, genre: genre.toUpperCase(), venue: venue.toUpperCase() }),
    );
    expect(entry?.args[0]).toMatchObject({ genre, venue });
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
