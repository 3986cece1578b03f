/**
 * Calendar files (RFC 5545) through the `ics` package: one performance, one event's run, or the whole feed.
 * Times are written in UTC, which every calendar converts to the reader's zone.
 */
import { createEvents, type EventAttributes } from "ics";
import type { FeedPerformance } from "@/lib/events/queries";
import { localDateOf } from "@/lib/events/dates";
import { venuePlace } from "@/lib/events/place";
import { slugify } from "@/lib/text/slug";
import type { VenueRef } from "@/lib/events/types";
import { routes } from "@/lib/routes";

export interface IcsSite {
  name: string;
  url: string;
  address: string;
}

/** Running time assumed when Spektrix has none, so calendar entries are not zero-length. */
const DEFAULT_MINUTES = 120;

function utcArray(iso: string): [number, number, number, number, number] {
  const d = new Date(iso);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()];
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return "storefront";
  }
}

/**
 * Where a calendar entry sends its reader: the venue and where it is (`venuePlace`), the theatre when there is no
 * venue, or for a streamed show, online at `pageUrl`, never the building.
 */
export function calendarLocation(venue: VenueRef | null, site: Pick<IcsSite, "name" | "address">, pageUrl: string) {
  if (venue?.online) return `Online: ${pageUrl}`;
  const { name, address } = venue ? venuePlace(venue, site) : site;
  return [name, address].filter(Boolean).join(", ");
}

export function performanceToIcs(p: FeedPerformance, site: IcsSite): EventAttributes {
  const url = `${site.url}${routes.event(p.eventSlug)}`;
  const location = calendarLocation(p.venue, site, url);
  return {
    uid: `${p.id}@${hostOf(site.url)}`,
    start: utcArray(p.startsAt),
    startInputType: "utc",
    startOutputType: "utc",
    duration: { minutes: p.durationMinutes ?? DEFAULT_MINUTES },
    title: p.cancelled ? `CANCELLED: ${p.eventTitle}` : p.label ? `${p.eventTitle} (${p.label})` : p.eventTitle,
    description: [p.eventSummary, `Details and tickets: ${url}`].filter(Boolean).join("\n\n"),
    location,
    url,
    status: p.cancelled ? "CANCELLED" : "CONFIRMED",
    busyStatus: "BUSY",
    lastModified: utcArray(p.updatedAt),
    sequence: p.sequence,
    productId: `${hostOf(site.url)}/storefront`,
    calName: site.name,
  };
}

export class IcsError extends Error {}

/** The calendar text for any number of performances (an empty calendar is valid). */
export function buildIcs(performances: FeedPerformance[], site: IcsSite, calName = site.name): string {
  if (!performances.length) {
    // `ics` refuses an empty list; an empty VCALENDAR is still a valid, subscribable feed.
    return [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "CALSCALE:GREGORIAN",
      `PRODID:${hostOf(site.url)}/storefront`,
      "METHOD:PUBLISH",
      `X-WR-CALNAME:${calName}`,
      "END:VCALENDAR",
      "",
    ].join("\r\n");
  }
  const { error, value } = createEvents(
    performances.map((p) => performanceToIcs(p, site)),
    { productId: `${hostOf(site.url)}/storefront`, calName, method: "PUBLISH" },
  );
  if (error || !value) throw new IcsError(error?.message ?? "could not build the calendar");
  return value;
}

/**
 * A one-performance file's name: the show and the venue's date of the performance (`tosca-2026-12-08.ics`). The
 * date is the venue's, not UTC's, which is already tomorrow for every evening show west of Greenwich.
 */
export function performanceIcsFilename(show: string, startUtc: string, timeZone: string): string {
  return `${slugify(show) || "performance"}-${localDateOf(new Date(startUtc), timeZone)}.ics`;
}

/** A calendar file as a download; `cache` is `private` for one customer's own booking. */
export function icsResponse(body: string, filename: string, cache: "public" | "private" = "public"): Response {
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename.replace(/[^a-z0-9._-]+/gi, "-")}"`,
      "Cache-Control":
        cache === "public" ? "public, max-age=0, s-maxage=300, stale-while-revalidate=600" : "private, no-store",
    },
  });
}
