import { formatRun } from "@/lib/events/format";
import type { ListingEvent } from "@/lib/events/types";
import { routes } from "@/lib/routes";
import type { EventCardText } from "./event-card-body";

// Server side only by use (the listing card and the editors' static card): kept out of event-card-body.tsx so
// the date formatting never rides into the card's client bundle.
/** A listed event's card text: its dates formatted in the venue's time zone, plain fields for the markup. */
export function cardText(event: ListingEvent, timeZone: string, headingLevel: 2 | 3): EventCardText {
  return {
    href: routes.event(event.slug),
    title: event.title,
    genre: event.genre,
    firstAt: event.firstAt,
    run: formatRun(new Date(event.firstAt), new Date(event.lastAt), timeZone),
    performanceCount: event.performanceCount,
    venues: event.venues.join(", "),
    excerpt: event.excerpt,
    headingLevel,
  };
}
