import Link from "next/link";
import type { ListingEvent } from "@/lib/events/types";
import { formatRun } from "@/lib/events/format";
import { routes } from "@/lib/site";
import { AccessBadges } from "./access-badges";
import { EventImage } from "./event-image-client";

export function EventCard({ event, timeZone, headingLevel = 2, priority = false }: { event: ListingEvent; timeZone: string; headingLevel?: 2 | 3; priority?: boolean }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const run = formatRun(new Date(event.firstAt), new Date(event.lastAt), timeZone);
  return (
    <article className="group relative flex h-full flex-col has-[a:focus-visible]:outline-3 has-[a:focus-visible]:outline-offset-2 has-[a:focus-visible]:outline-gold overflow-hidden rounded-card border border-line bg-white shadow-[0_1px_0_rgba(27,19,32,0.04)] transition hover:-translate-y-0.5 hover:shadow-[0_12px_30px_-12px_rgba(27,19,32,0.35)]">
      <div className="relative aspect-[3/2] overflow-hidden bg-stage">
        <EventImage image={event.image} title={event.title} genre={event.genre} decorative priority={priority} sizes="(min-width: 1024px) 24rem, (min-width: 640px) 50vw, 100vw" />
      </div>
      <div className="flex flex-1 flex-col gap-2 p-5">
        {event.genre ? <p className="eyebrow text-brand">{event.genre}</p> : null}
        <Heading className="font-display text-[1.35rem] font-semibold leading-snug">
          <Link href={routes.event(event.slug)} className="after:absolute after:inset-0 after:content-['']">
            {event.title}
          </Link>
        </Heading>
        <p className="text-[0.95rem] font-medium text-ink">
          <time dateTime={event.firstAt}>{run}</time>
          {event.performanceCount > 1 ? <span className="text-ink-soft"> · {event.performanceCount} performances</span> : null}
        </p>
        {event.venues.length ? <p className="text-sm text-ink-soft">{event.venues.join(", ")}</p> : null}
        {event.excerpt ? <p className="line-clamp-3 text-sm leading-relaxed text-ink-soft">{event.excerpt}</p> : null}
        {event.access.length ? (
          <div className="mt-auto pt-2">
            <AccessBadges flags={event.access} size="sm" />
          </div>
        ) : null}
      </div>
    </article>
  );
}
