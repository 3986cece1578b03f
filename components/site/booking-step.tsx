import { SiteLink } from "@/components/site/site-link-client";
import { BasketPrompt } from "@/components/site/basket-prompt-client";
import { AccessBadges } from "@/components/site/access-badges";
import { AvailabilityBadge } from "@/components/site/availability-badge-client";
import { EventImage } from "@/components/site/event-image-client";
import { SpektrixFlow } from "@/components/spektrix/spektrix-flow";
import type { BookingTarget } from "@/lib/events/queries";
import { SoldOutHelp, SoldOutHelpView } from "@/components/site/sold-out-help-client";
import { hasStarted, saleClosed, type AvailabilityView } from "@/lib/availability/state";
import { formatDayAndTime, formatDuration, formatLongDay, formatTime } from "@/lib/events/format";
import { routes } from "@/lib/routes";
import type { siteInfo } from "@/lib/site";
import { telHref } from "@/lib/text/phone";

/**
 * The booking step for one performance: Spektrix's seat-or-quantity page (ChooseSeats handles both) embedded
 * by the iframe block, whose own link opens the same page when frames are blocked.
 */
export function BookingStep({
  target: { event, performance, otherDates },
  site,
}: {
  target: BookingTarget;
  site: ReturnType<typeof siteInfo>;
}) {
  const start = new Date(performance.startsAt);
  const duration = formatDuration(event.durationMinutes);
  const dates = otherDates.map((d) => ({ ...d, label: formatDayAndTime(new Date(d.startsAt), site.timeZone) }));
  // A performance that has started is past booking for good: no ticket frame, its reason and other dates instead.
  // Off sale or not yet on sale is what the synced facts said (minutes old, on a page rendered again within a
  // minute): the page says so in place of "choose your tickets below", and Spektrix's frame stays, so a sale the
  // box office has opened since (an on-sale moment) is there to buy.
  const now = new Date();
  const started = !performance.cancelled && hasStarted(performance, now);
  const closed = performance.cancelled || started ? null : saleClosed(performance, now);

  return (
    <div className="container-page py-6 md:py-14">
      <nav aria-label="Breadcrumb" className="text-sm text-ink-soft">
        <SiteLink href={routes.event(event.slug)} className="underline underline-offset-4 hover:text-ink">
          ← Back to {event.title}
        </SiteLink>
      </nav>
      <div className="mt-4 grid grid-cols-1 gap-8 md:mt-6 md:grid-cols-[16rem_1fr] md:items-start">
        {/* Not on phones: there the seats come first, so the poster would push them below the first screen. */}
        <div
          data-testid="booking-poster"
          className="relative hidden overflow-hidden rounded-card bg-stage md:block md:aspect-[4/5]"
        >
          <EventImage image={event.image} title={event.title} sizes="16rem" decorative />
        </div>
        <div>
          <p className="eyebrow text-brand">Book tickets</p>
          <h1 className="mt-2 text-3xl font-semibold sm:text-4xl md:text-5xl">{event.title}</h1>
          <p className="mt-3 font-display text-xl font-semibold sm:text-2xl md:mt-4">
            <time dateTime={performance.startsAt}>
              {formatLongDay(start, site.timeZone)},{" "}
              <span className="text-brand">{formatTime(start, site.timeZone)}</span>
            </time>
          </p>
          <p className="mt-2 text-ink-soft">
            {[performance.venue?.name ?? site.name, performance.label, duration ? `Running time ${duration}` : null]
              .filter(Boolean)
              .join(" · ")}
          </p>
          {performance.access.length ? (
            <div className="mt-4">
              <AccessBadges flags={performance.access} />
            </div>
          ) : null}

          {performance.cancelled ? (
            <div role="status" className="mt-8 rounded-card bg-danger p-5 text-white">
              <p className="font-semibold">This performance has been cancelled.</p>
              <p className="mt-1 text-white/90">
                <SiteLink href={routes.event(event.slug)} className="underline underline-offset-4">
                  Choose another date
                </SiteLink>
                , or contact the box office about your tickets.
              </p>
            </div>
          ) : started ? (
            <div className="mt-6 md:mt-8">
              <SoldOutHelpView
                eventSlug={event.slug}
                boxOffice={site.boxOffice}
                otherDates={dates}
                reason="This performance has started, so tickets are no longer sold online."
              />
            </div>
          ) : (
            <div className="mt-6 rounded-card border border-line bg-white p-4 sm:p-6 md:mt-8 md:p-8">
              <div className="flex flex-wrap items-center gap-3">
                <h2 className="font-sans text-lg font-semibold">Tickets</h2>
                <AvailabilityBadge performanceId={performance.id} ids={[performance.id]} />
              </div>
              {closed ? (
                <SoldOutHelpView
                  eventSlug={event.slug}
                  boxOffice={site.boxOffice}
                  otherDates={dates}
                  reason={closedReason(closed, site.timeZone)}
                />
              ) : (
                <SoldOutHelp
                  performanceId={performance.id}
                  eventSlug={event.slug}
                  boxOffice={site.boxOffice}
                  otherDates={dates}
                />
              )}
              {/* Hidden beside the help (globals.css), which says what is left instead; the frame stays, for returns
                  and for a sale opened since the facts were synced. */}
              <p className="booking-intro mt-3 max-w-prose text-ink-soft">
                Choose your tickets below, on secure booking pages run by Spektrix. Your basket and account are shared
                with this site.
              </p>
              <div className="mt-4 md:mt-6">
                <SpektrixFlow
                  flow="chooseSeats"
                  params={{ id: performance.id }}
                  title={`Choose tickets for ${event.title}`}
                  fallbackTestId="choose-seats"
                />
              </div>
              <BasketPrompt />
              <p className="mt-4 text-sm text-ink-soft">
                Need help, or a wheelchair space? Call the box office on{" "}
                <a
                  className="font-semibold text-brand underline underline-offset-4"
                  href={telHref(site.boxOffice.phone)}
                >
                  {site.boxOffice.phone}
                </a>
                .
              </p>
            </div>
          )}
        </div>
      </div>
    </div>
  );
}

/** The sentence a visitor reads when the web does not sell this performance now. */
function closedReason(closed: AvailabilityView, timeZone: string): string {
  if (closed.state === "notYetOnSale" && closed.onSaleAt)
    return `Tickets for this performance go on sale online on ${formatDayAndTime(new Date(closed.onSaleAt), timeZone)}.`;
  return "Tickets for this performance are not on sale online.";
}
