/**
 * Deletes old entries from Next's disk data cache (plain JS: `cache-handler.mjs`, loaded outside the app's
 * bundles, runs it). Next's file-system cache writes each `unstable_cache` entry to `.next/cache/fetch-cache` and
 * never deletes one. Time-dependent reads are keyed by the minute (`nowBucket`, lib/events/cached.ts), so a server
 * left running would add files every minute until the disk filled. Redis expires its keys itself.
 *
 * An entry nobody has rewritten for `SWEEP_AFTER_MS` is older than any of the site's listing reads may be
 * (`LISTING_REVALIDATE`, 5 minutes), so deleting it loses nothing: a read of a longer-lived entry (the sitemap's
 * hour) then finds it in memory or reads the store again.
 */
import { readdir, stat, unlink } from "node:fs/promises";
import path from "node:path";

export const SWEEP_AFTER_MS = 15 * 60_000;
export const SWEEP_EVERY_MS = 5 * 60_000;

/**
 * Deletes the files directly in `dir` last written before `now - maxAgeMs`; a missing folder is empty.
 * @param {string} dir @param {number} maxAgeMs @param {number} [now]
 * @returns {Promise<number>} how many were deleted
 */
export async function sweepOlderThan(dir, maxAgeMs, now = Date.now()) {
  const names = await readdir(/*turbopackIgnore: true*/ dir).catch(() => []);
  let deleted = 0;
  for (const name of names) {
    const file = path.join(/*turbopackIgnore: true*/ dir, name);
    const info = await stat(/*turbopackIgnore: true*/ file).catch(() => null);
    if (!info?.isFile() || info.mtimeMs >= now - maxAgeMs) continue;
    // Another instance or a concurrent sweep may have deleted it first.
    if (
      await unlink(/*turbopackIgnore: true*/ file).then(
        () => true,
        () => false,
      )
    )
      deleted++;
  }
  return deleted;
}

/**
 * A sweep of `dir` to call after every write: it runs at most once per `everyMs`, one at a time, in the
 * background, and reports failures to `onError` rather than to the write.
 * @param {string} dir
 * @param {{ everyMs?: number, maxAgeMs?: number, now?: () => number, onError?: (error: unknown) => void }} [options]
 * @returns {() => Promise<number> | undefined} the sweep it started, if it started one
 */
export function sweeper(dir, options = {}) {
  const { everyMs = SWEEP_EVERY_MS, maxAgeMs = SWEEP_AFTER_MS, now = Date.now, onError = () => {} } = options;
  let last = -Infinity;
  /** @type {Promise<number> | undefined} */
  let running;
  return () => {
    if (running || now() - last < everyMs) return undefined;
    last = now();
    running = sweepOlderThan(dir, maxAgeMs, last)
      .catch((error) => (onError(error), 0))
      .finally(() => (running = undefined));
    return running;
  };
}
