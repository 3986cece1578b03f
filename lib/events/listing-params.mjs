/**
 * The query parameters the what's-on listing understands, in plain JS so `next.config.mjs` can read them.
 * Routing depends on this list (see proxy.ts): a /whats-on URL carrying none of them is the unfiltered list,
 * served from the page cache by a rewrite in next.config.mjs without running the proxy; one carrying any of
 * them goes through the proxy (canonical 308 when malformed) to the per-request page. Other parameters, such
 * as `utm_*` or `fbclid` on a newsletter link, are ignored and left in the address bar for analytics.
 *
 * proxy.ts repeats the list in its matcher, which Next requires to be a literal; tests/events/routing.test.ts
 * keeps the copies equal.
 */
export const LISTING_PARAMS = ["view", "when", "from", "to", "month", "q", "genre", "venue", "access", "page"];

/** Where the unfiltered list is cached as one page: the target of the rewrite, never linked to. */
export const UNFILTERED_LISTING_PATH = "/whats-on/all";
