/**
 * The one way JSON-LD gets onto a page. `serializeJsonLd` escapes every character that could end the
 * <script> element or confuse an HTML parser, so a title such as `</script><script>alert(1)</script>` stays
 * data. Builders return `schema-dts` types, so the shapes are checked by the compiler.
 */
import { publicConfig } from "@/lib/config/public";
import type { EventStatusType, ItemAvailability, Offer, Person, Place, TheaterEvent, WithContext } from "schema-dts";
import { creditsForSearch, type Credit } from "@/lib/events/credits";
import { isoWithOffset } from "@/lib/events/dates";
import { venuePlace } from "@/lib/events/place";
import type { EventDetail, PerformanceView } from "@/lib/events/types";

const ESCAPES: Record<string, string> = {
  "<": "\\u003c",
  ">": "\\u003e",
  "&": "\\u0026",
  "\u2028": "\\u2028",
  "\u2029": "\\u2029",
};

/** JSON safe to place inside `<script type="application/ld+json">`. */
export function serializeJsonLd(data: WithContext<TheaterEvent> | WithContext<TheaterEvent>[] | object): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (c) => ESCAPES[c]!);
}

export interface JsonLdSite {
  name: string;
  url: string;
  timeZone: string;
  address: string;
}

function place(perf: PerformanceView, site: JsonLdSite): Place {
  const { name, address } = perf.venue ? venuePlace(perf.venue, site) : site;
  return { "@type": "PerformingArtsTheater", name, address: { "@type": "PostalAddress", streetAddress: address } };
}

function availabilityOf(perf: PerformanceView, now: Date): ItemAvailability {
  if (perf.cancelled) return "https://schema.org/Discontinued";
  if (perf.sellFrom && new Date(perf.sellFrom) > now) return "https://schema.org/PreSale";
  if (!perf.isOnSale || (perf.sellUntil && new Date(perf.sellUntil) <= now)) return "https://schema.org/SoldOut";
  // Seat counts are live data and never go into cached HTML; "in stock" means tickets are on sale.
  return "https://schema.org/InStock";
}

function statusOf(perf: PerformanceView, eventCancelled: boolean): EventStatusType {
  if (perf.cancelled || eventCancelled) return "https://schema.org/EventCancelled";
  if (perf.rescheduled) return "https://schema.org/EventRescheduled";
  return "https://schema.org/EventScheduled";
}

/** One `TheaterEvent` per performance, as Google's event guidelines ask (one entry per date). */
/** Cast and creative as schema.org people: directors and performers (lib/events/credits.ts says which). */
function people(credits: readonly Credit[]): { director?: Person[]; performer?: Person[] } {
  const { directors, performers } = creditsForSearch(credits);
  const person = (name: string): Person => ({ "@type": "Person", name });
  return {
    ...(directors.length ? { director: directors.map(person) } : {}),
    ...(performers.length ? { performer: performers.map(person) } : {}),
  };
}

export function performanceJsonLd(
  event: Pick<EventDetail, "title" | "description" | "image" | "durationMinutes" | "cancelled" | "slug"> &
    Partial<Pick<EventDetail, "credits">>,
  perf: PerformanceView,
  options: { site: JsonLdSite; eventUrl: string; bookUrl: string; now: Date },
): WithContext<TheaterEvent> {
  const { site } = options;
  const start = new Date(perf.startsAt);
  const offer: Offer = {
    "@type": "Offer",
    url: options.bookUrl,
    availability: availabilityOf(perf, options.now),
    ...(perf.sellFrom ? { validFrom: isoWithOffset(new Date(perf.sellFrom), site.timeZone) } : {}),
    // The lowest price, as search engines ask for one (the amounts Spektrix sends are in the venue's currency).
    ...(perf.fromPrice !== null ? { price: perf.fromPrice, priceCurrency: publicConfig.currency } : {}),
  };
  return {
    "@context": "https://schema.org",
    "@type": "TheaterEvent",
    name: perf.label ? `${event.title}: ${perf.label}` : event.title,
    url: options.eventUrl,
    startDate: isoWithOffset(start, site.timeZone),
    ...(event.durationMinutes
      ? { endDate: isoWithOffset(new Date(start.getTime() + event.durationMinutes * 60_000), site.timeZone) }
      : {}),
    ...(perf.rescheduled?.from
      ? { previousStartDate: isoWithOffset(new Date(perf.rescheduled.from), site.timeZone) }
      : {}),
    eventStatus: statusOf(perf, event.cancelled),
    // A streamed show is watched where the visitor is: Google's event guidelines ask for the online mode and a
    // virtual location (the page that sells it), never the building's address.
    ...(perf.venue?.online
      ? {
          eventAttendanceMode: "https://schema.org/OnlineEventAttendanceMode",
          location: { "@type": "VirtualLocation", url: options.eventUrl },
        }
      : { eventAttendanceMode: "https://schema.org/OfflineEventAttendanceMode", location: place(perf, site) }),
    ...(event.description ? { description: event.description } : {}),
    ...(event.image ? { image: [event.image.url] } : {}),
    organizer: { "@type": "Organization", name: site.name, url: site.url },
    ...people(event.credits ?? []),
    offers: offer,
  };
}

/**
 * Splits entries into the fields every entry has with an equal value and each entry's own fields, so that
 * `{ ...shared, ...own[i] }` is `entries[i]` again. A page with one event per performance sends the shared
 * fields (title, place, organiser…) to the browser once instead of once per performance.
 */
export function splitShared(entries: readonly object[]): {
  shared: Record<string, unknown>;
  own: Record<string, unknown>[];
} {
  const records = entries as readonly Record<string, unknown>[];
  const [first, ...rest] = records;
  if (!first) return { shared: {}, own: [] };
  const json = (v: unknown) => JSON.stringify(v);
  const sharedKeys = new Set(
    Object.keys(first).filter((k) => rest.every((e) => Object.hasOwn(e, k) && json(e[k]) === json(first[k]))),
  );
  const shared = Object.fromEntries(Object.entries(first).filter(([k]) => sharedKeys.has(k)));
  const own = records.map((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !sharedKeys.has(k))));
  return { shared, own };
}
