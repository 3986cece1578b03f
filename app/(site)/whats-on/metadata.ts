import type { Metadata } from "next";
import { describeFilters } from "@/lib/events/describe";
import { ACCESS_LABELS, isCanonicalListing, parseFilters } from "@/lib/events/filters";
import { pageMetadata } from "@/lib/seo/metadata";
import { routes } from "@/lib/routes";
import { siteInfo } from "@/lib/site";

export function whatsOnMetadata(raw: Record<string, string | string[] | undefined>): Metadata {
  const { filters } = parseFilters(raw);
  const site = siteInfo();
  const { heading } = describeFilters(filters, site.timeZone, new Date());
  const base = pageMetadata({
    title: heading === "What’s on" ? "What’s on" : `${heading} · What’s on`,
    description: `Plays, concerts, comedy and family shows at ${site.name}. Browse by date or search by title, and find captioned, ${ACCESS_LABELS.bsl}, audio-described and relaxed performances.`,
    path: routes.whatsOn,
  });
  // Filtered views are for visitors, not for search engines; the canonical is the unfiltered list.
  return isCanonicalListing(filters) && filters.page === 1 ? base : { ...base, robots: { index: false, follow: true } };
}
