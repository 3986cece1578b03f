import type { Metadata } from "next";
import { getFacets } from "@/lib/events/cached";
import { listingTitle } from "@/lib/events/describe";
import { ACCESS_LABELS, isCanonicalListing, parseFilters } from "@/lib/events/filters";
import { pageMetadata } from "@/lib/seo/metadata";
import { routes } from "@/lib/routes";
import { siteInfo } from "@/lib/site";

export async function whatsOnMetadata(raw: Record<string, string | string[] | undefined>): Promise<Metadata> {
  const { filters } = parseFilters(raw);
  const site = siteInfo();
  // A chosen genre or venue is named from the same cached facets the filter form lists.
  const facets = filters.genre || filters.venue ? await getFacets() : { genres: [], venues: [] };
  const base = pageMetadata({
    title: listingTitle(filters, { timeZone: site.timeZone, now: new Date(), facets }),
    description: `Plays, concerts, comedy and family shows at ${site.name}. Browse by date or search by title, and find captioned, ${ACCESS_LABELS.bsl}, audio-described and relaxed performances.`,
    path: routes.whatsOn,
  });
  // Filtered views are for visitors, not for search engines; the canonical is the unfiltered list.
  return isCanonicalListing(filters) && filters.page === 1 ? base : { ...base, robots: { index: false, follow: true } };
}
