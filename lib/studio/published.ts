import { unstable_cache } from "next/cache";
import { tags } from "@/lib/cache/tags";
import { isPageSlug } from "./blocks";
import { publishedPage, publishedPages } from "./pages";

/**
 * Published studio pages as visitors read them. The list of published pages is one cache entry; a page is read
 * (and cached under its own tag) only when its slug is on it, so a made-up /info URL adds nothing to the cache.
 * Publishing, unpublishing and deleting revalidate both tags. The list also feeds the sitemap.
 */
export const listPublishedPages = unstable_cache(
  async () => (await publishedPages()).map((p) => ({ slug: p.slug, publishedAt: p.publishedAt.toISOString() })),
  ["studio-published-pages:v1"],
  { tags: [tags.publishedPages, tags.store], revalidate: 3600 },
);

/**
 * Whether /info/{slug} is a published page: the one answer to it, read by the page and, before the page renders,
 * by proxy.ts (which answers any other slug with the site's 404 page, its words in the HTML; ADR 0022). A slug
 * that could not be a page is refused without a read.
 */
export async function isPublishedSlug(slug: string): Promise<boolean> {
  return isPageSlug(slug) && (await listPublishedPages()).some((p) => p.slug === slug);
}

export async function loadPublishedPage(slug: string) {
  if (!(await isPublishedSlug(slug))) return null;
  return unstable_cache(() => publishedPage(slug), ["studio-page:v2", slug], {
    tags: [tags.page(slug), tags.store],
    revalidate: 3600,
  })();
}
