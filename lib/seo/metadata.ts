/**
 * Metadata helpers: absolute canonical URLs from SITE_URL, and Open Graph that always carries the same title,
 * description and URL as the page.
 */
import type { Metadata } from "next";
import { siteInfo } from "@/lib/site";

export function absoluteUrl(path: string): string {
  return new URL(path, `${siteInfo().url}/`).toString();
}

/** The home page's title, and every page's default: the venue's name says what it is. */
export function siteTitle(venueName: string): string {
  return `${venueName}: theatre, music and dance`;
}

export function pageMetadata(input: {
  title: string;
  description: string;
  path: string;
  image?: { url: string; alt: string } | null;
  type?: "website" | "article";
  noindex?: boolean;
}): Metadata {
  const url = absoluteUrl(input.path);
  return {
    title: input.title,
    description: input.description,
    alternates: { canonical: url },
    openGraph: {
      title: input.title,
      description: input.description,
      url,
      type: input.type ?? "website",
      siteName: siteInfo().name,
      ...(input.image ? { images: [{ url: input.image.url, alt: input.image.alt }] } : {}),
    },
    twitter: {
      card: input.image ? "summary_large_image" : "summary",
      title: input.title,
      description: input.description,
    },
    ...(input.noindex ? { robots: { index: false, follow: true } } : {}),
  };
}
