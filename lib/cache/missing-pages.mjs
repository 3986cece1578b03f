// A page that answered "not found" is never stored (plain JS: next.config.mjs and cache-handler.mjs load it).
//
// Next caches an incremental page's 404 like any other render, under a file (or Redis key) named after the
// address. Event and booking pages take any slug, so a loop over made-up addresses (`/events/<anything>`)
// would store a page per address until the disk is full. Real pages are still cached; a made-up address is
// rendered again on each visit, which costs one indexed read and nothing on disk.
import FileSystemCache from "next/dist/server/lib/incremental-cache/file-system-cache.js";

/**
 * True for a cached value that is a not-found page (Next's own shape, or the cache handler's wrapper of it).
 * @param {unknown} value
 * @returns {boolean}
 */
export function isMissingPage(value) {
  const v = /** @type {{ kind?: string, status?: number, value?: { kind?: string, status?: number } } | null} */ (
    value
  );
  const page = v?.kind ? v : v?.value;
  return (page?.kind === "APP_PAGE" || page?.kind === "PAGES") && page.status === 404;
}

/** Next's own file-system cache, minus not-found pages: the cache used when REDIS_URL is not set. */
export default class NoMissingPagesCache extends (FileSystemCache.default ?? FileSystemCache) {
  /** @param {string} key @param {unknown} data @param {unknown} ctx */
  async set(key, data, ctx) {
    if (isMissingPage(data)) return;
    return super.set(key, data, ctx);
  }
}
