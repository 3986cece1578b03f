"use client";

import type { ReactNode } from "react";
import type { ImageRef } from "@/lib/events/types";
import { EventCardBody } from "./event-card-body";
import { EventImage } from "./event-image-client";

/**
 * The markup of an event card, rendered from plain fields. It is a client component only for the page weight:
 * a page carries its server components' whole element tree in the RSC payload, but a client component's props
 * alone, and what's on shows 18 cards. Dates are formatted by the server (`EventCard`), so the browser's own
 * date formatting can never disagree with the HTML. Styles: the `.event-card*` classes in globals.css.
 */
export function EventCardView({
  href,
  title,
  genre,
  image,
  firstAt,
  run,
  performanceCount,
  venues,
  excerpt,
  badges,
  headingLevel,
  priority = false,
}: {
  href: string;
  title: string;
  genre: string | null;
  image: ImageRef | null;
  firstAt: string;
  /** "24 Oct – 2 Nov 2025", in the venue's time zone. */
  run: string;
  performanceCount: number;
  venues: string;
  excerpt: string;
  /** Access badges, rendered by the server. */
  badges?: ReactNode;
  headingLevel: 2 | 3;
  priority?: boolean;
}) {
  return (
    <article className="event-card">
      <div className="event-card-media">
        <EventImage
          image={image}
          title={title}
          genre={genre}
          decorative
          priority={priority}
          sizes="(min-width: 1024px) 24rem, (min-width: 640px) 50vw, 100vw"
        />
      </div>
      <EventCardBody
        href={href}
        title={title}
        genre={genre}
        firstAt={firstAt}
        run={run}
        performanceCount={performanceCount}
        venues={venues}
        excerpt={excerpt}
        badges={badges}
        headingLevel={headingLevel}
      />
    </article>
  );
}
