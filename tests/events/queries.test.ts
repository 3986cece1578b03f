import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { openDb, type Database, type StoreDb } from "@/lib/db";
import { events, performances } from "@/lib/db/schema";
import { parseFilters } from "@/lib/events/filters";
import {
  queryBookingTarget,
  queryCalendarMonth,
  queryEvent,
  queryEventPreview,
  queryFacets,
  queryFeed,
  queryListing,
  querySaleFacts,
  querySitemapEvents,
  querySlugSourceId,
} from "@/lib/events/queries";
import { addDays, localDateOf } from "@/lib/events/dates";
import { fakeId, seedSite, type SeedResult } from "./seed";

const TZ = "America/Edmonton";
const now = new Date("2026-11-26T18:00:00Z");
const ctx = { timeZone: TZ, now };
const f = (qs: string) => parseFilters(new URLSearchParams(qs)).filters;

describe("public-site queries on the content store", () => {
  let database: Database;
  let db: StoreDb;
  let seed: SeedResult;

  beforeAll(async () => {
    database = await openDb("pglite://memory");
    await database.migrate();
    db = database.db;
    seed = await seedSite(db, { now, events: 40, performancesPerEvent: 4 });
  });
  afterAll(async () => {
    await database?.close();
  });

  it("lists events with upcoming performances, soonest first, in pages", async () => {
    const page1 = await queryListing(db, f(""), ctx, 10);
    expect(page1.total).toBeGreaterThan(20);
    expect(page1.events).toHaveLength(10);
    const firsts = page1.events.map((e) => e.firstAt);
    expect([...firsts].sort()).toEqual(firsts);
    expect(page1.events.every((e) => new Date(e.firstAt) >= now)).toBe(true);
    const page2 = await queryListing(db, f("page=2"), ctx, 10);
    expect(page2.events[0]?.slug).not.toBe(page1.events[0]?.slug);
  });

  it("clamps a page past the end to the last page", async () => {
    const r = await queryListing(db, f("page=400"), ctx, 10);
    expect(r.page).toBe(r.totalPages);
  });

  it("filters by date preset in the venue's time zone", async () => {
    const today = await queryListing(db, f("when=today"), ctx, 100);
    const tz = (iso: string) => localDateOf(new Date(iso), TZ);
    for (const e of today.events) expect(tz(e.firstAt)).toBe("2026-11-26");
    const week = await queryListing(db, f("when=7days"), ctx, 100);
    expect(week.total).toBeGreaterThanOrEqual(today.total);
  });

  it("filters by access flag and matches only performances that carry it", async () => {
    const bsl = await queryListing(db, f("access=bsl"), ctx, 100);
    expect(bsl.total).toBeGreaterThan(0);
    for (const e of bsl.events) expect(e.access).toContain("bsl");
    const any = await queryListing(db, f("access=any"), ctx, 100);
    expect(any.total).toBeGreaterThanOrEqual(bsl.total);
  });

  it("searches titles, treating SQL and LIKE meta-characters as text", async () => {
    const title = (await queryListing(db, f(""), ctx, 1)).events[0]!.title;
    const word = title.split(/\s+/)[0]!;
    const r = await queryListing(db, { ...f(""), q: word }, ctx, 100);
    expect(r.events.some((e) => e.title === title)).toBe(true);
    for (const q of ["%", "_", "'; drop table events; --", "\\"]) {
      const none = await queryListing(db, { ...f(""), q }, ctx, 10);
      expect(none.events.every((e) => e.title.includes(q))).toBe(true);
    }
    expect((await db.select({ n: sql<number>`count(*)::int` }).from(events))[0]?.n).toBe(40);
  });

  it("finds titles whatever the accents, on either side", async () => {
    // A show the listing has, whichever that is.
    const { slug, title } = (await queryListing(db, f(""), ctx, 1)).events[0]!;
    try {
      await db.update(events).set({ title: "Dvořák in Zoöz" }).where(eq(events.slug, slug));
      for (const q of ["dvorak", "DVOŘÁK", "zooz", "Zoöz", "dvořak in zoo"]) {
        const r = await queryListing(db, { ...f(""), q }, ctx, 100);
        expect(
          r.events.map((e) => e.title),
          q,
        ).toContain("Dvořák in Zoöz");
      }
      expect((await queryListing(db, { ...f(""), q: "dvorax" }, ctx, 100)).events).toEqual([]);
      // Every word, in any order, as a visitor remembers a title: not only the phrase as written.
      for (const q of ["zooz dvorak", "Dvořák zoo", "in  dvorak", "zooz–dvorak"]) {
        const r = await queryListing(db, { ...f(""), q }, ctx, 100);
        expect(
          r.events.map((e) => e.title),
          q,
        ).toContain("Dvořák in Zoöz");
      }
      expect((await queryListing(db, { ...f(""), q: "dvorak mozart" }, ctx, 100)).events).toEqual([]);
    } finally {
      await db.update(events).set({ title }).where(eq(events.slug, slug));
    }
  });

  it("filters by genre and venue, and offers them as facets", async () => {
    const facets = await queryFacets(db, ctx);
    expect(facets.genres.length).toBeGreaterThan(1);
    expect(facets.venues.map((v) => v.slug)).toEqual(["grosvenor-theatre", "studio-theatre"]);
    // Only kinds some upcoming performance has, so the home page never offers an access tile that finds nothing.
    expect(facets.access).toEqual(["captioned", "bsl", "audioDescribed", "relaxed", "touchTour"]);
    for (const kind of facets.access)
      expect((await queryListing(db, f(`access=${kind}`), ctx, 1)).total).toBeGreaterThan(0);
    const genre = facets.genres[0]!;
    const r = await queryListing(db, { ...f(""), genre: genre.toUpperCase() }, ctx, 100);
    expect(r.events.every((e) => e.genre?.toLowerCase() === genre.toLowerCase())).toBe(true);
    const studio = await queryListing(db, f("venue=studio-theatre"), ctx, 100);
    expect(studio.events.every((e) => e.venues.includes("Studio Theatre"))).toBe(true);
    expect((await queryListing(db, f("venue=Studio-Theatre"), ctx, 100)).total).toBe(studio.total);
    expect((await queryListing(db, f("venue=nowhere"), ctx, 10)).total).toBe(0);
  });

  it("filters by a genre named with punctuation, through the URL the filter form sends", async () => {
    // Genres are Spektrix attribute values, written as the venue likes; each must survive the form's GET round trip.
    const named = ["Family (5+)", "Music: Jazz", "Theatre – New Writing", "🎉 Party", "Talks & Q&A!"];
    // Listed shows, so each genre has something on sale to find.
    const slugs = (await queryListing(db, f(""), ctx, 100)).events.slice(0, named.length).map((e) => e.slug);
    const before = await db.select({ slug: events.slug, genre: events.genre }).from(events);
    try {
      for (const [i, slug] of slugs.entries())
        await db
          .update(events)
          .set({ genre: ` ${named[i]} ` })
          .where(eq(events.slug, slug));
      const facets = await queryFacets(db, ctx);
      for (const [i, genre] of named.entries()) {
        expect(facets.genres).toContain(genre);
        const { filters, problems } = parseFilters(new URLSearchParams({ genre }));
        expect(problems, genre).toEqual([]);
        const r = await queryListing(db, filters, ctx, 100);
        expect(r.events.map((e) => e.slug)).toEqual([slugs[i]]);
      }
    } finally {
      for (const row of before) await db.update(events).set({ genre: row.genre }).where(eq(events.slug, row.slug));
    }
  });

  it("names the first match after dates that held nothing, and none when the dates found something", async () => {
    const today = localDateOf(now, TZ);
    // Chosen by state, not by date: a genre and a day with nothing of it on and some after, and a day after all.
    const genre = `genre=${encodeURIComponent((await queryFacets(db, ctx)).genres[0]!)}`;
    const total = async (qs: string) => (await queryListing(db, f(`${genre}&${qs}`), ctx, 1)).total;
    let gap: string | null = null;
    let last: string | null = null;
    for (let i = 0; i < 400 && !(gap && last); i++) {
      const day = addDays(today, i);
      if ((await total(`from=${day}&to=${day}`)) > 0) continue;
      if ((await total(`from=${addDays(day, 1)}`)) > 0) gap ??= day;
      else last ??= day;
    }
    expect(gap, "a day with nothing of the genre on, before more of it").not.toBeNull();
    const r = await queryListing(db, f(`${genre}&from=${gap}&to=${gap}`), ctx, 1);
    const after = (await queryListing(db, f(`${genre}&from=${addDays(gap!, 1)}`), ctx, 1)).events[0]!;
    expect(r.next).toEqual({ slug: after.slug, title: after.title, startsAt: after.firstAt });
    expect((await queryListing(db, f(`${genre}&from=${last}&to=${last}`), ctx, 1)).next).toBeNull();
    expect((await queryListing(db, f(`from=${today}`), ctx, 1)).next).toBeNull();
  });

  it("groups a month of performances by venue-local day for the calendar", async () => {
    const { performances: perfs } = await queryCalendarMonth(db, f("view=calendar"), "2026-12", ctx);
    expect(perfs.length).toBeGreaterThan(0);
    expect(perfs.every((p) => p.day.startsWith("2026-12"))).toBe(true);
  });

  it("an empty calendar month names the next month that matches the filters, and none when nothing does", async () => {
    // The seeded runs start the day before `now` (late November, venue time) and end in December.
    const october = { ...ctx, now: new Date("2026-10-01T00:00:00Z") };
    expect(await queryCalendarMonth(db, f("view=calendar"), "2026-10", october)).toMatchObject({
      performances: [],
      nextMonth: "2026-11",
    });
    // Dates in the address narrow this month, not the search for a later one.
    const dated = await queryCalendarMonth(db, f("view=calendar&from=2026-10-02&to=2026-10-03"), "2026-10", october);
    expect(dated.nextMonth).toBe("2026-11");
    // Dates that leave out a later part of the month: the answer is this month. A show first on in December
    // after the 2nd, searched by its title on the 1st only, has nothing then and more later in the month.
    const dec = await queryCalendarMonth(db, f("view=calendar"), "2026-12", ctx);
    const show = dec.performances.find(
      (p) => p.day >= "2026-12-03" && !dec.performances.some((o) => o.eventTitle === p.eventTitle && o.day < p.day),
    )!;
    const title = encodeURIComponent(show.eventTitle);
    const narrowed = await queryCalendarMonth(
      db,
      f(`view=calendar&q=${title}&from=2026-12-01&to=2026-12-01`),
      "2026-12",
      ctx,
    );
    expect(narrowed).toMatchObject({ performances: [], nextMonth: "2026-12" });
    // The other filters still apply.
    expect((await queryCalendarMonth(db, f("view=calendar&q=zzzz"), "2026-10", october)).nextMonth).toBeNull();
    expect(await queryCalendarMonth(db, f("view=calendar"), "2027-02", ctx)).toMatchObject({
      performances: [],
      nextMonth: null,
    });
    // A month with something on looks no further.
    expect((await queryCalendarMonth(db, f("view=calendar"), "2026-12", ctx)).nextMonth).toBeNull();
  });

  it("hides hidden, unpublished and disabled events everywhere, and says they are gone", async () => {
    const slug = seed.eventSlugs[5]!;
    const sourceId = (await querySlugSourceId(db, slug))!;
    expect((await queryEvent(db, sourceId, ctx)).kind).toBe("live");
    await db.update(events).set({ hidden: true }).where(eq(events.slug, slug));
    expect((await queryEvent(db, sourceId, ctx)).kind).toBe("gone");
    expect((await queryListing(db, f(""), ctx, 500)).events.some((e) => e.slug === slug)).toBe(false);
    expect((await querySitemapEvents(db, ctx)).some((e) => e.slug === slug)).toBe(false);
    await db
      .update(events)
      .set({ hidden: false, status: "missing", keepLiveUntil: new Date(now.getTime() + 86_400_000) })
      .where(eq(events.slug, slug));
    expect((await queryEvent(db, sourceId, ctx)).kind).toBe("live");
    await db.update(events).set({ status: "disabled" }).where(eq(events.slug, slug));
    expect((await queryEvent(db, sourceId, ctx)).kind).toBe("gone");
    expect(await querySlugSourceId(db, "never-existed")).toBeNull();
  });

  it("keeps a show that one feed run left out listed, with its dates, until the sync retires it", async () => {
    const slug = seed.eventSlugs[6]!;
    const sourceId = (await querySlugSourceId(db, slug))!;
    const [row] = await db.select({ id: events.id }).from(events).where(eq(events.slug, slug));
    const before = await queryEvent(db, sourceId, ctx);
    if (before.kind !== "live") throw new Error("expected live");
    const dates = before.event.performances.map((p) => p.id);
    expect(dates.length).toBeGreaterThan(0);
    // Missing from the latest feed, within the grace period, with no editor's keep-live date.
    await db.update(events).set({ status: "missing", keepLiveUntil: null }).where(eq(events.id, row!.id));
    await db.update(performances).set({ status: "missing" }).where(eq(performances.eventId, row!.id));
    try {
      const during = await queryEvent(db, sourceId, ctx);
      expect(during.kind).toBe("live");
      if (during.kind === "live") expect(during.event.performances.map((p) => p.id)).toEqual(dates);
      expect((await queryListing(db, f(""), ctx, 500)).events.some((e) => e.slug === slug)).toBe(true);
      expect((await querySitemapEvents(db, ctx)).some((e) => e.slug === slug)).toBe(true);
      // Grace over: the sync marks it disabled, and only then does it leave the site.
      await db.update(events).set({ status: "disabled" }).where(eq(events.id, row!.id));
      expect((await queryEvent(db, sourceId, ctx)).kind).toBe("gone");
    } finally {
      await db.update(events).set({ status: "active" }).where(eq(events.id, row!.id));
      await db.update(performances).set({ status: "active" }).where(eq(performances.eventId, row!.id));
    }
  });

  it("previews an unpublished draft as its public page would show it, once published", async () => {
    const slug = seed.eventSlugs[7]!;
    const sourceId = (await querySlugSourceId(db, slug))!;
    const live = await queryEvent(db, sourceId, ctx);
    if (live.kind !== "live") throw new Error("expected live");
    const [row] = await db.select({ id: events.id }).from(events).where(eq(events.slug, slug));
    await db.update(events).set({ published: false }).where(eq(events.slug, slug));
    try {
      expect((await queryEvent(db, sourceId, ctx)).kind).toBe("gone");
      // The studio preview reads the same view model the event page renders, draft or not.
      expect(await queryEventPreview(db, row!.id, ctx)).toEqual(live.event);
      expect(await queryEventPreview(db, 987_654_321, ctx)).toBeNull();
    } finally {
      await db.update(events).set({ published: true }).where(eq(events.slug, slug));
    }
  });

  it("keeps cancelled performances on the event page but out of listings", async () => {
    const slug = seed.eventSlugs[1]!;
    const sourceId = (await querySlugSourceId(db, slug))!;
    const found = await queryEvent(db, sourceId, ctx);
    if (found.kind !== "live") throw new Error("expected live");
    const cancelled = found.event.performances.filter((p) => p.cancelled);
    if (cancelled.length) {
      const cal = await queryCalendarMonth(db, f("view=calendar"), cancelled[0]!.startsAt.slice(0, 7), ctx);
      expect(cal.performances.some((p) => p.id === cancelled[0]!.id)).toBe(false);
      const feed = await queryFeed(db, ctx, { performanceId: cancelled[0]!.id });
      expect(feed[0]?.cancelled).toBe(true);
    }
  });

  it("offers a sold-out performance's visitors only other dates the web sells now", async () => {
    const [show] = await db
      .insert(events)
      .values({ sourceId: fakeId(900, 18), slug: "other-dates-show", title: "Other dates", sourceHash: "x" })
      .returning({ id: events.id });
    const hour = 3_600_000;
    const at = (hours: number) => new Date(now.getTime() + hours * hour);
    const performance = (n: number, hours: number, sale: Partial<typeof performances.$inferInsert> = {}) => ({
      sourceId: fakeId(900 + n, 284),
      eventId: show!.id,
      startsAt: at(hours),
      startLocal: at(hours).toISOString().slice(0, 19),
      sellFrom: at(-24 * 30),
      sellUntil: at(hours - 1),
      isOnSale: true,
      sourceHash: `other-dates-${n}`,
      ...sale,
    });
    await db.insert(performances).values([
      performance(1, 24), // the sold-out one the visitor opened
      performance(2, 48, { isOnSale: false }),
      performance(3, 72, { sellFrom: at(24) }), // on sale tomorrow
      performance(4, 2, { sellUntil: at(-0.5) }), // web sales stopped half an hour ago
      performance(5, -1), // began an hour ago
      performance(6, 96, { cancelled: true }),
      performance(7, 120),
      performance(8, 144, { sellFrom: null, sellUntil: null }),
    ]);
    const target = await queryBookingTarget(db, fakeId(901, 284), ctx);
    expect(target?.otherDates.map((d) => d.id)).toEqual([fakeId(907, 284), fakeId(908, 284)]);
    // At most four, the soonest: dates that cannot be booked no longer take the places of ones that can.
    await db.insert(performances).values([9, 10, 11].map((n) => performance(n, 150 + n)));
    const more = await queryBookingTarget(db, fakeId(901, 284), ctx);
    expect(more?.otherDates.map((d) => d.id)).toEqual([907, 908, 909, 910].map((n) => fakeId(n, 284)));
  });

  it("returns sale facts only for public performances", async () => {
    const [id] = seed.performanceIds;
    await db.update(performances).set({ hidden: true }).where(eq(performances.sourceId, seed.performanceIds[1]!));
    const facts = await querySaleFacts(db, [id!, seed.performanceIds[1]!, "999ABC"]);
    expect(facts.map((x) => x.id)).toEqual([id]);
  });
});

describe("listing at scale", () => {
  it("pages through 1,000 events and 10,000 performances", async () => {
    // What this pins is that every listing query works at scale; how fast is the bench's job
    // (npm run bench), since a wall-clock bound here fails whenever the machine is busy.
    const database = await openDb("pglite://memory");
    try {
      await database.migrate();
      const db = database.db;
      await seedSite(db, { now, events: 1000, performancesPerEvent: 10 });
      const all = await queryListing(db, f(""), ctx);
      expect(all.total).toBeGreaterThan(40 * 18); // enough for page 40 below
      expect((await queryListing(db, f("page=40"), ctx)).events.length).toBeGreaterThan(0);
      for (const qs of ["when=7days&access=captioned", "q=jazz"]) {
        const page = await queryListing(db, f(qs), ctx);
        expect(page.total).toBeLessThanOrEqual(all.total);
      }
      expect(await queryCalendarMonth(db, f("view=calendar"), "2026-12", ctx)).toBeTruthy();
    } finally {
      await database.close();
    }
  }, 120_000);
});
