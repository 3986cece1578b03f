import { nextSeasonSoon } from "@/components/site/next-season";
import { SiteLink } from "@/components/site/site-link-client";
import { ListingLink } from "./listing-link";
import { ACCESS_LABELS, filtersHref, type ListingFilters } from "@/lib/events/filters";
import { PRESET_LABELS, type DatePreset } from "@/lib/events/dates";
import { formatDay, formatTime } from "@/lib/events/format";
import type { ListingEvent, NextMatch } from "@/lib/events/types";
import { routes } from "@/lib/routes";
import type { siteInfo } from "@/lib/site";

/** "Nothing on …" for a listing narrowed by dates alone. */
const NOTHING_ON: Record<DatePreset, string> = {
  today: "Nothing on today",
  tomorrow: "Nothing on tomorrow",
  weekend: "Nothing on this weekend",
  "7days": "Nothing on in the next 7 days",
  month: "Nothing more on this month",
};

/**
 * No results: say what narrowed the search, and offer one-click ways to widen it. A search narrowed by dates says
 * when the next match after them is (`next`, from the listing); with nothing narrowed, nothing is on sale at
 * all, and the page says so rather than blaming choices nobody made. For an access search, the next shows with that
 * kind of performance (`alternatives`) and the box office, which arranges access in person too.
 */
export function EmptyState({
  filters,
  alternatives = [],
  next,
  site,
}: {
  filters: ListingFilters;
  alternatives?: readonly ListingEvent[];
  next?: NextMatch | null;
  site: ReturnType<typeof siteInfo>;
}) {
  const narrowed = Boolean(filters.q || filters.genre || filters.venue || filters.access.length);
  const dated = Boolean(filters.when || filters.from || filters.to);
  if (!narrowed && !dated) {
    return (
      <div className="rounded-card border border-dashed border-line bg-white/60 px-6 py-12 text-center">
        <p className="font-display text-2xl font-semibold">Nothing on sale just now</p>
        <p className="mx-auto mt-2 max-w-md text-ink-soft">{nextSeasonSoon(site)}</p>
      </div>
    );
  }
  const title = narrowed
    ? "Nothing matches those choices"
    : filters.when && !filters.from && !filters.to
      ? NOTHING_ON[filters.when]
      : "Nothing on those dates";
  const widen: Array<{ href: string; label: string }> = [];
  if (dated) {
    widen.push({
      href: filtersHref(routes.whatsOn, filters, { when: undefined, from: undefined, to: undefined }),
      label: "Any date",
    });
    if (filters.when !== "month")
      widen.push({
        href: filtersHref(routes.whatsOn, filters, { when: "month", from: undefined, to: undefined }),
        label: PRESET_LABELS.month,
      });
  }
  if (filters.q)
    widen.push({
      href: filtersHref(routes.whatsOn, filters, { q: undefined }),
      label: `Clear the search “${filters.q}”`,
    });
  if (filters.genre)
    widen.push({ href: filtersHref(routes.whatsOn, filters, { genre: undefined }), label: "All genres" });
  if (filters.venue)
    widen.push({ href: filtersHref(routes.whatsOn, filters, { venue: undefined }), label: "All venues" });
  if (filters.access.length) {
    const names = filters.access.map((a) => (a === "any" ? "any access" : ACCESS_LABELS[a].toLowerCase())).join(", ");
    widen.push({
      href: filtersHref(routes.whatsOn, filters, { access: [] }),
      label: `Include all performances, not just ${names}`,
    });
  }
  return (
    <div className="rounded-card border border-dashed border-line bg-white/60 px-6 py-12 text-center">
      <p className="font-display text-2xl font-semibold">{title}</p>
      {next ? (
        <p className="mx-auto mt-2 max-w-md text-ink-soft" data-testid="next-match">
          The next is{" "}
          <SiteLink href={routes.event(next.slug)} className="font-semibold text-brand underline underline-offset-4">
            {next.title}
          </SiteLink>{" "}
          on {formatDay(new Date(next.startsAt), site.timeZone)}.
        </p>
      ) : null}
      <p className="mx-auto mt-2 max-w-md text-ink-soft">
        Try widening your search. The box office can also tell you about shows not yet on sale online.
      </p>
      {widen.length ? (
        <ul className="mt-6 flex flex-wrap justify-center gap-2">
          {widen.map((w) => (
            // A searched word longer than a phone is wide (the search keeps up to 80 characters) breaks inside the button.
            <li key={w.href} className="max-w-full">
              <ListingLink
                href={w.href}
                className="btn btn-ghost max-w-full !py-2 text-sm text-brand [overflow-wrap:anywhere]"
              >
                {w.label}
              </ListingLink>
            </li>
          ))}
        </ul>
      ) : null}
      {filters.access.length ? (
        <div className="mx-auto mt-8 max-w-md text-left">
          {alternatives.length ? (
            <>
              <h2 className="font-sans text-base font-semibold">Coming up with these access arrangements</h2>
              <ul className="mt-3 grid gap-2" data-testid="access-alternatives">
                {alternatives.map((event) => (
                  <li key={event.slug}>
                    <SiteLink
                      href={routes.event(event.slug)}
                      className="font-semibold text-brand underline underline-offset-4"
                    >
                      {event.title}
                    </SiteLink>{" "}
                    <span className="text-ink-soft">
                      from {formatDay(new Date(event.firstAt), site.timeZone)},{" "}
                      {formatTime(new Date(event.firstAt), site.timeZone)}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <p className="mt-4 text-ink-soft">
            Our box office can arrange access for any performance: call {site.boxOffice.phone} or e-mail{" "}
            <a href={`mailto:${site.boxOffice.email}`} className="text-brand underline underline-offset-4">
              {site.boxOffice.email}
            </a>
            .
          </p>
        </div>
      ) : null}
      <p className="mt-6">
        <ListingLink href={routes.whatsOn} className="font-semibold text-brand underline underline-offset-4">
          Browse everything on sale
        </ListingLink>
      </p>
    </div>
  );
}
