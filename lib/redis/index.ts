/**
 * The process's one Redis connection (node-redis), for rate limits and anything else the site keeps in Redis.
 *
 * - Only used when `REDIS_URL` is set; without it `getRedis()` returns null and callers fall back to memory.
 * - Lazy: nothing connects until the first caller asks, so `next build` and one-instance setups never dial out.
 * - One per process: kept on globalThis (keyed by URL), because Next may evaluate a module more than once.
 * - Never crashes the process: connection errors are logged (at most once per 30 s) and node-redis keeps
 *   reconnecting in the background; callers check `client.isReady` or use `getConnectedRedis()`.
 *
 * The Next.js data cache has its own connection, opened by `cache-handler.mjs` outside the app bundle.
 */
import { createClient } from "redis";
import { errorText, logger, redactUrl } from "@/lib/log/logger.mjs";
import { env } from "@/lib/config";

type Slot = { client: RedisClient; ready: Promise<boolean> };

const globalForRedis = globalThis as unknown as { __storefrontRedis?: Map<string, Slot> };

function slots(): Map<string, Slot> {
  return (globalForRedis.__storefrontRedis ??= new Map());
}

/** `REDIS_URL` from the validated environment, or undefined when the site runs without Redis. */
export function configuredRedisUrl(): string | undefined {
  return env().REDIS_URL;
}

function connectClient(url: string) {
  return createClient({
    url,
    socket: {
      connectTimeout: 2_000,
      // Keep trying, backing off to 2 s; callers fall back to memory while Redis is away.
      reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, 2_000),
    },
  });
}

export type RedisClient = ReturnType<typeof connectClient>;

function open(url: string): Slot {
  let lastLogged = 0;
  const client = connectClient(url);
  client.on("error", (error: unknown) => {
    const now = Date.now();
    if (now - lastLogged < 30_000) return;
    lastLogged = now;
    logger("redis").warn({ url: redactUrl(url), error: errorText(error) }, "redis connection error");
  });
  const ready = client.connect().then(
    () => true,
    (error: unknown) => {
      logger("redis").warn({ url: redactUrl(url), error: errorText(error) }, "could not connect to redis");
      return false;
    },
  );
  return { client, ready };
}

/**
 * The shared client for `url` (default `REDIS_URL`), connecting in the background on first use; null when no
 * URL is configured. Commands sent before the connection is up wait in node-redis's queue.
 */
export function getRedis(url: string | undefined = configuredRedisUrl()): RedisClient | null {
  if (!url) return null;
  const map = slots();
  let slot = map.get(url);
  if (!slot) {
    slot = open(url);
    map.set(url, slot);
  }
  return slot.client;
}

/**
 * The shared client once it is connected, waiting at most `timeoutMs`; null when no URL is configured or the
 * connection is not up in time (the caller then degrades, e.g. to an in-memory limiter).
 */
export async function getConnectedRedis(
  url: string | undefined = configuredRedisUrl(),
  timeoutMs = 2_000,
): Promise<RedisClient | null> {
  const client = getRedis(url);
  if (!client || !url) return null;
  if (client.isReady) return client;
  const slot = slots().get(url)!;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    await Promise.race([slot.ready, timeout]);
  } finally {
    clearTimeout(timer);
  }
  return client.isReady ? client : null;
}

/** Closes every shared connection (tests and scripts; a server keeps its connection for its lifetime). */
export async function closeRedis(): Promise<void> {
  const map = slots();
  const all = [...map.values()];
  map.clear();
  await Promise.all(
    all.map(async ({ client }) => {
      try {
        if (client.isOpen) await client.close();
        else client.destroy();
      } catch {
        // already closed
      }
    }),
  );
}
