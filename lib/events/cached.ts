import "server-only";
/**
 * The public pages' reads, cached in the Next data cache under the tags the sync revalidates
 * (`tags.listings` for anything that lists, `tags.event(sourceId)` for one event). Pages call only these.
 *
 * Time-dependent reads take a `now` rounded to a bucket, so entries are shared between visitors and a
 * performance drops off listings within a bucket of starting.
 */
import { unstable_cache } from "next/cache";
import { tags } from "@/lib/cache/tags";
import { getDb } from "@/lib/db";
import { siteInfo } from "@/lib/site";
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

const listing = unstable_cache(
  async (filters: ListingFilters, bucket: number) => q.queryListing(await db(), filters, ctx(bucket)),
  ["site:listing:v1"],
  { tags: [tags.listings], revalidate: LISTING_REVALIDATE },
);
export const getListing = (filters: ListingFilters) => listing(filters, nowBucket());

const calendar = unstable_cache(
  async (filters: ListingFilters, month: string, bucket: number) => q.queryCalendarMonth(await db(), filters, month, ctx(bucket)),
  ["site:calendar:v1"],
  { tags: [tags.listings], revalidate: LISTING_REVALIDATE },
);
export const getCalendarMonth = (filters: ListingFilters, month: string) => calendar({ ...filters, page: 1 }, month, nowBucket());

const facets = unstable_cache(async (bucket: number) => q.queryFacets(await db(), ctx(bucket)), ["site:facets:v1"], {
  tags: [tags.listings, tags.venues],
  revalidate: LISTING_REVALIDATE,
});
/** Facets change slowly; a 10-minute bucket keeps one entry for everyone. */
export const getFacets = () => facets(Math.floor(Date.now() / 600_000) * 600_000);

const home = unstable_cache(async (bucket: number) => q.queryHome(await db(), ctx(bucket)), ["site:home:v1"], {
  tags: [tags.listings],
  revalidate: LISTING_REVALIDATE,
});
export const getHomeEvents = () => home(nowBucket());

const slugToSource = unstable_cache(async (slug: string) => q.querySlugSourceId(await db(), slug), ["site:slug:v1"], {
  tags: [tags.listings],
  revalidate: LISTING_REVALIDATE,
});

/** One event by slug: resolved through the listings-tagged slug map, then cached under the event's own tag. */
export async function getEventBySlug(slug: string) {
  const sourceId = await slugToSource(slug);
  if (!sourceId) return { kind: "unknown" as const };
  const bucket = nowBucket();
  return unstable_cache(async () => q.queryEvent(await db(), sourceId, ctx(bucket)), ["site:event:v1", sourceId, String(bucket)], {
    tags: [tags.event(sourceId), tags.listings],
    revalidate: LISTING_REVALIDATE,
  })();
}

export async function getRelated(event: { sourceId: string; genre: string | null }) {
  const bucket = nowBucket();
  return unstable_cache(async () => q.queryRelated(await db(), event, ctx(bucket)), ["site:related:v1", event.sourceId, event.genre ?? "", String(bucket)], {
    tags: [tags.listings],
    revalidate: LISTING_REVALIDATE,
  })();
}

const sitemap = unstable_cache(async (bucket: number) => q.querySitemapEvents(await db(), ctx(bucket)), ["site:sitemap:v1"], {
  tags: [tags.listings],
  revalidate: 3600,
});
export const getSitemapEvents = () => sitemap(Math.floor(Date.now() / 3_600_000) * 3_600_000);

const feed = unstable_cache(
  async (scope: { eventSourceId?: string; performanceId?: string }, bucket: number) => q.queryFeed(await db(), ctx(bucket), scope),
  ["site:feed:v1"],
  { tags: [tags.listings], revalidate: LISTING_REVALIDATE },
);
export const getFeed = (scope: { eventSourceId?: string; performanceId?: string } = {}) => feed(scope, Math.floor(Date.now() / 600_000) * 600_000);

export async function getBookingTarget(performanceId: string) {
  const bucket = nowBucket();
  return unstable_cache(async () => q.queryBookingTarget(await db(), performanceId, ctx(bucket)), ["site:book:v1", performanceId, String(bucket)], {
    tags: [tags.listings],
    revalidate: 60,
  })();
}

const saleFacts = unstable_cache(async (ids: string[]) => q.querySaleFacts(await db(), ids), ["site:sale-facts:v1"], {
  tags: [tags.listings],
  revalidate: 60,
});
export const getSaleFacts = (ids: string[]) => saleFacts([...ids].sort());

export { slugToSource as getSourceIdForSlug };
