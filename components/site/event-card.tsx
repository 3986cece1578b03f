import type { ListingEvent } from "@/lib/events/types";
import { formatRun } from "@/lib/events/format";
import { routes } from "@/lib/routes";
import { AccessBadges } from "./access-badges";
import { EventCardView } from "./event-card-client";

/** A listing card: formats the event's dates in the venue's time zone and hands plain fields to the card's markup. */
export function EventCard({
  event,
  timeZone,
  headingLevel = 2,
  priority = false,
}: {
  event: ListingEvent;
  timeZone: string;
  headingLevel?: 2 | 3;
  priority?: boolean;
}) {
  return (
    <EventCardView
      href={routes.event(event.slug)}
      title={event.title}
      genre={event.genre}
      image={event.image}
      firstAt={event.firstAt}
      run={formatRun(new Date(event.firstAt), new Date(event.lastAt), timeZone)}
      performanceCount={event.performanceCount}
      venues={event.venues.join(", ")}
      excerpt={event.excerpt}
      headingLevel={headingLevel}
      // Left out when empty: each prop given here is written into the page's RSC payload, once per card.
      {...(event.access.length ? { badges: <AccessBadges flags={event.access} size="sm" /> } : {})}
      {...(priority ? { priority } : {})}
    />
  );
}
