"use client";

import { lazy, Suspense } from "react";
import { SiteLink } from "@/components/site/site-link-client";
import { useHydrated } from "@/components/spektrix/spektrix-loader-client";
import { routes } from "@/lib/routes";
import { telHref } from "@/lib/text/phone";

/** Another date of the same show, formatted by the server. */
export interface OtherDate {
  id: string;
  startsAt: string;
  /** "Sat 25 Oct 2026, 2.30pm", in the venue's time zone. */
  label: string;
}

export interface SoldOutHelpProps {
  performanceId: string;
  eventSlug: string;
  otherDates: OtherDate[];
  boxOffice: { phone: string; email: string };
}

const LiveSoldOutHelp = lazy(() => import("./availability-live-client").then((m) => ({ default: m.LiveSoldOutHelp })));

/**
 * What a visitor can do when the performance they opened is sold out: other dates of the show, and the box
 * office, which hears about returns first. Shown only once live availability says sold out (asked after the
 * first paint); until then it renders nothing, so a performance with seats keeps its page as it was.
 */
export function SoldOutHelp(props: SoldOutHelpProps) {
  const hydrated = useHydrated();
  if (!hydrated) return null;
  return (
    <Suspense fallback={null}>
      <LiveSoldOutHelp {...props} />
    </Suspense>
  );
}

/**
 * The help itself: for a performance live availability says is sold out, or (`reason`, from the booking page's
 * server render) one the web does not sell now: started, not on sale online, or not on sale yet.
 */
export function SoldOutHelpView({
  eventSlug,
  otherDates,
  othersUnavailable = false,
  boxOffice,
  reason,
}: Omit<SoldOutHelpProps, "performanceId"> & {
  reason?: string;
  /** The dates the server offered turned out not bookable online either (live availability). */
  othersUnavailable?: boolean;
}) {
  return (
    <div role="status" data-testid={reason ? "not-on-sale-help" : "sold-out-help"} className="sold-out-help">
      <p className="font-semibold">{reason ?? "This performance is sold out."}</p>
      {otherDates.length ? (
        <>
          <p className="mt-1 text-ink-soft">Other dates of this show:</p>
          <ul className="mt-3 flex flex-wrap gap-2">
            {otherDates.map((d) => (
              <li key={d.id}>
                <SiteLink
                  href={routes.book(d.id)}
                  prefetchOnIntent={false}
                  className="btn btn-ghost !py-2 text-sm text-brand"
                >
                  <time dateTime={d.startsAt}>{d.label}</time>
                </SiteLink>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="mt-1 text-ink-soft">
          {othersUnavailable ? "The other dates can’t be booked online either." : "There are no other dates on sale."}{" "}
          <SiteLink href={routes.event(eventSlug)} className="text-brand underline underline-offset-4">
            See the show’s page
          </SiteLink>{" "}
          for news of extra performances.
        </p>
      )}
      <p className="mt-3 text-ink-soft">
        {reason ? "The box office can help: call" : "Tickets are sometimes returned. The box office hears first: call"}{" "}
        <a className="font-semibold text-brand underline underline-offset-4" href={telHref(boxOffice.phone)}>
          {boxOffice.phone}
        </a>{" "}
        or e-mail{" "}
        <a className="font-semibold text-brand underline underline-offset-4" href={`mailto:${boxOffice.email}`}>
          {boxOffice.email}
        </a>
        .
      </p>
    </div>
  );
}
