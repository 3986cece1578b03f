import type { MetadataRoute } from "next";
import { absoluteUrl } from "@/lib/seo/metadata";

export const dynamic = "force-dynamic";

/** Public pages are open; booking steps, account pages, the studio and the API are not for crawlers. */
export default function robots(): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: "*", allow: "/", disallow: ["/api/", "/book/", "/basket", "/checkout", "/account", "/studio"] }],
    sitemap: absoluteUrl("/sitemap.xml"),
  };
}
