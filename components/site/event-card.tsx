import type { ListingEvent } from "@/lib/events/types";
import { AccessBadges } from "./access-badges";
import { cardText } from "./event-card-text";
import { EventCardView } from "./event-card-client";

/** A listing card: the event's card text (./event-card-body) and its image, as plain fields for the markup. */
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
      {...cardText(event, timeZone, headingLevel)}
      image={event.image}
      // Left out when empty: each prop given here is written into the page's RSC payload, once per card.
      {...(event.access.length ? { badges: <AccessBadges flags={event.access} size="sm" /> } : {})}
      {...(priority ? { priority } : {})}
    />
  );
}
