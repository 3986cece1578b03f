// The Next.js data cache shared by every instance, in Redis (see docs/adr/0005-shared-cache-redis.md).
//
// next.config.mjs points `cacheHandler` here only when REDIS_URL is set; without it Next keeps its default
// in-process cache and this file is never loaded. Entries written by `unstable_cache`, fetch and ISR go to
// Redis under `<REDIS_KEY_PREFIX>:<build id>:`, so a `revalidateTag` from a sync on any instance deletes the
// entries for every instance, and two deployments of different builds never serve each other's pages.
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
import { PHASE_PRODUCTION_BUILD } from "next/constants.js";
import { createClient } from "redis";
import { isMissingPage } from "./lib/cache/missing-pages.mjs";

const CONFIG_KEY = Symbol.for("storefront.cacheHandlerConfig");

function redact(url) {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, "//$1:***@");
}

function numberFromEnv(name, fallback) {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

async function createConfig({ buildId }) {
  const url = process.env.REDIS_URL;
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
    console.warn(`[cache-handler] Redis ${redact(url)}: ${error?.message ?? error}`);
  });

  // Wait briefly for the first connection; if Redis is not up yet, keep going: reads are misses until it is.
  const connected = client.connect().then(
    () => true,
    (error) => {
      console.warn(`[cache-handler] could not connect to Redis ${redact(url)}: ${error?.message ?? error}`);
      return false;
    },
  );
  const waitMs = numberFromEnv("REDIS_CACHE_CONNECT_WAIT_MS", 5_000);
  const ready = await Promise.race([connected, new Promise((resolve) => setTimeout(() => resolve(false), waitMs).unref())]);
  if (!ready) console.warn(`[cache-handler] Redis ${redact(url)} is not reachable yet; serving without the shared cache until it is.`);

  const prefix = process.env.REDIS_KEY_PREFIX || "storefront";
  const redis = createRedisStringsHandler({
    client,
    keyPrefix: `${prefix}:${buildId ?? "nobuild"}:`,
    timeoutMs: numberFromEnv("REDIS_CACHE_TIMEOUT_MS", 1_000),
    keyExpirationStrategy: "EXAT",
  });
  // A not-found page is never stored: made-up addresses must not fill Redis (lib/cache/missing-pages.mjs).
  return { handlers: [{ ...redis, set: (key, value, ctx) => (isMissingPage(value) ? Promise.resolve() : redis.set(key, value, ctx)) }] };
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

export default CacheHandler;
