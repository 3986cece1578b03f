import "server-only";
/**
 * Live availability for the `/api/availability` endpoint: sale facts from the synced store (cached, tagged),
 * seat counts from Spektrix through one per-process collapsing cache. Spektrix is asked only about
 * performances the store knows and that are on sale right now; everything else is decided locally.
 */
import { env } from "@/lib/config";
import { getSaleFacts } from "@/lib/events/cached";
import { createCatalogueReader } from "@/lib/spektrix/owner";
import { createCollapsingCache, type CollapsingCache } from "./cache";
import { availabilityState, type AvailabilityView, type LiveCounts } from "./state";

/** Spektrix is given this long per call; a slow answer becomes "check availability", never a slow page. */
const UPSTREAM_TIMEOUT_MS = 2_500;

const globalForAvailability = globalThis as unknown as { __availabilityCache?: CollapsingCache<LiveCounts> };

export function availabilityCache(): CollapsingCache<LiveCounts> {
  if (!globalForAvailability.__availabilityCache) {
    const e = env();
    // Owner mode: Spektrix bot-protects web-mode calls that do not come from a browser.
    const client = createCatalogueReader({
      baseUrl: e.SPEKTRIX_BASE_URL,
      clientName: e.SPEKTRIX_CLIENT_NAME,
      owner: { apiUser: e.SPEKTRIX_API_USER, apiKey: e.SPEKTRIX_API_KEY },
      timeoutMs: Math.min(e.SPEKTRIX_TIMEOUT_MS, UPSTREAM_TIMEOUT_MS),
      retries: 0,
    });
    globalForAvailability.__availabilityCache = createCollapsingCache<LiveCounts>({
      ttlMs: e.AVAILABILITY_CACHE_SECONDS * 1000,
      errorTtlMs: 5_000,
      fetch: async (id) => {
        // `available` still counts seats held back by locks (house seats, member priority); a visitor can buy
        // only the rest. Customer-specific locks are visible only to the browser, so this is the public view.
        const a = await client.getAvailability(id, { includeLockInformation: true });
        return { available: Math.max(0, a.available - a.locked), capacity: a.capacity };
      },
    });
  }
  return globalForAvailability.__availabilityCache;
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
  const live = needLive.length ? await availabilityCache().getMany(needLive) : new Map<string, LiveCounts | null>();
  const out: Record<string, AvailabilityView> = {};
  for (const id of ids) out[id] = availabilityState(byId.get(id) ?? null, live.get(id) ?? null, { now, threshold });
  return out;
}
