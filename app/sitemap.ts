import type { MetadataRoute } from "next";
import { getSitemapEvents } from "@/lib/events/cached";
import { absoluteUrl } from "@/lib/seo/metadata";
import { routes } from "@/lib/routes";

export const dynamic = "force-dynamic";

/** Home, what's on, and every live event with something coming up. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const events = await getSitemapEvents();
  return [
    { url: absoluteUrl(routes.home), changeFrequency: "daily", priority: 1 },
    { url: absoluteUrl(routes.whatsOn), changeFrequency: "daily", priority: 0.9 },
    ...events.map((e) => ({
      url: absoluteUrl(routes.event(e.slug)),
      lastModified: e.updatedAt,
      changeFrequency: "weekly" as const,
      priority: 0.7,
    })),
  ];
}
