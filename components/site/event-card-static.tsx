import type { ListingEvent } from "@/lib/events/types";
import { EventCardBody } from "./event-card-body";
import { cardText } from "./event-card-text";
import { Poster } from "./poster";

/**
 * An event card rendered wholly by the server, for an editor's event block: the listing card's look (the same
 * `.event-card*` classes and body) without its client image code, which would weigh on every editor page for
 * the few that show an event. The image sits over the poster; one that fails to load (empty alt) shows nothing,
 * leaving the poster.
 */
export function StaticEventCard({ event, timeZone }: { event: ListingEvent; timeZone: string }) {
  return (
    <article className="event-card">
      <div className="event-card-media">
        <Poster title={event.title} />
        {event.image ? (
          // eslint-disable-next-line @next/next/no-img-element -- a plain image keeps next/image's client code off the page
          <img
            src={event.image.url}
            alt=""
            loading="lazy"
            decoding="async"
            className="absolute inset-0 h-full w-full object-cover"
          />
        ) : null}
      </div>
      <EventCardBody {...cardText(event, timeZone, 3)} />
    </article>
  );
}
