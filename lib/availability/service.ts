import "server-only";
/**
 * Live availability for the `/api/availability` endpoint: sale facts from the synced store (cached, tagged),
 * seat counts from Spektrix through one per-process collapsing cache. Spektrix is asked only about
 * performances the store knows and that are on sale right now; everything else is decided locally.
 */
import { env } from "@/lib/config";
import { activeConnection } from "@/lib/connection";
import { getSaleFacts } from "@/lib/events/cached";
import { createCatalogueReader } from "@/lib/spektrix/owner";
import { createCollapsingCache, type CollapsingCache } from "./cache";
import { availabilityState, type AvailabilityView, type LiveCounts } from "./state";

/** Spektrix is given this long per call; a slow answer becomes "check availability", never a slow page. */
const UPSTREAM_TIMEOUT_MS = 2_500;

const globalForAvailability = globalThis as unknown as {
  __availabilityCache?: { version: string; cache: CollapsingCache<LiveCounts> };
};

/**
 * The per-process seat-count cache for the connection in force. A new connection (another client or domain)
 * starts a new cache: counts from the old one are never served for it.
 */
export async function availabilityCache(): Promise<CollapsingCache<LiveCounts>> {
  const connection = await activeConnection();
  const held = globalForAvailability.__availabilityCache;
  if (held?.version === connection.version) return held.cache;
  const e = env();
  // Owner mode: Spektrix bot-protects web-mode calls that do not come from a browser.
  const client = createCatalogueReader({
    baseUrl: connection.baseUrl,
    clientName: connection.clientName,
    owner: connection.owner,
    timeoutMs: Math.min(e.SPEKTRIX_TIMEOUT_MS, UPSTREAM_TIMEOUT_MS),
    retries: 0,
  });
  const cache = createCollapsingCache<LiveCounts>({
    ttlMs: e.AVAILABILITY_CACHE_SECONDS * 1000,
    errorTtlMs: 5_000,
    fetch: async (id) => {
      // `available` still counts seats held back by locks (house seats, member priority); a visitor can buy
      // only the rest. Customer-specific locks are visible only to the browser, so this is the public view.
      const a = await client.getAvailability(id, { includeLockInformation: true });
      return { available: Math.max(0, a.available - a.locked), capacity: a.capacity };
    },
  });
  globalForAvailability.__availabilityCache = { version: connection.version, cache };
  return cache;
}

export async function getAvailabilityViews(
  ids: readonly string[],
  now = new Date(),
): Promise<Record<string, AvailabilityView>> {
  const threshold = env().AVAILABILITY_FEW_LEFT;
  let facts: Awaited<ReturnType<typeof getSaleFacts>> = [];
  try {
    facts = await getSaleFacts([...ids]);
  } catch {
    // Without the store we cannot tell cancelled from on sale; every badge says "check availability".
  }
  const byId = new Map(facts.map((f) => [f.id, f]));
  const needLive = ids.filter((id) => {
    const f = byId.get(id);
    return f ? availabilityState(f, null, { now, threshold }).state === "unknown" : false;
  });
  const live = needLive.length
    ? await (await availabilityCache()).getMany(needLive)
    : new Map<string, LiveCounts | null>();
  const out: Record<string, AvailabilityView> = {};
  for (const id of ids) out[id] = availabilityState(byId.get(id) ?? null, live.get(id) ?? null, { now, threshold });
  return out;
}
