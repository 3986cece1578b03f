import type { MetadataRoute } from "next";
import { absoluteUrl } from "@/lib/seo/metadata";
import { crawlerDisallows, privatePathPrefixes } from "@/lib/routes";
import { getFlowSettings } from "@/lib/spektrix-flows/settings";

export const dynamic = "force-dynamic";

/**
 * Public pages are open; booking steps, account pages (where the studio put them), the studio and the API are not
 * for crawlers. A store that cannot be read still gets the fixed list.
 */
export default async function robots(): Promise<MetadataRoute.Robots> {
  const disallow = await getFlowSettings().then(
    ({ pagePaths }) => crawlerDisallows(pagePaths),
    () => [...privatePathPrefixes],
  );
  return {
    rules: [{ userAgent: "*", allow: "/", disallow }],
    sitemap: absoluteUrl("/sitemap.xml"),
  };
}
