/**
 * A per-process cache of live seat counts with request collapsing: each performance is fetched from Spektrix
 * at most once per `ttlMs`, and concurrent misses for the same performance share one upstream call. Failures
 * are remembered briefly too, so an outage does not turn every visitor into an upstream call.
 */

export interface CacheOptions<T> {
  fetch: (id: string) => Promise<T>;
  /** How long a success is served; at most 30 s by design. */
  ttlMs?: number;
  /** How long a failure is served before trying again. */
  errorTtlMs?: number;
  /** Upper bound on remembered performances (oldest dropped first). */
  maxEntries?: number;
  now?: () => number;
}

type Entry<T> = { ok: true; value: T; expires: number } | { ok: false; expires: number };

export interface CollapsingCache<T> {
  /** The value, or null when upstream failed (now or within the error window). */
  get(id: string): Promise<T | null>;
  getMany(ids: readonly string[]): Promise<Map<string, T | null>>;
  /** Upstream calls made so far (for the collapse benchmark). */
  readonly upstreamCalls: number;
  clear(): void;
}

export function createCollapsingCache<T>(options: CacheOptions<T>): CollapsingCache<T> {
  const ttl = Math.min(options.ttlMs ?? 30_000, 30_000);
  const errorTtl = options.errorTtlMs ?? 5_000;
  const max = options.maxEntries ?? 20_000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry<T>>();
  const inflight = new Map<string, Promise<T | null>>();
  let calls = 0;

  function remember(id: string, entry: Entry<T>) {
    entries.delete(id);
    entries.set(id, entry);
    if (entries.size > max) {
      const oldest = entries.keys().next().value;
      if (oldest !== undefined) entries.delete(oldest);
    }
  }

  function get(id: string): Promise<T | null> {
    const hit = entries.get(id);
    if (hit && hit.expires > now()) return Promise.resolve(hit.ok ? hit.value : null);
    const pending = inflight.get(id);
    if (pending) return pending;
    calls++;
    const promise = options
      .fetch(id)
      .then(
        (value) => {
          remember(id, { ok: true, value, expires: now() + ttl });
          return value as T | null;
        },
        () => {
          remember(id, { ok: false, expires: now() + errorTtl });
          return null;
        },
      )
      .finally(() => inflight.delete(id));
    inflight.set(id, promise);
    return promise;
  }

  return {
    get,
    async getMany(ids) {
      const unique = [...new Set(ids)];
      const values = await Promise.all(unique.map(get));
      return new Map(unique.map((id, i) => [id, values[i] ?? null]));
    },
    get upstreamCalls() {
      return calls;
    },
    clear() {
      entries.clear();
    },
  };
}
