/**
 * Caches follow the store (docs/adr/0008-caches-follow-the-store.md). Plain JS: `cache-handler.mjs`, which Next
 * loads outside the app's bundles, runs it on every cache read.
 *
 * Every read of the content store is cached under `STORE_TAG`. The cache remembers (its "marker", kept where its
 * entries are: a file next to the disk cache, or a key in Redis) the store generation it last matched. At most
 * every `CHECK_EVERY_MS`, a cache read first asks the store for its generation chain (a memo in front of one small
 * query, through a reader the app installs at start, `lib/cache/store-generation.ts`):
 * - the marker is in the chain (only changes the cache was told about since): nothing to do but move the marker;
 * - it is not (a sync outside the site, a migration, a restore, another database, a cache built elsewhere, or no
 *   marker at all): everything tagged `STORE_TAG` is revalidated, then the marker moves.
 * So the first request after a store changed while the site was down already renders from the new store, and
 * several instances sharing Redis share one marker. If the store cannot be read, the cache serves what it has.
 */

/** Every store-derived cache entry carries this tag (`tags.store` in lib/cache/tags.ts). */
export const STORE_TAG = "store";

/** Where the app puts its reader: `() => Promise<{ newest: string, valid: string[] }>`. */
export const GENERATION_SOURCE = Symbol.for("storefront.storeGenerationSource");

/** How often a process asks the store; reads in between cost a clock comparison. */
export const CHECK_EVERY_MS = 2_000;

const STATE = Symbol.for("storefront.followStoreState");

/**
 * Makes sure the cache matches the store before a read. `invalidate()` revalidates `STORE_TAG` in this cache;
 * `marker` reads and writes the generation the cache last matched (null when it has none).
 */
export async function followTheStore({ invalidate, marker }) {
  const source = globalThis[GENERATION_SOURCE];
  if (typeof source !== "function") return; // during `next build`, or before the app installed its reader
  const state = stateOf();
  if (Date.now() - state.checkedAt < CHECK_EVERY_MS) return;
  state.running ??= check(state, source, invalidate, marker).finally(() => {
    state.running = null;
  });
  await state.running;
  // The check this read waited for began before a change made here (storeChangedHere): compare again.
  if (state.checkedAt === 0) return followTheStore({ invalidate, marker });
}

const stateOf = () => (globalThis[STATE] ??= { checkedAt: 0, running: null, warnedAt: 0, changes: 0 });

/**
 * This process changed the store without announcing it (a studio "Sync now", whose revalidations Next would drop):
 * the next cache read here compares with the store at once instead of up to CHECK_EVERY_MS later. A check already
 * running may have read the chain before the change, so it does not re-arm the interval either.
 */
export function storeChangedHere() {
  const state = stateOf();
  state.changes = (state.changes ?? 0) + 1;
  state.checkedAt = 0;
}

async function check(state, source, invalidate, marker) {
  const changes = state.changes;
  try {
    const chain = await source();
    const seen = await marker.read();
    if (!seen || !chain.valid.includes(seen)) await invalidate();
    if (chain.newest && seen !== chain.newest) await marker.write(chain.newest);
  } catch (error) {
    // The store or the marker cannot be read: serve what the cache has (a store outage keeps the last good
    // pages, ADR 0007) and try again at the next check.
    if (Date.now() - state.warnedAt > 30_000) {
      state.warnedAt = Date.now();
      console.warn(`[cache] could not compare the cache with the store: ${error?.message ?? error}`);
    }
  } finally {
    state.checkedAt = state.changes === changes ? Date.now() : 0;
  }
}
