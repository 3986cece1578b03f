import { excerpt, htmlToText } from "@/lib/html/sanitize";
import { EVENT_SOURCE_FIELDS } from "./settings";
import { ATTRIBUTE_PREFIX, type SourceEvent, type SourcePerformance } from "./source";

/**
 * The Spektrix fields the studio's sync-settings pickers offer: the fields the sync reads from events and
 * performances, plus every `attribute_*` the client's current data carries, each with an example value so an
 * editor can tell `attribute_Series` from `attribute_Company` without opening Spektrix. Pure: the records come
 * from the sync's own source adapter, so the names are exactly the ones sync maps and attribute rules read.
 */

/** Performance (instance) fields the sync reads, besides its `attribute_*`. The adapter's derived fields are not Spektrix's. */
export const PERFORMANCE_SOURCE_FIELDS = [
  "id",
  "start",
  "startUtc",
  "startSellingAtWebUtc",
  "stopSellingAtWebUtc",
  "isOnSale",
  "cancelled",
  "planId",
  "priceListId",
  "webInstanceId",
] as const satisfies readonly (keyof SourcePerformance)[];

export interface FieldSample {
  /** As a sync map names it: `name`, `attribute_Genre`. */
  name: string;
  /** The first non-empty value seen, as short plain text; null when every record leaves it empty. */
  example: string | null;
}

export interface FieldCatalogue {
  /** Event fields the sync understands, then the event attributes seen (alphabetical). */
  event: FieldSample[];
  /** Performance fields the sync understands, then the instance attributes seen (alphabetical). */
  performance: FieldSample[];
}

/** Long enough to tell values apart in a one-line option, short enough not to carry a whole description. */
export const EXAMPLE_MAX = 60;

/** A value as an option's example: plain text (venue HTML stripped), one line, cut at a word. */
export function exampleText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "object") return null;
  const raw = String(value);
  const text = excerpt(/<[a-z/!]/i.test(raw) ? htmlToText(raw) : raw, EXAMPLE_MAX);
  return text === "" ? null : text;
}

function samplesOf(records: readonly object[], known: readonly string[]): FieldSample[] {
  const examples = new Map<string, string | null>(known.map((name) => [name, null]));
  const attributes = new Set<string>();
  for (const record of records) {
    for (const [name, value] of Object.entries(record)) {
      const isAttribute = name.startsWith(ATTRIBUTE_PREFIX) && name.length > ATTRIBUTE_PREFIX.length;
      if (!isAttribute && !examples.has(name)) continue;
      if (isAttribute) attributes.add(name);
      if (examples.get(name) == null) examples.set(name, exampleText(value));
    }
  }
  const sorted = [...attributes].sort((a, b) => a.localeCompare(b));
  return [...known, ...sorted].map((name) => ({ name, example: examples.get(name) ?? null }));
}

/** Every field a picker offers, from the records Spektrix sends now. */
export function buildFieldCatalogue(feed: {
  events: readonly SourceEvent[];
  performances: readonly SourcePerformance[];
}): FieldCatalogue {
  return {
    event: samplesOf(feed.events, EVENT_SOURCE_FIELDS),
    performance: samplesOf(feed.performances, PERFORMANCE_SOURCE_FIELDS),
  };
}
