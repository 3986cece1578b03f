/**
 * Pages that are the same for every visitor and are served from Next's page cache, plain JS so
 * `next.config.mjs` can read it (ADR 0007).
 *
 * Such a page lives under a dynamic segment with no build-time params (`app/(site)/home/[variant]`,
 * `app/(site)/whats-on/[view]`), so it is rendered on its first request, when the store has been synced, rather than
 * at build, when it may be empty; then it is cached until its tags are revalidated by a sync or its
 * `revalidate` time passes. `next.config.mjs` rewrites the public address to the cached one before the proxy
 * runs, and `proxy.ts` redirects the cached address back, so it is never a second address for the page.
 */

/** Where `/` is cached. */
export const CACHED_HOME_PATH = "/home/index";

/** Where the unfiltered `/whats-on` is cached. */
export const UNFILTERED_LISTING_PATH = "/whats-on/all";

/**
 * Where `/whats-on?view=calendar` (this month, nothing else) is cached: the calendar the navigation links to.
 * Rendered per request it streamed behind a skeleton, and a phone painted its heading 2 s late (ADR 0016).
 */
export const CALENDAR_LISTING_PATH = "/whats-on/calendar";

/** The cached listing paths, each with the listing parameters its public address carries. */
export const CACHED_LISTINGS = [
  { path: UNFILTERED_LISTING_PATH, params: {} },
  { path: CALENDAR_LISTING_PATH, params: { view: "calendar" } },
];

/**
 * The query parameters the what's-on listing understands. A /whats-on carrying none of them (bare, or with only
 * `utm_*`, `fbclid` and the like, which are ignored and left in the address bar for analytics) is the
 * unfiltered list, served from the cache without running the proxy; one carrying any of them goes through the
 * proxy (canonical 308 when malformed) to the per-request page.
 *
 * proxy.ts repeats the list in its matcher, which Next requires to be a literal; tests/events/routing.test.ts
 * keeps the copies equal.
 */
export const LISTING_PARAMS = ["view", "when", "from", "to", "month", "q", "genre", "venue", "access", "page"];
