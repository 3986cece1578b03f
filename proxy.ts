import { NextResponse, type NextRequest } from "next/server";
import { WHATS_ON_PATH, whatsOnRedirect } from "@/lib/events/canonical";
import { CACHED_HOME_PATH, CACHED_LISTINGS } from "@/lib/page-cache.mjs";
import { siteInfo } from "@/lib/site";
import { movedPageRoute } from "@/lib/spektrix-flows/moved-pages";
import { guardActionBody, guardRequest, refusalResponse } from "@/lib/security/request-guard";
import { errorText, logger } from "@/lib/log/logger.mjs";
import { isPublishedSlug } from "@/lib/studio/published";
import { routes } from "@/lib/routes";

/** A path no route serves: a rewrite to it is answered by Next's own not-found route, 404, words in the HTML. */
const NO_ROUTE = "/info/-/-";

/** Longer than any real slug or Spektrix id; file systems refuse cache file names much past 255 bytes. */
const MAX_SEGMENT_LENGTH = 200;

/** A slug with capitals in it, nothing else (slugs are lower-case letters, digits and hyphens). */
const CAPITALISED_SLUG = new RegExp(`^(?=.*[A-Z])[A-Za-z0-9-]{1,${MAX_SEGMENT_LENGTH}}$`);

/**
 * Work that must happen before rendering starts, on the few requests that need it:
 * - the request guard (lib/security/request-guard.ts): malformed percent-encoding, a server action from
 *   another origin or of the wrong kind, a body declared larger than the route takes, each a clear 4xx
 *   instead of the 500 Next would answer;
 * - a what's-on URL with listing parameters gets a real redirect to its cleaned-up form when malformed (a redirect
 *   thrown while a page streams would reach the browser as a 200). A bare /whats-on never comes here: a rewrite
 *   in next.config.mjs serves it from the page cache, so a rush of visitors costs neither this nor rendering;
 * - the cached copies of the home page and the unfiltered list are not second addresses for them;
 * - a page the studio moved (account, basket, checkout) is served at its new path: only paths outside the
 *   sections the site serves come here for it, so pages and the API pay nothing;
 * - an event or studio page's address typed with capitals (/events/Tosca, from a poster) is sent to the lower-case
 *   slug every page has, rather than answered "not found";
 * - an absurdly long event slug or performance id is answered as the not-found page it is, instead of reaching
 *   the incremental cache, which would try to write a file named after it;
 * - a studio-built page (/info/{slug}) that is not published is answered by the site's 404 page, with its words in
 *   the HTML: the page renders per request, and a notFound() there reaches the browser as an empty error document
 *   (ADR 0022). The answer comes from the same cached list the page reads, so the two cannot disagree.
 */
export async function proxy(request: NextRequest) {
  const refusal =
    guardRequest({ method: request.method, rawPathname: rawPathname(request.url), headers: request.headers }) ??
    (await guardActionBody(request));
  if (refusal) {
    const asked = { method: request.method, accept: request.headers.get("accept"), pathname: request.nextUrl.pathname };
    return refusalResponse(refusal, asked);
  }
  const { pathname, search } = request.nextUrl;
  const cachedListing = CACHED_LISTINGS.find((listing) => listing.path === pathname);
  if (cachedListing) {
    const to = new URL(`${WHATS_ON_PATH}${search}`, request.url);
    for (const [key, value] of Object.entries(cachedListing.params)) to.searchParams.set(key, value);
    return NextResponse.redirect(to, 308);
  }
  if (pathname === CACHED_HOME_PATH) return NextResponse.redirect(new URL(`/${search}`, request.url), 308);
  const canonical = whatsOnRedirect(request.nextUrl, new Date(), siteInfo().timeZone);
  if (canonical) return NextResponse.redirect(new URL(canonical.to, request.url), canonical.permanent ? 308 : 307);

  const [, section, segment] = pathname.split("/");
  if ((section === "events" || section === "info") && segment && CAPITALISED_SLUG.test(segment)) {
    const to = section === "events" ? routes.event(segment.toLowerCase()) : routes.info(segment.toLowerCase());
    return NextResponse.redirect(new URL(`${to}${search}`, request.url), 308);
  }
  if ((section === "events" || section === "book") && segment && segment.length > MAX_SEGMENT_LENGTH) {
    return NextResponse.rewrite(new URL(`/${section}/-`, request.url));
  }
  if (section === "info" && segment !== undefined && !(await mayBePublishedPage(segment))) {
    return NextResponse.rewrite(new URL(NO_ROUTE, request.url));
  }
  // A page the studio moved is served at its new path from its own route (lib/spektrix-flows/moved-pages.ts).
  const moved = await movedPageRoute(pathname);
  if (moved) return NextResponse.rewrite(new URL(`${moved}${search}`, request.url));
  return NextResponse.next();
}

/** False only when the published pages' list says no; a store fault leaves the page to decide, as before. */
async function mayBePublishedPage(slug: string): Promise<boolean> {
  return isPublishedSlug(slug).catch((error: unknown) => {
    logger("studio").warn({ error: errorText(error) }, "published pages unreadable in the proxy");
    return true;
  });
}

/** The path exactly as sent: `nextUrl.pathname` may already have been normalised. */
function rawPathname(url: string): string {
  const afterHost = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, "");
  return afterHost.split(/[?#]/, 1)[0] || "/";
}

// Next needs the matcher as a literal. The query keys are LISTING_PARAMS and the two cached paths are in
// lib/page-cache.mjs; a test keeps them equal. Event and booking pages pass through here only when their last segment is over-long, so
// ordinary (cached) event pages pay nothing for the check.
export const config = {
  matcher: [
    { source: "/whats-on", has: [{ type: "query", key: "view" }] },
    { source: "/whats-on", has: [{ type: "query", key: "when" }] },
    { source: "/whats-on", has: [{ type: "query", key: "from" }] },
    { source: "/whats-on", has: [{ type: "query", key: "to" }] },
    { source: "/whats-on", has: [{ type: "query", key: "month" }] },
    { source: "/whats-on", has: [{ type: "query", key: "q" }] },
    { source: "/whats-on", has: [{ type: "query", key: "genre" }] },
    { source: "/whats-on", has: [{ type: "query", key: "venue" }] },
    { source: "/whats-on", has: [{ type: "query", key: "access" }] },
    { source: "/whats-on", has: [{ type: "query", key: "page" }] },
    "/whats-on/all",
    "/whats-on/calendar",
    "/home/index",
    "/events/:slug(.{201,})",
    // Event pages typed with capitals only: ordinary event pages never come here.
    "/events/:slug(.*[A-Z].*)",
    // Studio-built pages: the published list the page itself reads (one cache entry), asked before it renders.
    "/info/:slug",
    // Paths outside the sections the site serves (lib/routes.ts SERVED_SECTIONS; a test keeps the two equal) and
    // its few top-level files: where a moved page may live. Unknown paths pay one map lookup here.
    "/((?!(?:api|studio|_next|home|whats-on|events|book|info|support-us|membership|gift-vouchers|shop|basket|checkout|login|logout|account|members)(?:/|$)|icon\\.svg$|apple-icon\\.png$|favicon\\.ico$|robots\\.txt$|sitemap\\.xml$|spektrix-theme\\.css$|fonts/).+)",
    "/book/:id(.{201,})",
    // The request guard: any path holding percent-encoding (checked against the raw path, before Next decodes
    // it), every server action, and every request that carries a body. Plain GETs of ordinary pages and of
    // the API never come here.
    "/:path(.*%.*)",
    { source: "/:path*", has: [{ type: "header", key: "next-action" }] },
    { source: "/:path*", has: [{ type: "header", key: "content-length" }] },
    { source: "/:path*", has: [{ type: "header", key: "transfer-encoding" }] },
  ],
};
