import { NotFoundContent, NotFoundInPlace } from "@/components/site/not-found-content";
import { HomePageView } from "@/components/site/home-page";
import { getFacets, getHomeEvents } from "@/lib/events/cached";
import { pageMetadata, siteTitle } from "@/lib/seo/metadata";
import { CACHED_HOME_PATH } from "@/lib/page-cache.mjs";
import { routes } from "@/lib/routes";
import { siteInfo } from "@/lib/site";

/**
 * The home page, the same for every visitor, served at `/` through a rewrite (lib/page-cache.mjs). Rendered on
 * its first request (not at build, when the store may still be empty), then served from the page cache until a
 * sync revalidates the listings or a minute passes, so "upcoming" stays current.
 */
export const revalidate = 60;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ variant: string }> };
const isHomePath = (variant: string) => `/home/${variant}` === CACHED_HOME_PATH;

export async function generateMetadata({ params }: Props) {
  if (!isHomePath((await params).variant)) return { title: "Page not found", robots: { index: false } };
  const site = siteInfo();
  const metadata = pageMetadata({
    title: siteTitle(site.name),
    description: `What’s on at ${site.name}: plays, concerts, comedy and family shows. Find a date or a show, and book online.`,
    path: routes.home,
  });
  // Absolute: the layout's template would add the venue's name a second time.
  return { ...metadata, title: { absolute: siteTitle(site.name) } };
}

export default async function HomePage({ params }: Props) {
  if (!isHomePath((await params).variant)) return <NotFoundInPlace content={<NotFoundContent />} />;
  const site = siteInfo();
  // A store that cannot be read throws: while a cached copy exists Next keeps serving it (a degraded page
  // cached for a minute would hide the last good listing), and before one exists the error page offers a retry.
  const [events, facets] = await Promise.all([getHomeEvents(), getFacets()]);
  return <HomePageView events={events} accessKinds={facets.access} site={site} />;
}
