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

export async function loadPublishedPage(slug: string) {
  if (!isPageSlug(slug) || !(await listPublishedPages()).some((p) => p.slug === slug)) return null;
  return unstable_cache(() => publishedPage(slug), ["studio-page:v2", slug], {
    tags: [tags.page(slug), tags.store],
    revalidate: 3600,
  })();
}
