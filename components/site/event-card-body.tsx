import type { ReactNode } from "react";
import { SiteLink } from "@/components/site/site-link-client";

/**
 * The text of an event card (genre, title link, dates, venues, excerpt, badges), shared by the listing card
 * (event-card-client.tsx) and the editor's event block (event-card-static.tsx). No directive: it renders on the
 * server or in the browser, wherever its card does.
 */
export interface EventCardText {
  href: string;
  title: string;
  genre: string | null;
  firstAt: string;
  /** "24 Oct – 2 Nov 2025", in the venue's time zone. */
  run: string;
  performanceCount: number;
  venues: string;
  excerpt: string;
  /** Access badges, rendered by the server. */
  badges?: ReactNode;
  headingLevel: 2 | 3;
}

export function EventCardBody({
  href,
  title,
  genre,
  firstAt,
  run,
  performanceCount,
  venues,
  excerpt,
  badges,
  headingLevel,
}: EventCardText) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
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
  );
}
