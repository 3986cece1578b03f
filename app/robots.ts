import type { MetadataRoute } from "next";
import { absoluteUrl } from "@/lib/seo/metadata";
import { privatePathPrefixes } from "@/lib/routes";

export const dynamic = "force-dynamic";

/** Public pages are open; booking steps, account pages, the studio and the API are not for crawlers. */
export default function robots(): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: "*", allow: "/", disallow: [...privatePathPrefixes] }],
    sitemap: absoluteUrl("/sitemap.xml"),
  };
}
