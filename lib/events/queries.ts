/**
 * Read queries for the public pages. Pure functions of (database, input, now): no caching and no request
 * state here, so they are tested directly against PGlite; `./cached` wraps them in tagged Next caches.
 */
import { parseCredits } from "./credits";
import { containsWords } from "@/lib/text/search";
import { and, asc, desc, eq, gte, inArray, isNull, lt, ne, sql, type SQL } from "drizzle-orm";
import type { AccessFlag } from "@/lib/db/schema";
import { events, performances, venues } from "@/lib/db/schema";
import type { StoreDb } from "@/lib/db";
import {
  eventIsListed,
  performanceIsListed,
  performanceIsOnOffer,
  performanceSellsOnTheWeb,
} from "@/lib/sync/visibility";
import { excerpt, htmlToText, sanitizeVenueHtml, textToParagraphs } from "@/lib/html/sanitize";
import { localDateOf, monthOf, utcWindow, presetRange, type LocalDate } from "./dates";
import { isGenreValue, type ListingFilters } from "./filters";
import type {
  CalendarPerformance,
  EventDetail,
  EventLookup,
  Facets,
  ImageRef,
  ListingEvent,
  ListingPage,
  NextMatch,
  PerformanceView,
  VenueOption,
  VenueRef,
} from "./types";

export const PAGE_SIZE = 18;

// What the public may see is decided in lib/sync/visibility.ts (eventIsListed, performanceIsListed,
// performanceIsOnOffer), beside the statuses the sync writes: a record missing from one feed run stays listed
// through its grace period.

function toIso(value: unknown): string {
  return (value instanceof Date ? value : new Date(String(value))).toISOString();
}

export function safeImageUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === "https:" || u.protocol === "http:" ? u.toString() : null;
  } catch {
    return null;
  }
}

function imageOf(url: string | null | undefined, alt: string | null | undefined, title: string): ImageRef | null {
  const safe = safeImageUrl(url);
  return safe ? { url: safe, alt: alt?.trim() || title } : null;
}

export interface QueryContext {
  timeZone: string;
  now: Date;
}

/** The date window the filters ask for, as local dates (null: from now on). */
export function resolveRange(
  filters: ListingFilters,
  ctx: QueryContext,
): { from: LocalDate; to: LocalDate | null } | null {
  if (filters.when) return presetRange(filters.when, ctx.timeZone, ctx.now);
  if (filters.from || filters.to)
    return { from: filters.from ?? localDateOf(ctx.now, ctx.timeZone), to: filters.to ?? null };
  return null;
}

async function venueIdsForSlug(db: StoreDb, slug: string): Promise<number[]> {
  // Case-insensitive, like the genre filter: a hand-typed `?venue=Studio-Theatre` finds the same venue.
  const rows = await db
    .select({ id: venues.id })
    .from(venues)
    .where(sql`lower(${venues.slug}) = lower(${slug})`);
  return rows.map((v) => v.id);
}

/**
 * SQL: the event's genre is `genre`, whatever the case or spaces at either end, as the filter form's options are
 * trimmed (queryFacets): a stored " Drama " is found by "Drama". The listing's filter and related shows both ask.
 */
function hasGenre(genre: string): SQL {
  return sql`lower(trim(${events.genre})) = lower(${genre.trim()})`;
}

/** The WHERE shared by the list and the calendar: visible events and listed performances matching the filters. */
async function performanceFilter(
  db: StoreDb,
  filters: ListingFilters,
  ctx: QueryContext,
  window: { start: Date; end: Date | null },
): Promise<SQL> {
  const conditions: SQL[] = [eventIsListed(), performanceIsOnOffer()];
  // Never list what has already started.
  const start = window.start > ctx.now ? window.start : ctx.now;
  conditions.push(gte(performances.startsAt, start));
  if (window.end) conditions.push(lt(performances.startsAt, window.end));
  if (filters.q) conditions.push(containsWords(events.title, filters.q));
  if (filters.genre) conditions.push(hasGenre(filters.genre));
  if (filters.venue) {
    const ids = await venueIdsForSlug(db, filters.venue);
    conditions.push(ids.length ? inArray(performances.venueId, ids) : sql`false`);
  }
  const flags = filters.access.filter((a): a is AccessFlag => a !== "any");
  if (filters.access.includes("any")) conditions.push(sql`jsonb_array_length(${performances.access}) > 0`);
  else if (flags.length) {
    conditions.push(
      sql`${performances.access} ?| array[${sql.join(
        flags.map((f) => sql`${f}`),
        sql`, `,
      )}]::text[]`,
    );
  }
  return and(...conditions)!;
}

/** What an event card shows, from events grouped with their listed performances. */
function cardColumns() {
  return {
    sourceId: events.sourceId,
    slug: events.slug,
    title: events.title,
    subtitle: events.subtitle,
    genre: events.genre,
    summary: events.summary,
    thumbnailUrl: events.thumbnailUrl,
    heroImageUrl: events.heroImageUrl,
    heroImageAlt: events.heroImageAlt,
    firstAt: sql<string>`min(${performances.startsAt})`,
    lastAt: sql<string>`max(${performances.startsAt})`,
    count: sql<number>`count(*)::int`,
  };
}

function flattenAccess(value: unknown): AccessFlag[] {
  const set = new Set<AccessFlag>();
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (typeof v === "string") set.add(v as AccessFlag);
  };
  walk(typeof value === "string" ? JSON.parse(value) : value);
  const order: AccessFlag[] = ["captioned", "bsl", "audioDescribed", "relaxed", "touchTour"];
  return order.filter((f) => set.has(f));
}

/** One page of events with a matching performance, soonest first. */
export async function queryListing(
  db: StoreDb,
  filters: ListingFilters,
  ctx: QueryContext,
  pageSize = PAGE_SIZE,
): Promise<ListingPage> {
  const range = resolveRange(filters, ctx);
  const window = range
    ? {
        start: utcWindow({ from: range.from, to: range.to ?? range.from }, ctx.timeZone).start,
        end: range.to ? utcWindow({ from: range.from, to: range.to }, ctx.timeZone).end : null,
      }
    : { start: ctx.now, end: null };
  const where = await performanceFilter(db, filters, ctx, window);

  const [countRow] = await db
    .select({ n: sql<number>`count(distinct ${events.id})::int` })
    .from(performances)
    .innerJoin(events, eq(performances.eventId, events.id))
    .where(where);
  const total = Number(countRow?.n ?? 0);
  const totalPages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(filters.page, totalPages);

  const rows = await db
    .select({
      ...cardColumns(),
      bodyHtml: events.bodyHtml,
      access: sql<unknown>`jsonb_agg(${performances.access})`,
      venueNames: sql<string[] | null>`array_remove(array_agg(distinct ${venues.name}), null)`,
    })
    .from(performances)
    .innerJoin(events, eq(performances.eventId, events.id))
    .leftJoin(venues, eq(performances.venueId, venues.id))
    .where(where)
    .groupBy(events.id)
    .orderBy(sql`min(${performances.startsAt})`, asc(events.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);

  return {
    events: rows.map((r): ListingEvent => ({
      sourceId: r.sourceId,
      slug: r.slug,
      title: r.title,
      subtitle: r.subtitle,
      genre: r.genre?.trim() || null,
      excerpt: excerpt(r.summary || htmlToText(r.bodyHtml), 160),
      image: imageOf(r.thumbnailUrl || r.heroImageUrl, r.heroImageAlt, r.title),
      firstAt: toIso(r.firstAt),
      lastAt: toIso(r.lastAt),
      performanceCount: Number(r.count),
      access: flattenAccess(r.access),
      venues: r.venueNames ?? [],
    })),
    total,
    page,
    pageSize,
    totalPages,
    // Searched dates that held nothing: name the first match after them ("Nothing on this weekend. The next is…").
    next: total === 0 && window.end ? await firstMatchFrom(db, filters, ctx, window.end) : null,
  };
}

/** Listed performances in one calendar month (venue-local), for the month grid. */
export async function queryCalendarMonth(
  db: StoreDb,
  filters: ListingFilters,
  month: string,
  ctx: QueryContext,
  limit = 3000,
): Promise<{ performances: CalendarPerformance[]; truncated: boolean; nextMonth: string | null }> {
  const first = `${month}-01` as LocalDate;
  const [y, m] = month.split("-").map(Number) as [number, number];
  const next = `${m === 12 ? y + 1 : y}-${String(m === 12 ? 1 : m + 1).padStart(2, "0")}-01`;
  let start = utcWindow({ from: first, to: first }, ctx.timeZone).start;
  let end = utcWindow({ from: next, to: next }, ctx.timeZone).start;
  // Dates in the URL narrow the month further.
  const range = resolveRange(filters, ctx);
  if (range) {
    const w = utcWindow({ from: range.from, to: range.to ?? range.from }, ctx.timeZone);
    if (w.start > start) start = w.start;
    if (range.to && w.end < end) end = w.end;
  }
  const where = await performanceFilter(db, filters, ctx, { start, end });
  const rows = await db
    .select({
      id: performances.sourceId,
      startsAt: performances.startsAt,
      label: performances.titleOverride,
      access: performances.access,
      slug: events.slug,
      title: events.title,
      venue: venues.name,
    })
    .from(performances)
    .innerJoin(events, eq(performances.eventId, events.id))
    .leftJoin(venues, eq(performances.venueId, venues.id))
    .where(where)
    .orderBy(asc(performances.startsAt), asc(performances.id))
    .limit(limit + 1);
  return {
    truncated: rows.length > limit,
    // From the end of what was searched: the month's end, or the end of the dates that narrowed it, so a later
    // match in this same month is found too (the month itself is then the answer).
    nextMonth: rows.length
      ? null
      : monthOfMatch(await firstMatchFrom(db, filters, ctx, end > start ? end : start), ctx),
    performances: rows.slice(0, limit).map((r) => ({
      id: r.id,
      startsAt: toIso(r.startsAt),
      day: localDateOf(new Date(toIso(r.startsAt)), ctx.timeZone),
      eventSlug: r.slug,
      eventTitle: r.title,
      label: r.label,
      access: flattenAccess(r.access),
      venue: r.venue,
    })),
  };
}

/**
 * The first performance from `from` on that matches the filters, or null. The filters' dates play no part
 * (performanceFilter leaves them to its callers), as the calendar's month links and the listing's "Any date" drop
 * them: another time is a date choice of its own.
 */
async function firstMatchFrom(
  db: StoreDb,
  filters: ListingFilters,
  ctx: QueryContext,
  from: Date,
): Promise<NextMatch | null> {
  const [row] = await db
    .select({ startsAt: performances.startsAt, slug: events.slug, title: events.title })
    .from(performances)
    .innerJoin(events, eq(performances.eventId, events.id))
    .where(await performanceFilter(db, filters, ctx, { start: from, end: null }))
    .orderBy(asc(performances.startsAt), asc(performances.id))
    .limit(1);
  return row ? { slug: row.slug, title: row.title, startsAt: toIso(row.startsAt) } : null;
}

/** The month (YYYY-MM) a match falls in, in the venue's zone. */
function monthOfMatch(match: NextMatch | null, ctx: QueryContext): string | null {
  return match ? monthOf(localDateOf(new Date(match.startsAt), ctx.timeZone)) : null;
}

/** Genres, venues and access kinds that have something coming up, for the filter controls and the home page. */
export async function queryFacets(db: StoreDb, ctx: QueryContext): Promise<Facets> {
  const upcoming = and(eventIsListed(), performanceIsOnOffer(), gte(performances.startsAt, ctx.now));
  const genreRows = await db
    .selectDistinct({ genre: events.genre })
    .from(performances)
    .innerJoin(events, eq(performances.eventId, events.id))
    .where(and(upcoming, sql`coalesce(trim(${events.genre}), '') <> ''`));
  const venueRows = await db
    .selectDistinct({ slug: venues.slug, name: venues.name, address: venues.address, online: venues.online })
    .from(performances)
    .innerJoin(events, eq(performances.eventId, events.id))
    .innerJoin(venues, eq(performances.venueId, venues.id))
    .where(upcoming);
  const [last] = await db
    .select({ at: sql<string | null>`max(${performances.startsAt})` })
    .from(performances)
    .innerJoin(events, eq(performances.eventId, events.id))
    .where(upcoming);
  const accessRows = await db
    .selectDistinct({ flag: sql<string>`jsonb_array_elements_text(${performances.access})` })
    .from(performances)
    .innerJoin(events, eq(performances.eventId, events.id))
    .where(upcoming);
  return {
    access: flattenAccess(accessRows.map((r) => r.flag)),
    // Only genres an address can carry (isGenreValue), so the form never offers one the listing would refuse.
    genres: [...new Set(genreRows.map((r) => r.genre!.trim()))].filter(isGenreValue).sort((a, b) => a.localeCompare(b)),
    // Spektrix venues an editor gave one site name (a house's seating areas) share a slug: listed once.
    venues: [
      ...new Map(venueRows.filter((v): v is VenueOption => v.slug !== null).map((v) => [v.slug, v] as const)).values(),
    ].sort((a, b) => a.name.localeCompare(b.name)),
    lastDay: last?.at ? localDateOf(new Date(last.at), ctx.timeZone) : null,
  };
}

/** Maps a slug to the event's source id (for tag-scoped caching), or null. Says nothing about visibility. */
export async function querySlugSourceId(db: StoreDb, slug: string): Promise<string | null> {
  const [row] = await db.select({ sourceId: events.sourceId }).from(events).where(eq(events.slug, slug)).limit(1);
  return row?.sourceId ?? null;
}

/** Every event slug with its source id: one small map, so a made-up slug is answered without a cache entry of its own. */
export async function querySlugMap(db: StoreDb): Promise<Record<string, string>> {
  const rows = await db.select({ slug: events.slug, sourceId: events.sourceId }).from(events);
  return Object.fromEntries(rows.map((r) => [r.slug, r.sourceId]));
}

/** Every performance id in the store (hidden ones too: the pages decide what to show). */
export async function queryPerformanceIds(db: StoreDb): Promise<string[]> {
  const rows = await db.select({ id: performances.sourceId }).from(performances);
  return rows.map((r) => r.id);
}

function venueRef(venue: Pick<typeof venues.$inferSelect, "name" | "address" | "online">): VenueRef {
  return { name: venue.name, address: venue.address, online: venue.online };
}

/** One performance as the event and booking pages show it. */
function performanceView(
  p: typeof performances.$inferSelect,
  venue: Pick<typeof venues.$inferSelect, "name" | "address" | "online"> | null,
): PerformanceView {
  return {
    id: p.sourceId,
    startsAt: p.startsAt.toISOString(),
    cancelled: p.cancelled || p.status === "cancelled",
    rescheduled: p.rescheduled || p.rescheduledFrom ? { from: p.rescheduledFrom?.toISOString() ?? null } : null,
    access: p.access ?? [],
    venue: venue ? venueRef(venue) : null,
    label: p.titleOverride,
    isOnSale: p.isOnSale,
    sellFrom: p.sellFrom?.toISOString() ?? null,
    sellUntil: p.sellUntil?.toISOString() ?? null,
    fromPrice: p.fromPrice ?? null,
  };
}

/** One event for its page, with upcoming performances (cancelled ones included, for the banner). */
export async function queryEvent(db: StoreDb, sourceId: string, ctx: QueryContext): Promise<EventLookup> {
  const [row] = await db.select().from(events).where(eq(events.sourceId, sourceId)).limit(1);
  if (!row) return { kind: "unknown" };
  const [live] = await db
    .select({ id: events.id })
    .from(events)
    .where(and(eq(events.id, row.id), eventIsListed()))
    .limit(1);
  if (!live) return { kind: "gone" };
  return { kind: "live", event: await eventDetail(db, row, ctx) };
}

/**
 * Any stored event as its public page would show it, whether or not the public may see it yet: the studio
 * preview renders drafts and hidden events through the same view model and components as the event page.
 */
export async function queryEventPreview(db: StoreDb, id: number, ctx: QueryContext): Promise<EventDetail | null> {
  const [row] = await db.select().from(events).where(eq(events.id, id)).limit(1);
  return row ? eventDetail(db, row, ctx) : null;
}

async function eventDetail(db: StoreDb, row: typeof events.$inferSelect, ctx: QueryContext): Promise<EventDetail> {
  // Performances from the start of today (venue time), so tonight's show stays listed until it starts.
  const visible = and(eq(performances.eventId, row.id), performanceIsListed());
  const perfRows = await db
    .select({ p: performances, venue: venues })
    .from(performances)
    .leftJoin(venues, eq(performances.venueId, venues.id))
    .where(and(visible, gte(performances.startsAt, ctx.now)))
    .orderBy(asc(performances.startsAt))
    .limit(500);
  const [past] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(performances)
    .where(and(visible, lt(performances.startsAt, ctx.now)));

  const bodyHtml = sanitizeVenueHtml(row.bodyOverrideHtml) ?? sanitizeVenueHtml(row.bodyHtml);
  const description = excerpt(row.summary || htmlToText(bodyHtml), 200);
  const perfs = perfRows.map(({ p, venue }) => performanceView(p, venue));
  return {
    sourceId: row.sourceId,
    slug: row.slug,
    title: row.title,
    subtitle: row.subtitle,
    genre: row.genre?.trim() || null,
    bodyHtml,
    summaryParagraphs: bodyHtml ? [] : textToParagraphs(row.summary),
    description,
    image: imageOf(row.heroImageUrl || row.thumbnailUrl, row.heroImageAlt, row.title),
    durationMinutes: row.durationMinutes && row.durationMinutes > 0 ? row.durationMinutes : null,
    ageGuidance: row.ageGuidance,
    credits: parseCredits(row.credits),
    trailerUrl: row.trailerUrl?.startsWith("https://") ? row.trailerUrl : null,
    status: row.status,
    cancelled: row.status === "cancelled" || (perfs.length > 0 && perfs.every((p) => p.cancelled)),
    performances: perfs,
    pastPerformanceCount: Number(past?.n ?? 0),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * Up to `limit` events to suggest beside one event: the same genre first, then anything soon. With `only`, the
 * cards of exactly those events (in that order, the ones still listed): `./cached` picks the suggestions once and
 * reads their cards under each suggestion's own tag, so a change to one re-renders the pages that show it.
 */
export async function queryRelated(
  db: StoreDb,
  event: { sourceId: string; genre: string | null },
  ctx: QueryContext,
  limit = 3,
  only?: string[],
): Promise<ListingEvent[]> {
  const base = and(
    eventIsListed(),
    performanceIsOnOffer(),
    gte(performances.startsAt, ctx.now),
    ne(events.sourceId, event.sourceId),
    only ? (only.length ? inArray(events.sourceId, only) : sql`false`) : undefined,
  );
  const pick = async (extra: SQL | undefined, exclude: string[], n: number) => {
    if (n <= 0) return [];
    const rows = await db
      .select({
        ...cardColumns(),
        weight: events.weight,
      })
      .from(performances)
      .innerJoin(events, eq(performances.eventId, events.id))
      .where(
        and(
          base,
          extra,
          exclude.length
            ? sql`${events.sourceId} not in (${sql.join(
                exclude.map((e) => sql`${e}`),
                sql`, `,
              )})`
            : undefined,
        ),
      )
      .groupBy(events.id)
      .orderBy(desc(events.weight), sql`min(${performances.startsAt})`)
      .limit(n);
    return rows;
  };
  let picked: Awaited<ReturnType<typeof pick>>;
  if (only) {
    const order = new Map(only.map((id, i) => [id, i]));
    picked = (await pick(undefined, [], only.length)).sort((a, b) => order.get(a.sourceId)! - order.get(b.sourceId)!);
  } else {
    const sameGenre = event.genre ? await pick(hasGenre(event.genre), [], limit) : [];
    picked = [
      ...sameGenre,
      ...(await pick(
        undefined,
        sameGenre.map((r) => r.sourceId),
        limit - sameGenre.length,
      )),
    ];
  }
  return picked.map((r) => ({
    sourceId: r.sourceId,
    slug: r.slug,
    title: r.title,
    subtitle: r.subtitle,
    genre: r.genre?.trim() || null,
    excerpt: excerpt(r.summary, 120),
    image: imageOf(r.thumbnailUrl || r.heroImageUrl, r.heroImageAlt, r.title),
    firstAt: toIso(r.firstAt),
    lastAt: toIso(r.lastAt),
    performanceCount: Number(r.count),
    access: [],
    venues: [],
  }));
}

/**
 * The listing cards of exactly these events, in this order: the ones listed with a performance still to come
 * (an editor's event block shows its event as the listings do, and shows nothing of one that is not on).
 */
export function queryEventCards(db: StoreDb, sourceIds: string[], ctx: QueryContext): Promise<ListingEvent[]> {
  // queryRelated's `only` path is exactly this; no event is left out as "the one suggestions are beside".
  return queryRelated(db, { sourceId: "", genre: null }, ctx, sourceIds.length, sourceIds);
}

/** Featured (by editor weight) then soonest upcoming events, for the home page. */
export async function queryHome(db: StoreDb, ctx: QueryContext, limit = 7): Promise<ListingEvent[]> {
  const page = await queryListing(db, { view: "list", access: [], page: 1 }, ctx, 60);
  // Weight is editorial; the listing query orders by date, so re-rank the first few pages here.
  const weights = new Map(
    (
      await db
        .select({ sourceId: events.sourceId, weight: events.weight })
        .from(events)
        .where(
          page.events.length
            ? inArray(
                events.sourceId,
                page.events.map((e) => e.sourceId),
              )
            : sql`false`,
        )
    ).map((r) => [r.sourceId, r.weight]),
  );
  return [...page.events]
    .map((e, i) => ({ e, i, w: weights.get(e.sourceId) ?? 0 }))
    .sort((a, b) => b.w - a.w || a.i - b.i)
    .slice(0, limit)
    .map((x) => x.e);
}

/** Live events for the sitemap. */
export async function querySitemapEvents(
  db: StoreDb,
  ctx: QueryContext,
): Promise<Array<{ slug: string; updatedAt: string }>> {
  const rows = await db
    .select({ slug: events.slug, updatedAt: events.updatedAt })
    .from(events)
    .where(
      and(
        eventIsListed(),
        sql`exists (select 1 from ${performances} p where p.event_id = ${events.id} and p.starts_at >= ${ctx.now} and p.hidden = false)`,
      ),
    )
    .orderBy(asc(events.slug))
    .limit(45_000);
  return rows.map((r) => ({ slug: r.slug, updatedAt: r.updatedAt.toISOString() }));
}

export interface FeedPerformance {
  id: string;
  startsAt: string;
  cancelled: boolean;
  label: string | null;
  eventSlug: string;
  eventTitle: string;
  eventSummary: string;
  durationMinutes: number | null;
  venue: VenueRef | null;
  updatedAt: string;
  /** The calendar entry's revision (RFC 5545 SEQUENCE). */
  sequence: number;
}

/** Upcoming visible performances (optionally of one event, or one performance) for calendar files. */
export async function queryFeed(
  db: StoreDb,
  ctx: QueryContext,
  scope: { eventSourceId?: string; performanceId?: string } = {},
  limit = 20_000,
): Promise<FeedPerformance[]> {
  const rows = await db
    .select({
      p: performances,
      e: { slug: events.slug, title: events.title, summary: events.summary, durationMinutes: events.durationMinutes },
      venue: venues,
    })
    .from(performances)
    .innerJoin(events, eq(performances.eventId, events.id))
    .leftJoin(venues, eq(performances.venueId, venues.id))
    .where(
      and(
        eventIsListed(),
        performanceIsListed(),
        scope.performanceId ? eq(performances.sourceId, scope.performanceId) : gte(performances.startsAt, ctx.now),
        scope.eventSourceId ? eq(events.sourceId, scope.eventSourceId) : undefined,
      ),
    )
    .orderBy(asc(performances.startsAt))
    .limit(limit);
  return rows.map(({ p, e, venue }) => ({
    id: p.sourceId,
    startsAt: p.startsAt.toISOString(),
    cancelled: p.cancelled || p.status === "cancelled",
    label: p.titleOverride,
    eventSlug: e.slug,
    eventTitle: e.title,
    eventSummary: excerpt(e.summary, 400),
    durationMinutes: e.durationMinutes && e.durationMinutes > 0 ? e.durationMinutes : null,
    venue: venue ? venueRef(venue) : null,
    updatedAt: p.updatedAt.toISOString(),
    // RFC 5545: a saved entry updates when SEQUENCE rises; the sync raises it for each move, cancellation
    // and restoration (lib/sync/plan.ts).
    sequence: p.startSequence,
  }));
}

export interface BookingTarget {
  performance: PerformanceView;
  event: { sourceId: string; slug: string; title: string; image: ImageRef | null; durationMinutes: number | null };
  planId: string | null;
  /** The event's next few other performances a visitor could book instead (for a sold-out or cancelled one). */
  otherDates: Array<{ id: string; startsAt: string }>;
}

const OTHER_DATES = 4;

/** A bookable performance for the booking page, or null when it is not public. */
export async function queryBookingTarget(
  db: StoreDb,
  performanceId: string,
  ctx: QueryContext,
): Promise<BookingTarget | null> {
  const [row] = await db
    .select({ p: performances, e: events, venue: venues })
    .from(performances)
    .innerJoin(events, eq(performances.eventId, events.id))
    .leftJoin(venues, eq(performances.venueId, venues.id))
    .where(and(eq(performances.sourceId, performanceId), performanceIsListed(), eventIsListed()))
    .limit(1);
  if (!row) return null;
  const { p, e, venue } = row;
  const others = await db
    .select({ id: performances.sourceId, startsAt: performances.startsAt })
    .from(performances)
    .where(
      and(
        eq(performances.eventId, p.eventId),
        ne(performances.id, p.id),
        // Dates a visitor can book now: not one that is off sale, or not yet on sale, on the web.
        performanceSellsOnTheWeb(ctx.now),
      ),
    )
    .orderBy(asc(performances.startsAt))
    .limit(OTHER_DATES);
  return {
    planId: p.planId,
    otherDates: others.map((o) => ({ id: o.id, startsAt: o.startsAt.toISOString() })),
    event: {
      sourceId: e.sourceId,
      slug: e.slug,
      title: e.title,
      image: imageOf(e.heroImageUrl || e.thumbnailUrl, e.heroImageAlt, e.title),
      durationMinutes: e.durationMinutes && e.durationMinutes > 0 ? e.durationMinutes : null,
    },
    performance: performanceView(p, venue),
  };
}

/** Sale facts for the availability endpoint: what the synced store knows about each performance. */
export interface SaleFacts {
  id: string;
  startsAt: string;
  cancelled: boolean;
  isOnSale: boolean;
  sellFrom: string | null;
  sellUntil: string | null;
}

/** Sale facts for `ids`, or for every performance when `ids` is left out. */
export async function querySaleFacts(db: StoreDb, ids?: string[]): Promise<SaleFacts[]> {
  if (ids && !ids.length) return [];
  const query = db
    .select({
      id: performances.sourceId,
      startsAt: performances.startsAt,
      cancelled: performances.cancelled,
      status: performances.status,
      isOnSale: performances.isOnSale,
      sellFrom: performances.sellFrom,
      sellUntil: performances.sellUntil,
      hidden: performances.hidden,
    })
    .from(performances)
    // Never about an event kept from a previous Spektrix client: the client in use does not know its ids.
    .innerJoin(events, and(eq(events.id, performances.eventId), isNull(events.parkedFrom)));
  const rows = await (ids ? query.where(inArray(performances.sourceId, ids)) : query);
  return rows
    .filter((r) => !r.hidden && r.status !== "disabled")
    .map((r) => ({
      id: r.id,
      startsAt: r.startsAt.toISOString(),
      cancelled: r.cancelled || r.status === "cancelled",
      isOnSale: r.isOnSale,
      sellFrom: r.sellFrom?.toISOString() ?? null,
      sellUntil: r.sellUntil?.toISOString() ?? null,
    }));
}
