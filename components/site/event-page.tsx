import { SiteLink } from "@/components/site/site-link-client";
import { ListingLink } from "@/components/site/whats-on/listing-link";
import { EventCard } from "@/components/site/event-card";
import { EventImage } from "@/components/site/event-image-client";
import { JsonLd } from "@/components/site/json-ld";
import { PerformanceList } from "@/components/site/performance-list";
import { DEFAULT_FILTERS, filtersHref, isGenreValue } from "@/lib/events/filters";
import { formatDuration, formatFromPrice, formatRun } from "@/lib/events/format";
import type { EventDetail, ListingEvent } from "@/lib/events/types";
import type { splitShared } from "@/lib/seo/json-ld";
import { routes } from "@/lib/routes";

/**
 * An event's page body: hero, status banner, description, dates and related events. The public route and the
 * studio preview both render it, so an editor previews exactly what visitors will get.
 */
export function EventPageView({
  event,
  related,
  timeZone,
  jsonLd,
}: {
  event: EventDetail;
  related: ListingEvent[];
  timeZone: string;
  jsonLd?: ReturnType<typeof splitShared>;
}) {
  const upcoming = event.performances;
  const venues = [...new Map(upcoming.filter((p) => p.venue).map((p) => [p.venue!.name, p.venue!])).values()];
  const cancelledCount = upcoming.filter((p) => p.cancelled).length;
  const fromPrice = formatFromPrice(upcoming);
  const rescheduledCount = upcoming.filter((p) => p.rescheduled && !p.cancelled).length;
  const hasAbout =
    Boolean(event.bodyHtml) || event.summaryParagraphs.length > 0 || event.credits.length > 0 || !!event.trailerUrl;
  const duration = formatDuration(event.durationMinutes);

  return (
    <article>
      {jsonLd?.own.length ? <JsonLd shared={jsonLd.shared} entries={jsonLd.own} /> : null}

      <header className="relative bg-stage text-paper">
        <div className="container-page grid grid-cols-1 gap-8 py-8 md:grid-cols-[minmax(0,1.1fr)_minmax(0,1fr)] md:items-end md:gap-12 md:py-14">
          <div className="relative order-first aspect-[3/2] overflow-hidden rounded-card bg-ink shadow-2xl md:order-last md:aspect-[4/3]">
            <EventImage
              image={event.image}
              title={event.title}
              sizes="(min-width: 768px) 40rem, 100vw"
              priority
              size="hero"
            />
          </div>
          <div>
            <nav aria-label="Breadcrumb" className="text-sm text-paper/70">
              <SiteLink href={routes.whatsOn} className="underline-offset-4 hover:text-paper hover:underline">
                What’s on
              </SiteLink>
              {/* A genre the listing cannot filter by (isGenreValue) would only redirect to everything. */}
              {event.genre && isGenreValue(event.genre) ? (
                <>
                  <span aria-hidden> / </span>
                  <ListingLink
                    href={filtersHref(routes.whatsOn, DEFAULT_FILTERS, { genre: event.genre })}
                    className="underline-offset-4 hover:text-paper hover:underline"
                  >
                    {event.genre}
                  </ListingLink>
                </>
              ) : null}
            </nav>
            <h1 className="mt-4 text-4xl font-semibold leading-[1.05] md:text-6xl">{event.title}</h1>
            {event.subtitle ? <p className="mt-3 text-xl text-paper/80">{event.subtitle}</p> : null}
            <dl className="mt-6 grid grid-cols-[auto_1fr] gap-x-5 gap-y-2 text-[0.95rem]">
              {upcoming.length ? (
                <>
                  <dt className="eyebrow pt-0.5 text-gold">Dates</dt>
                  <dd>{formatRun(new Date(upcoming[0]!.startsAt), new Date(upcoming.at(-1)!.startsAt), timeZone)}</dd>
                </>
              ) : null}
              {fromPrice ? (
                <>
                  <dt className="eyebrow pt-0.5 text-gold">Tickets</dt>
                  <dd data-testid="from-price">{fromPrice}</dd>
                </>
              ) : null}
              {venues.length ? (
                <>
                  <dt className="eyebrow pt-0.5 text-gold">Venue</dt>
                  <dd>{venues.map((v) => v.name).join(", ")}</dd>
                </>
              ) : null}
              {duration ? (
                <>
                  <dt className="eyebrow pt-0.5 text-gold">Running time</dt>
                  <dd>{duration}</dd>
                </>
              ) : null}
              {event.ageGuidance ? (
                <>
                  <dt className="eyebrow pt-0.5 text-gold">Age guidance</dt>
                  <dd>{event.ageGuidance}</dd>
                </>
              ) : null}
            </dl>
            {upcoming.some((p) => !p.cancelled) ? (
              <a href="#performances" className="btn btn-primary mt-8 !bg-gold !text-stage hover:!bg-gold-bright">
                Dates and tickets
              </a>
            ) : null}
          </div>
        </div>
      </header>

      <StatusBanner event={event} cancelledCount={cancelledCount} rescheduledCount={rescheduledCount} />

      {/* No description yet: the dates take the whole width rather than sit beside placeholder copy. */}
      <div
        className={
          hasAbout
            ? "container-page grid grid-cols-1 gap-12 py-12 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.15fr)] lg:gap-16 lg:py-16"
            : "container-page grid max-w-4xl grid-cols-1 gap-12 py-12 lg:py-16"
        }
      >
        {hasAbout ? (
          <section aria-labelledby="about" className="min-w-0">
            <h2 id="about" className="text-3xl font-semibold">
              About the show
            </h2>
            {event.bodyHtml ? (
              <div
                className="prose-venue mt-5 max-w-prose text-[1.05rem] leading-relaxed text-ink"
                dangerouslySetInnerHTML={{ __html: event.bodyHtml }}
              />
            ) : event.summaryParagraphs.length ? (
              <div className="prose-venue mt-5 max-w-prose text-[1.05rem] leading-relaxed text-ink">
                {event.summaryParagraphs.map((p, i) => (
                  <p key={i}>{p}</p>
                ))}
              </div>
            ) : null}
            {event.trailerUrl ? (
              <p className="mt-6">
                <a
                  href={event.trailerUrl}
                  className="btn btn-ghost text-brand"
                  target="_blank"
                  rel="noopener noreferrer"
                  data-testid="trailer"
                >
                  Watch the trailer<span className="sr-only"> (opens in a new tab)</span>
                </a>
              </p>
            ) : null}
            {event.credits.length ? (
              <section aria-labelledby="credits" className="mt-10">
                <h3 id="credits" className="text-2xl font-semibold">
                  Cast and creative
                </h3>
                <dl className="mt-4 grid grid-cols-[minmax(0,auto)_minmax(0,1fr)] gap-x-6 gap-y-2 text-[1.02rem]">
                  {event.credits.map((c, i) => (
                    <div key={i} className="contents">
                      <dt className="text-ink-soft">{c.role ?? ""}</dt>
                      <dd className="font-medium text-ink">{c.name}</dd>
                    </div>
                  ))}
                </dl>
              </section>
            ) : null}
          </section>
        ) : null}

        <section aria-labelledby="performances-heading" id="performances" className="min-w-0 scroll-mt-24">
          <div className="flex flex-wrap items-end justify-between gap-3">
            <h2 id="performances-heading" className="text-3xl font-semibold">
              Dates and tickets
            </h2>
            {upcoming.length ? (
              <a
                href={routes.api.eventCalendar(event.slug)}
                className="text-sm font-semibold text-brand underline underline-offset-4"
              >
                Add all dates to calendar (.ics)
              </a>
            ) : null}
          </div>
          <p className="mt-2 text-sm text-ink-soft">Times are local to the venue. Seat availability updates live.</p>
          <div className="mt-5">
            {upcoming.length ? (
              <PerformanceList performances={upcoming} timeZone={timeZone} showVenue={venues.length > 1} />
            ) : (
              <p className="rounded-card border border-dashed border-line bg-white/60 p-6 text-ink-soft">
                This run has finished{event.pastPerformanceCount ? "" : ", or dates are still to be announced"}.{" "}
                <SiteLink href={routes.whatsOn} className="font-semibold text-brand underline underline-offset-4">
                  See what else is on
                </SiteLink>
                .
              </p>
            )}
          </div>
        </section>
      </div>

      {related.length ? (
        <section aria-labelledby="related" className="border-t border-line bg-paper-deep/50">
          <div className="container-page py-12 md:py-16">
            <h2 id="related" className="text-3xl font-semibold">
              You might also like
            </h2>
            <ul className="mt-6 grid grid-cols-1 gap-6 sm:grid-cols-2 lg:grid-cols-3">
              {related.map((r) => (
                <li key={r.slug}>
                  <EventCard event={r} timeZone={timeZone} headingLevel={3} />
                </li>
              ))}
            </ul>
          </div>
        </section>
      ) : null}
    </article>
  );
}

function StatusBanner({
  event,
  cancelledCount,
  rescheduledCount,
}: {
  event: EventDetail;
  cancelledCount: number;
  rescheduledCount: number;
}) {
  if (!event.cancelled && !cancelledCount && !rescheduledCount) return null;
  const allCancelled = event.cancelled;
  const message = allCancelled
    ? "This event has been cancelled. If you have tickets, the box office will contact you about a refund."
    : [
        cancelledCount
          ? `${cancelledCount === 1 ? "One performance has" : `${cancelledCount} performances have`} been cancelled.`
          : "",
        rescheduledCount
          ? `${rescheduledCount === 1 ? "One performance has" : `${rescheduledCount} performances have`} moved to a new date.`
          : "",
        "Ticket holders will be contacted by the box office.",
      ]
        .filter(Boolean)
        .join(" ");
  return (
    <div role="status" className={allCancelled ? "bg-danger text-white" : "bg-warning-tint text-warning-deep"}>
      <div className="container-page flex items-start gap-3 py-4">
        <span
          aria-hidden
          className="mt-0.5 inline-flex size-6 shrink-0 items-center justify-center rounded-full border-2 border-current text-sm font-bold"
        >
          !
        </span>
        <p className="font-medium">
          <strong className="font-semibold">{allCancelled ? "Cancelled. " : "Changes to this run. "}</strong>
          {message}
        </p>
      </div>
    </div>
  );
}
