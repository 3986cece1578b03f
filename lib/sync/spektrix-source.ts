import {
  mapWithConcurrency,
  SpektrixHttpError,
  type Event,
  type Performance,
  type SpektrixCatalogue,
} from "@/lib/spektrix";
// Not through `@/lib/spektrix/owner`: the sync also runs from the CLI (tsx), outside the react-server condition.
import { createCatalogueReader } from "@/lib/spektrix/catalogue-reader";
import type { OwnerCredentials } from "@/lib/spektrix/owner-client";
import type { SourceEvent, SourcePerformance, SyncSource } from "./source";
import type { SpektrixConnection } from "@/lib/connection/resolve";

/**
 * The engine's `SyncSource` over the typed Spektrix client. It turns the client's domain types back into
 * Spektrix's field names (what sync maps are written in), resolves each performance's venue through its plan and
 * its "from" price through its price list. [A] The sync reads in owner mode, whose price lists may name ticket
 * types a venue does not sell on the web; the lowest paid price is what venues print as "from".
 */

export interface SpektrixSourceOptions {
  baseUrl: string;
  clientName: string;
  /** The sync reads in owner mode (signed): a server's web-mode calls are likely to be bot-blocked by Spektrix. */
  owner: OwnerCredentials;
  timeoutMs?: number;
  /** Retries per GET on 5xx, 429 and timeouts (the client's default is 2). */
  retries?: number;
  /** At most this many plan look-ups at once (the window fetches are limited by the engine). */
  concurrency?: number;
  /** Clock for the signed `Date` header (tests against an emulator with a fixed clock). */
  now?: () => Date;
  /** A catalogue to use instead of the owner-mode reader (tests). */
  catalogue?: SpektrixCatalogue;
}

/** An event in the names sync maps are written in (Spektrix's own). */
export function toSourceEvent(e: Event): SourceEvent {
  const out: SourceEvent = {
    id: e.id,
    name: e.name,
    description: e.description,
    htmlDescription: e.htmlDescription,
    duration: e.durationMinutes,
    imageUrl: e.imageUrl,
    thumbnailUrl: e.thumbnailUrl,
    altText: e.altText,
    isOnSale: e.isOnSale,
    instanceDates: e.instanceDates,
    webEventId: e.webEventId,
    firstInstanceDateTime: e.firstPerformanceLocal,
    lastInstanceDateTime: e.lastPerformanceLocal,
    firstInstanceDateTimeUtc: e.firstPerformanceUtc,
    lastInstanceDateTimeUtc: e.lastPerformanceUtc,
  };
  for (const [name, value] of Object.entries(e.attributes)) out[`attribute_${name}`] = value;
  return out;
}

/** The "from" price of a price list's amounts (see SourcePerformance.fromPrice). */
export function fromPriceOf(amounts: readonly number[]): number | null {
  if (amounts.length === 0) return null;
  const paid = amounts.filter((a) => a > 0);
  return paid.length ? Math.min(...paid) : 0;
}

/** A performance in Spektrix's own names; the venue and "from" price are the adapter's, when it read them. */
export function toSourcePerformance(
  p: Performance,
  venueId: string | null = null,
  fromPrice: number | null = null,
): SourcePerformance {
  const out: SourcePerformance = {
    id: p.id,
    eventId: p.eventId,
    start: p.startLocal,
    startUtc: p.startUtc,
    startSellingAtWebUtc: p.startSellingAtWebUtc,
    stopSellingAtWebUtc: p.stopSellingAtWebUtc,
    isOnSale: p.isOnSale,
    cancelled: p.cancelled,
    planId: p.planId,
    priceListId: p.priceListId,
    webInstanceId: p.webInstanceId,
    venueId,
    fromPrice,
  };
  for (const [name, value] of Object.entries(p.attributes)) out[`attribute_${name}`] = value;
  return out;
}

const day = (d: Date) => d.toISOString().slice(0, 10);

export function createSpektrixSource(options: SpektrixSourceOptions): SyncSource {
  const catalogue =
    options.catalogue ??
    createCatalogueReader({
      baseUrl: options.baseUrl,
      clientName: options.clientName,
      owner: options.owner,
      timeoutMs: options.timeoutMs,
      retries: options.retries,
      now: options.now,
    });
  const concurrency = options.concurrency ?? 4;
  /**
   * One read per key per source (one run), shared by every performance that needs it: a record Spektrix no
   * longer has (404) reads as null; any other failure fails the run, and is not remembered.
   */
  const oncePerKey = <T>(read: (key: string, via: string) => Promise<T>) => {
    const reads = new Map<string, Promise<T | null>>();
    return (key: string, via: string = key) => {
      let pending = reads.get(key);
      if (!pending) {
        pending = read(key, via).catch((error: unknown) => {
          if (error instanceof SpektrixHttpError && error.status === 404) return null;
          reads.delete(key);
          throw error;
        });
        reads.set(key, pending);
      }
      return pending;
    };
  };
  // Plans rarely change and there are few of them; a plan names the performance's venue.
  const planVenue = oncePerKey(async (planId) => (await catalogue.getPlan(planId)).venueId);
  // Performances share price lists: each list is read through one performance that uses it.
  const listFromPrice = oncePerKey(async (_priceListId, performanceId) =>
    fromPriceOf((await catalogue.getPriceList(performanceId)).prices.map((price) => price.amount)),
  );

  // Each performance's venue (through its plan) and "from" price (through its price list).
  const withPlanFacts = async (performances: Performance[]): Promise<SourcePerformance[]> => {
    const planIds = [...new Set(performances.map((p) => p.planId).filter((id): id is string => !!id))];
    const venues = new Map<string, string | null>();
    await mapWithConcurrency(planIds, concurrency, async (id: string) => {
      venues.set(id, await planVenue(id));
    });
    const listUser = new Map<string, string>();
    for (const p of performances) if (p.priceListId && !listUser.has(p.priceListId)) listUser.set(p.priceListId, p.id);
    const prices = new Map<string, number | null>();
    await mapWithConcurrency([...listUser], concurrency, async ([listId, performanceId]: [string, string]) => {
      prices.set(listId, await listFromPrice(listId, performanceId));
    });
    return performances.map((p) =>
      toSourcePerformance(
        p,
        p.planId ? (venues.get(p.planId) ?? null) : null,
        p.priceListId ? (prices.get(p.priceListId) ?? null) : null,
      ),
    );
  };

  return {
    client: options.clientName,
    async fetchEvents(window) {
      const events = await catalogue.listEvents({ from: day(window.from), to: day(window.to) });
      return events.map(toSourceEvent);
    },
    async fetchPerformances(window) {
      return withPlanFacts(await catalogue.listPerformances({ from: day(window.from), to: day(window.to) }));
    },
    async fetchVenues() {
      return (await catalogue.listVenues()).map((v) => ({
        id: v.id,
        name: v.name,
        address: v.address,
        online: v.online,
      }));
    },
    async fetchEvent(id) {
      try {
        return toSourceEvent(await catalogue.getEvent(id));
      } catch (error) {
        if (error instanceof SpektrixHttpError && error.status === 404) return null;
        throw error;
      }
    },
    async fetchEventPerformances(id) {
      return withPlanFacts(await catalogue.listEventPerformances(id));
    },
  };
}

/** The source the site's connection names (lib/connection): Spektrix, or the emulator. */
export function configuredSource(
  connection: Pick<SpektrixConnection, "baseUrl" | "clientName" | "owner">,
  timeoutMs: number,
): SyncSource {
  return createSpektrixSource({
    baseUrl: connection.baseUrl,
    clientName: connection.clientName,
    owner: connection.owner,
    timeoutMs,
  });
}
