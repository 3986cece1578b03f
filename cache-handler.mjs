// Next's data and page cache, always through this file so it can follow the store (ADR 0008), and shared by
// every instance in Redis when REDIS_URL is set (ADR 0005).
//
// Every read first runs `followTheStore` (lib/cache/follow-store.mjs): at most every couple of seconds it
// compares the generation the cache last matched (its marker) with the store's, and drops everything derived
// from the store when they disagree: a sync outside the site, a migration, a restore, another DATABASE_URL, or a
// `.next/cache` kept from another build. In between, a read costs one clock comparison.
//
// Without REDIS_URL: Next's own file-system cache (the class Next would use anyway), the marker a file next to
// the fetch cache. With REDIS_URL: entries written by `unstable_cache`, fetch and ISR go to Redis under
// `<REDIS_KEY_PREFIX>:<build id>:`, so a `revalidateTag` from a sync on any instance deletes the entries for
// every instance, and two deployments of different builds never serve each other's pages; the marker is a key
// under the same prefix, so instances share it.
//
// - During `next build` (and if REDIS_URL is somehow unset) an in-process LRU is used: a build never needs Redis.
// - The configuration (and its one Redis connection) is created once per process and kept on globalThis.
// - If Redis goes away, reads are misses (pages render from PostgreSQL) and writes are dropped, each after at
//   most REDIS_CACHE_TIMEOUT_MS; node-redis reconnects in the background.
//
// Only the classic `cacheHandler` interface exists in @fortedigital/nextjs-cache-handler 3.3: no
// `cacheHandlers`, no 'use cache'.
import { CacheHandler } from "@fortedigital/nextjs-cache-handler";
import createLruHandler from "@fortedigital/nextjs-cache-handler/local-lru";
import createRedisStringsHandler from "@fortedigital/nextjs-cache-handler/redis-strings";
import { readFile, writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { PHASE_PRODUCTION_BUILD } from "next/constants.js";
import { createClient } from "redis";
import { buildEnv } from "./lib/config/build.mjs";
import { errorText, logger, redactUrl } from "./lib/log/logger.mjs";
import { STORE_TAG, followTheStore } from "./lib/cache/follow-store.mjs";
import NoMissingPagesCache, { isMissingPage } from "./lib/cache/missing-pages.mjs";
import { sweeper } from "./lib/cache/sweep.mjs";

const CONFIG_KEY = Symbol.for("storefront.cacheHandlerConfig");
const MARKER_KEY = Symbol.for("storefront.cacheMarker");
const building = () => process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD;

const log = logger("cache-handler");

async function createConfig({ buildId }) {
  // Validated by the same rules as the site's config (lib/config/build.mjs); NEXT_PHASE is Next's own.
  const config = buildEnv();
  const url = config.REDIS_URL;
  if (!url || process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD) {
    return { handlers: [createLruHandler()] };
  }

  let lastLogged = 0;
  const client = createClient({
    url,
    socket: {
      connectTimeout: 2_000,
      reconnectStrategy: (retries) => Math.min(50 * 2 ** retries, 2_000),
    },
  });
  client.on("error", (error) => {
    const now = Date.now();
    if (now - lastLogged < 30_000) return;
    lastLogged = now;
    log.warn({ url: redactUrl(url), error: errorText(error) }, "redis connection error");
  });

  // Wait briefly for the first connection; if Redis is not up yet, keep going: reads are misses until it is.
  const connected = client.connect().then(
    () => true,
    (error) => {
      log.warn({ url: redactUrl(url), error: errorText(error) }, "could not connect to redis");
      return false;
    },
  );
  const waitMs = config.REDIS_CACHE_CONNECT_WAIT_MS;
  const ready = await Promise.race([
    connected,
    new Promise((resolve) => setTimeout(() => resolve(false), waitMs).unref()),
  ]);
  if (!ready)
    log.warn({ url: redactUrl(url) }, "redis is not reachable yet; serving without the shared cache until it is");

  const markerKey = `${config.REDIS_KEY_PREFIX}:${buildId ?? "nobuild"}:store-generation`;
  const timeoutMs = config.REDIS_CACHE_TIMEOUT_MS;
  const bounded = (promise) =>
    Promise.race([
      promise,
      new Promise((_, reject) => setTimeout(() => reject(new Error("Redis timed out")), timeoutMs).unref()),
    ]);
  globalThis[MARKER_KEY] = {
    read: () => bounded(client.get(markerKey)),
    write: (token) => bounded(client.set(markerKey, token)),
  };
  const redis = createRedisStringsHandler({
    client,
    keyPrefix: `${config.REDIS_KEY_PREFIX}:${buildId ?? "nobuild"}:`,
    timeoutMs,
    keyExpirationStrategy: "EXAT",
  });
  // A not-found page is never stored: made-up addresses must not fill Redis (lib/cache/missing-pages.mjs).
  return {
    handlers: [
      { ...redis, set: (key, value, ctx) => (isMissingPage(value) ? Promise.resolve() : redis.set(key, value, ctx)) },
    ],
  };
}

CacheHandler.onCreation((context) => {
  const holder = globalThis;
  holder[CONFIG_KEY] ??= createConfig(context).catch((error) => {
    // Never cache a failed setup: the next request tries again.
    holder[CONFIG_KEY] = undefined;
    throw error;
  });
  return holder[CONFIG_KEY];
});

/** The shared cache in Redis, checked against the store before each read. */
class StoreFollowingRedisCache extends CacheHandler {
  async get(cacheKey, ctx) {
    if (!building()) {
      await followTheStore({
        invalidate: () => super.revalidateTag(STORE_TAG),
        marker: {
          // Revalidating no tag only makes sure the handler (and its connection) is configured.
          read: async () => (
            await super.revalidateTag([]),
            globalThis[MARKER_KEY] ? globalThis[MARKER_KEY].read() : null
          ),
          write: async (token) => globalThis[MARKER_KEY]?.write(token),
        },
      });
    }
    return super.get(cacheKey, ctx);
  }
}

/**
 * Next's own disk cache, minus not-found pages (made-up addresses must leave nothing on disk), checked against
 * the store before each read; the marker is a file beside the fetch cache. Data-cache files nobody has rewritten
 * for a while are swept after writes (lib/cache/sweep.mjs), since Next deletes none.
 */
class StoreFollowingFileSystemCache extends NoMissingPagesCache {
  constructor(context) {
    super(context);
    const cacheDir = context.serverDistDir
      ? path.join(/*turbopackIgnore: true*/ context.serverDistDir, "..", "cache")
      : null;
    this.markerFile = cacheDir ? path.join(/*turbopackIgnore: true*/ cacheDir, "store-generation") : null;
    this.sweep = cacheDir ? sweepers(path.join(/*turbopackIgnore: true*/ cacheDir, "fetch-cache")) : () => undefined;
  }

  async set(...args) {
    await super.set(...args);
    if (!building()) this.sweep();
  }

  async get(...args) {
    if (this.markerFile && !building()) {
      const file = this.markerFile;
      await followTheStore({
        // Next's disk cache keeps revalidations in memory: entries written before now count as expired.
        invalidate: () => super.revalidateTag([STORE_TAG]),
        marker: {
          // One file in the build folder, named at start: nothing for the build's file tracing to follow.
          read: () =>
            readFile(/*turbopackIgnore: true*/ file, "utf8").then(
              (text) => text.trim() || null,
              () => null,
            ),
          write: async (token) => {
            await mkdir(/*turbopackIgnore: true*/ path.dirname(file), { recursive: true });
            await writeFile(/*turbopackIgnore: true*/ file, token);
          },
        },
      });
    }
    return super.get(...args);
  }
}

const SWEEPERS_KEY = Symbol.for("storefront.cacheSweepers");
/** One sweeper per folder and process: Next makes a cache handler per request. */
function sweepers(dir) {
  const all = (globalThis[SWEEPERS_KEY] ??= new Map());
  if (!all.has(dir))
    all.set(
      dir,
      sweeper(dir, { onError: (error) => log.warn({ error: errorText(error) }, "could not sweep the data cache") }),
    );
  return all.get(dir);
}

export default buildEnv().REDIS_URL ? StoreFollowingRedisCache : StoreFollowingFileSystemCache;
