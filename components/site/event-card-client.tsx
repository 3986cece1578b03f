"use client";

import type { ImageRef } from "@/lib/events/types";
import { EventCardBody, type EventCardText } from "./event-card-body";
import { EventImage } from "./event-image-client";

/**
 * The markup of an event card, rendered from plain fields. It is a client component only for the page weight:
 * a page carries its server components' whole element tree in the RSC payload, but a client component's props
 * alone, and what's on shows 18 cards. Dates are formatted by the server (`EventCard`), so the browser's own
 * date formatting can never disagree with the HTML. Styles: the `.event-card*` classes in globals.css.
 */
export function EventCardView({
  image,
  priority = false,
  ...text
}: EventCardText & { image: ImageRef | null; priority?: boolean }) {
  return (
    <article className="event-card">
      <div className="event-card-media">
        <EventImage
          image={image}
          title={text.title}
          decorative
          priority={priority}
          sizes="(min-width: 1024px) 24rem, (min-width: 640px) 50vw, 100vw"
        />
      </div>
      <EventCardBody {...text} />
    </article>
  );
}
