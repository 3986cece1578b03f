import type { AttributeValue } from "@/lib/db/schema";

/**
 * What the engine needs from a ticketing system. Records keep Spektrix's field names (`name`,
 * `htmlDescription`, `attribute_Genre`, …) because sync maps are written in those names; an adapter over
 * `lib/spektrix` (see `spektrix-source.ts`) produces them, tests use in-memory fakes.
 */

export interface FetchWindow {
  from: Date;
  to: Date;
}

/** An event as the feed gives it: known fields plus any number of `attribute_<Name>` keys. */
export interface SourceEvent {
  id: string;
  name: string;
  isOnSale?: boolean;
  webEventId?: string | null;
  description?: string | null;
  htmlDescription?: string | null;
  duration?: number | string | null;
  imageUrl?: string | null;
  thumbnailUrl?: string | null;
  altText?: string | null;
  instanceDates?: string | null;
  firstInstanceDateTime?: string | null;
  lastInstanceDateTime?: string | null;
  firstInstanceDateTimeUtc?: string | null;
  lastInstanceDateTimeUtc?: string | null;
  [attribute: `attribute_${string}`]: AttributeValue | undefined;
}

/** A performance (Spektrix "instance") as the feed gives it. */
export interface SourcePerformance {
  id: string;
  eventId: string;
  /** Venue-local wall time, no offset ("2025-10-24T19:30:00"). */
  start: string;
  /** UTC; Spektrix sends it without a `Z`. */
  startUtc?: string | null;
  startSellingAtWebUtc?: string | null;
  stopSellingAtWebUtc?: string | null;
  isOnSale?: boolean;
  cancelled?: boolean;
  planId?: string | null;
  priceListId?: string | null;
  webInstanceId?: string | null;
  /** The venue's Spektrix id, when the adapter could resolve it (through the plan). */
  venueId?: string | null;
  /**
   * The lowest price on its price list (the "from" price), when the adapter read it: the lowest amount above
   * zero, or 0 when every price is 0 (free); null when the list has no prices or Spektrix no longer has it.
   */
  fromPrice?: number | null;
  [attribute: `attribute_${string}`]: AttributeValue | undefined;
}

export interface SourceVenue {
  id: string;
  name: string;
  address?: string | null;
  /** Streamed shows' venue (Spektrix's "Online" address). */
  online?: boolean;
}

export interface SyncSource {
  /** The Spektrix client this feed is from, recorded with each run (the studio's history names it). */
  readonly client?: string;
  /** Events with any performance in the window. Should throw on any transport or parse failure. */
  fetchEvents(window: FetchWindow): Promise<SourceEvent[]>;
  /** Performances starting in the window. */
  fetchPerformances(window: FetchWindow): Promise<SourcePerformance[]>;
  fetchVenues(): Promise<SourceVenue[]>;
  /** One event, or null when the feed no longer has it. */
  fetchEvent(id: string): Promise<SourceEvent | null>;
  fetchEventPerformances(id: string): Promise<SourcePerformance[]>;
}

/** How Spektrix names a venue's own fields on a record: `attribute_Genre`. Client-safe (the studio's pickers). */
export const ATTRIBUTE_PREFIX = "attribute_";

/** The `attribute_*` keys of a record, without the prefix. */
export function attributesOf(record: object): Record<string, AttributeValue> {
  const out: Record<string, AttributeValue> = {};
  for (const [key, value] of Object.entries(record)) {
    if (key.startsWith(ATTRIBUTE_PREFIX) && value !== undefined)
      out[key.slice(ATTRIBUTE_PREFIX.length)] = value as AttributeValue;
  }
  return out;
}
