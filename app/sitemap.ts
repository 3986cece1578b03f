import type { MetadataRoute } from "next";
import { getSitemapEvents } from "@/lib/events/cached";
import { absoluteUrl } from "@/lib/seo/metadata";
import { routes } from "@/lib/routes";
import { listPublishedPages } from "@/lib/studio/published";

export const dynamic = "force-dynamic";

/**
 * Home, what's on, the ways to support the venue and shop, every live event with something coming up, and every
 * page editors have published.
 */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const [events, pages] = await Promise.all([getSitemapEvents(), listPublishedPages()]);
  return [
    { url: absoluteUrl(routes.home), changeFrequency: "daily", priority: 1 },
    { url: absoluteUrl(routes.whatsOn), changeFrequency: "daily", priority: 0.9 },
    ...[routes.support, routes.membership, routes.giftVouchers, routes.shop].map((path) => ({
      url: absoluteUrl(path),
      changeFrequency: "monthly" as const,
      priority: 0.6,
    })),
    ...events.map((e) => ({
      url: absoluteUrl(routes.event(e.slug)),
      lastModified: e.updatedAt,
      changeFrequency: "weekly" as const,
      priority: 0.7,
    })),
    ...pages.map((p) => ({
      url: absoluteUrl(routes.info(p.slug)),
      lastModified: p.publishedAt,
      changeFrequency: "monthly" as const,
      priority: 0.5,
    })),
  ];
}
