"use client";

import { SiteLink } from "@/components/site/site-link-client";
import type { ReactNode } from "react";
import type { ImageRef } from "@/lib/events/types";
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
  const Heading = headingLevel === 2 ? "h2" : "h3";
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
      <div className="event-card-body">
        {genre ? <p className="eyebrow text-brand">{genre}</p> : null}
        <Heading className="event-card-title">
          <SiteLink href={href}>{title}</SiteLink>
        </Heading>
        <p className="event-card-run">
          <time dateTime={firstAt}>{run}</time>
          {performanceCount > 1 ? <span className="text-ink-soft"> · {performanceCount} performances</span> : null}
        </p>
        {venues ? <p className="text-sm text-ink-soft">{venues}</p> : null}
        {excerpt ? <p className="event-card-excerpt">{excerpt}</p> : null}
        {badges ? <div className="mt-auto pt-2">{badges}</div> : null}
      </div>
    </article>
  );
}
