/**
 * Names for the ids in a basket: the Spektrix basket carries only ids, so the basket page asks the site for
 * event titles, dates and venues (from the synced store, falling back to Spektrix) and for fund, membership
 * and stock-item names (from the cached catalogue).
 */
import { inArray, eq } from "drizzle-orm";
import { z } from "zod";
import { activeConnection } from "@/lib/connection";
import { errorText, logger } from "@/lib/log/logger.mjs";
import { isSpektrixId } from "@/lib/spektrix";
import { createCatalogueReader } from "@/lib/spektrix/owner";
import { attempt, LIMITS, sharedRateLimiter } from "@/lib/rate-limit";
import { loadFunds, loadMembershipTypes, loadMerchandise, loadTicketTypes } from "./catalogue";
import type { ItemNames } from "@/lib/basket/lines";

export interface PerformanceLabel {
  title: string;
  slug: string | null;
  startLocal: string | null;
  venue: string | null;
}

export interface BasketLabels {
  performances: Record<string, PerformanceLabel>;
  /** Ticket-type names from the labelled performances' price lists ("Adult", "Concession"). */
  ticketTypes: Record<string, string>;
  funds: Record<string, string>;
  memberships: Record<string, string>;
  merchandise: Record<string, string>;
}

/** A basket holds at most a few dozen performances; a longer list, or anything that is not an id, is a bad request. */
const MAX_IDS = 50;
const idList = z
  .string()
  .max(MAX_IDS * 40)
  .optional()
  .transform((s) => (s ? s.split(",").filter((id) => id !== "") : []))
  .pipe(z.array(z.string().refine(isSpektrixId, "not a Spektrix id")).max(MAX_IDS));

export const labelsQuerySchema = z.object({ performances: idList });

async function performanceLabelsFromStore(ids: string[]): Promise<Record<string, PerformanceLabel>> {
  if (!ids.length) return {};
  const { getDb, schema } = await import("@/lib/db");
  const db = await getDb();
  const rows = await db
    .select({
      id: schema.performances.sourceId,
      title: schema.events.title,
      titleOverride: schema.performances.titleOverride,
      slug: schema.events.slug,
      startLocal: schema.performances.startLocal,
      venue: schema.venues.name,
    })
    .from(schema.performances)
    .innerJoin(schema.events, eq(schema.performances.eventId, schema.events.id))
    .leftJoin(schema.venues, eq(schema.performances.venueId, schema.venues.id))
    .where(inArray(schema.performances.sourceId, ids));
  return Object.fromEntries(
    rows.map((r) => [
      r.id,
      { title: r.titleOverride ?? r.title, slug: r.slug, startLocal: r.startLocal, venue: r.venue },
    ]),
  );
}

/** At most this many unknown ids are looked up in Spektrix per request. */
const MAX_SPEKTRIX_LOOKUPS = 10;

/**
 * Whether `count` more Spektrix look-ups are within this address's allowance (`LIMITS.basketLabelLookups`). The
 * route is public and each look-up is an owner-signed call, so a script cycling made-up ids must not drive the
 * venue's API. A limiter that cannot answer allows nothing: the lines then read "Tickets".
 */
async function mayAskSpektrix(ip: string, count: number): Promise<boolean> {
  try {
    return (await attempt(sharedRateLimiter(LIMITS.basketLabelLookups), ip, count)).allowed;
  } catch {
    return false;
  }
}

async function performanceLabelsFromSpektrix(ids: string[], ip: string): Promise<Record<string, PerformanceLabel>> {
  ids = ids.slice(0, MAX_SPEKTRIX_LOOKUPS);
  if (!ids.length || !(await mayAskSpektrix(ip, ids.length))) return {};
  const connection = await activeConnection();
  // Owner mode, with the web's view: a box-office-only performance gets no label, as the store would give none.
  const client = createCatalogueReader({
    baseUrl: connection.baseUrl,
    clientName: connection.clientName,
    owner: connection.owner,
    timeoutMs: 4_000,
    // One retry: a kept-alive connection that the server closed while idle resets on reuse, and these are GETs.
    retries: 1,
  });
  const out: Record<string, PerformanceLabel> = {};
  await Promise.all(
    ids.map(async (id) => {
      try {
        const performance = await client.getPerformance(id);
        const event = await client.getEvent(performance.eventId);
        out[id] = { title: event.name, slug: null, startLocal: performance.startLocal, venue: null };
      } catch {
        // Unknown here too: the page shows "Tickets" with the date it has.
      }
    }),
  );
  return out;
}

const byId = <T extends { id: string; name: string }>(r: { ok: true; items: T[] } | { ok: false }) =>
  r.ok ? Object.fromEntries(r.items.map((x) => [x.id, x.name])) : {};

/**
 * Fund, membership and stock-item names from the cached catalogue; a list Spektrix cannot give is empty. Never
 * rejects (pages start it beside their own reads and may return before awaiting it): names are only a nicety.
 */
export async function loadItemNames(): Promise<ItemNames> {
  try {
    const [funds, memberships, merchandise] = await Promise.all([
      loadFunds(),
      loadMembershipTypes(),
      loadMerchandise(),
    ]);
    return { funds: byId(funds), memberships: byId(memberships), merchandise: byId(merchandise) };
  } catch (error) {
    logger("spektrix-flows").warn({ error: errorText(error) }, "item names unavailable");
    return { funds: {}, memberships: {}, merchandise: {} };
  }
}

/** @param ip the asking visitor's address (lib/security/client-ip), which the Spektrix fallback is limited by. */
export async function basketLabels(performanceIds: string[], ip: string): Promise<BasketLabels> {
  let performances: Record<string, PerformanceLabel> = {};
  try {
    performances = await performanceLabelsFromStore(performanceIds);
  } catch (error) {
    logger("spektrix-flows").warn({ error: errorText(error) }, "basket labels: store unavailable");
  }
  const missing = performanceIds.filter((id) => !performances[id]);
  const [fromSpektrix, names] = await Promise.all([performanceLabelsFromSpektrix(missing, ip), loadItemNames()]);
  const labelled = { ...fromSpektrix, ...performances };
  // Only performances that exist (in the store or in Spektrix) are looked up, a basket's worth at most.
  // Without a list a line still reads, by its seat alone.
  const typeLists = await Promise.all(Object.keys(labelled).slice(0, 10).map(loadTicketTypes));
  return {
    performances: labelled,
    ticketTypes: Object.assign({}, ...typeLists.map(byId)) as Record<string, string>,
    ...names,
  };
}
