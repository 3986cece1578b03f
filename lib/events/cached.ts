import "server-only";
/**
 * The public pages' reads, cached in the Next data cache under the tags the sync revalidates
 * (`tags.listings` for anything that lists, `tags.event(sourceId)` for one event, `tags.slugs` for which
 * event a slug names). Pages call only these. A page's cache entry carries the tags of every read it made, so
 * the event page reads nothing tagged `listings`.
 *
 * Time-dependent reads take a `now` rounded to a bucket, so entries are shared between visitors and a
 * performance drops off listings within a bucket of starting.
 *
 * No entry is keyed on what a visitor can make up: a slug or performance id is first looked up in one cached
 * map of the real ones (a made-up one is answered without an entry), sale facts are one entry for every
 * performance, and a listing with free text, a custom date range or a genre or venue no listing has is read from
 * the store per request. The data cache therefore holds a bounded number of entries whatever addresses and queries
 * arrive; on disk, files nobody has rewritten for 15 minutes are swept (lib/cache/sweep.mjs).
 */
import { unstable_cache } from "next/cache";
import { sharedWhileInFlight } from "@/lib/cache/in-flight";
import { tags } from "@/lib/cache/tags";
import { getDb } from "@/lib/db";
import { siteInfo } from "@/lib/site";
import { knownGenre, knownVenue } from "./facets";
import type { ListingFilters } from "./filters";
import * as q from "./queries";

/** Seconds a cached read lives even without a revalidation, as a safety net. */
export const LISTING_REVALIDATE = 300;
const BUCKET_MS = 60_000;

async function db() {
  return getDb();
}

export function nowBucket(now = Date.now()): number {
  return Math.floor(now / BUCKET_MS) * BUCKET_MS;
}

function ctx(bucket: number): q.QueryContext {
  return { timeZone: siteInfo().timeZone, now: new Date(bucket) };
}

/**
 * The filters to key a cached read by, or null for filters a visitor can vary without limit, which are read from
 * the store per request: free text, any pair of dates, and a genre or venue that no upcoming listing has (any
 * made-up value). A known genre or venue is keyed in the listing's own spelling, so `drama` and `Drama` share one.
 */
async function cacheKeyFilters(filters: ListingFilters): Promise<ListingFilters | null> {
  if (filters.q || filters.from || filters.to) return null;
  if (!filters.genre && !filters.venue) return filters;
  const known = await getFacets();
  const genre = knownGenre(known, filters.genre);
  const venue = knownVenue(known, filters.venue)?.slug;
  if ((filters.genre && !genre) || (filters.venue && !venue)) return null;
  return { ...filters, genre: genre || undefined, venue: venue || undefined };
}

const listing = unstable_cache(
  async (filters: ListingFilters, bucket: number) => q.queryListing(await db(), filters, ctx(bucket)),
  ["site:listing:v1"],
  { tags: [tags.listings, tags.store], revalidate: LISTING_REVALIDATE },
);
export async function getListing(filters: ListingFilters) {
  const key = await cacheKeyFilters(filters);
  return key ? listing(key, nowBucket()) : q.queryListing(await db(), filters, ctx(nowBucket()));
}

const calendar = unstable_cache(
  async (filters: ListingFilters, month: string, bucket: number) =>
    q.queryCalendarMonth(await db(), filters, month, ctx(bucket)),
  ["site:calendar:v2"],
  { tags: [tags.listings, tags.store], revalidate: LISTING_REVALIDATE },
);
export async function getCalendarMonth(filters: ListingFilters, month: string) {
  const key = await cacheKeyFilters({ ...filters, page: 1 });
  return key
    ? calendar(key, month, nowBucket())
    : q.queryCalendarMonth(await db(), { ...filters, page: 1 }, month, ctx(nowBucket()));
}

const facets = unstable_cache(async (bucket: number) => q.queryFacets(await db(), ctx(bucket)), ["site:facets:v4"], {
  tags: [tags.listings, tags.venues, tags.store],
  revalidate: LISTING_REVALIDATE,
});
/** Facets change slowly; a 10-minute bucket keeps one entry for everyone. */
export const getFacets = () => facets(Math.floor(Date.now() / 600_000) * 600_000);

const home = unstable_cache(async (bucket: number) => q.queryHome(await db(), ctx(bucket)), ["site:home:v1"], {
  tags: [tags.listings, tags.store],
  revalidate: LISTING_REVALIDATE,
});
export const getHomeEvents = () => home(nowBucket());

const slugMap = unstable_cache(async () => q.querySlugMap(await db()), ["site:slug-map:v1"], {
  // Its own tag, not `listings`: an event page reads this map, and must not be tied to every listing change
  // (ADR 0002). The sync revalidates it when an event takes a new slug.
  tags: [tags.slugs, tags.store],
  revalidate: LISTING_REVALIDATE,
});

/** Which event a slug names, from one small map, so a made-up slug leaves no cache entry of its own. */
async function slugToSource(slug: string): Promise<string | null> {
  const map = await slugMap();
  return Object.hasOwn(map, slug) ? map[slug]! : null;
}

const performanceIds = unstable_cache(async () => q.queryPerformanceIds(await db()), ["site:performance-ids:v1"], {
  tags: [tags.listings, tags.store],
  revalidate: 60,
});

/** Whether `id` is a performance in the store; a made-up one is answered from this one entry. */
export async function isKnownPerformance(id: string): Promise<boolean> {
  return (await performanceIds()).includes(id);
}

/**
 * One event by slug, cached under the event's own tag only. Everything an event page reads carries tags of the
 * events it shows (itself, its suggestions) and the slug map's, so a sync that changes one event re-renders that
 * event's page and the listings, not every event page.
 */
export async function getEventBySlug(slug: string) {
  const sourceId = await slugToSource(slug);
  if (!sourceId) return { kind: "unknown" as const };
  const bucket = nowBucket();
  return unstable_cache(
    async () => q.queryEvent(await db(), sourceId, ctx(bucket)),
    ["site:event:v2", sourceId, String(bucket)],
    {
      tags: [tags.event(sourceId), tags.venues, tags.store],
      revalidate: LISTING_REVALIDATE,
    },
  )();
}

/**
 * Events to suggest beside one event. Which ones is decided under the event's own tag (and refreshed by the
 * page's timer, so a new show reaches suggestions within `LISTING_REVALIDATE`); their cards are read under
 * each suggestion's tag, so a suggested event that changes, sells out of dates or is hidden re-renders the
 * pages that suggest it.
 */
export async function getRelated(event: { sourceId: string; genre: string | null }) {
  const bucket = nowBucket();
  const ids = await unstable_cache(
    async () => (await q.queryRelated(await db(), event, ctx(bucket))).map((r) => r.sourceId),
    ["site:related-ids:v1", event.sourceId, event.genre ?? "", String(bucket)],
    { tags: [tags.event(event.sourceId), tags.store], revalidate: LISTING_REVALIDATE },
  )();
  if (!ids.length) return [];
  return unstable_cache(
    async () => q.queryRelated(await db(), event, ctx(bucket), ids.length, ids),
    ["site:related:v3", event.sourceId, ...ids, String(bucket)],
    {
      tags: [...ids.map((id) => tags.event(id)), tags.venues, tags.store],
      revalidate: LISTING_REVALIDATE,
    },
  )();
}

/** Listing cards of the events an editor's blocks name (cached under each event's tag, like suggestions). */
export async function getEventCards(sourceIds: string[]) {
  if (!sourceIds.length) return [];
  const bucket = nowBucket();
  return unstable_cache(
    async () => q.queryEventCards(await db(), sourceIds, ctx(bucket)),
    ["site:event-cards:v2", ...sourceIds, String(bucket)],
    { tags: [...sourceIds.map((id) => tags.event(id)), tags.venues, tags.store], revalidate: LISTING_REVALIDATE },
  )();
}

const sitemap = unstable_cache(
  async (bucket: number) => q.querySitemapEvents(await db(), ctx(bucket)),
  ["site:sitemap:v1"],
  {
    tags: [tags.listings, tags.store],
    revalidate: 3600,
  },
);
export const getSitemapEvents = () => sitemap(Math.floor(Date.now() / 3_600_000) * 3_600_000);

const feed = unstable_cache(
  async (scope: { eventSourceId?: string; performanceId?: string }, bucket: number) =>
    q.queryFeed(await db(), ctx(bucket), scope),
  ["site:feed:v3"],
  { tags: [tags.listings, tags.store], revalidate: LISTING_REVALIDATE },
);
export async function getFeed(scope: { eventSourceId?: string; performanceId?: string } = {}) {
  if (scope.performanceId && !(await isKnownPerformance(scope.performanceId))) return [];
  return feed(scope, Math.floor(Date.now() / 600_000) * 600_000);
}

export async function getBookingTarget(performanceId: string) {
  if (!(await isKnownPerformance(performanceId))) return null;
  const bucket = nowBucket();
  return unstable_cache(
    async () => q.queryBookingTarget(await db(), performanceId, ctx(bucket)),
    ["site:book:v3", performanceId, String(bucket)],
    {
      tags: [tags.listings, tags.store],
      revalidate: 60,
    },
  )();
}

// Every availability request reads this entry, so a cold instance meets it as a rush: one read for them all.
const saleFacts = sharedWhileInFlight(
  unstable_cache(async () => q.querySaleFacts(await db()), ["site:sale-facts:v2"], {
    tags: [tags.listings, tags.store],
    revalidate: 60,
  }),
);
/** Sale facts for `ids`, picked from the one cached entry for every performance. */
export async function getSaleFacts(ids: string[]) {
  const wanted = new Set(ids);
  return (await saleFacts()).filter((f) => wanted.has(f.id));
}

export { slugToSource as getSourceIdForSlug };
