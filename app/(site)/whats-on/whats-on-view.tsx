/**
 * What's on, from its search params. Two routes render it: `/whats-on` per request for any filtered view, and
 * `/whats-on/[view]` for the unfiltered list, which most visitors land on: that one is rendered once and kept
 * in the page cache until the sync revalidates the listings (or a minute passes), so an on-sale rush is served
 * from cache. `proxy.ts` rewrites a bare `/whats-on` to it; the visible URL does not change.
 */
import { redirect } from "next/navigation";
import { EventCard } from "@/components/site/event-card";
import { CalendarMonth } from "@/components/site/whats-on/calendar-month";
import { EmptyState } from "@/components/site/whats-on/empty-state";
import { FilterForm } from "@/components/site/whats-on/filter-form";
import { Pagination } from "@/components/site/whats-on/pagination";
import { RESULTS_COUNT_ID, RESULTS_ID } from "@/components/site/whats-on/ids";
import { QuickDates } from "@/components/site/whats-on/quick-dates";
import { getCalendarMonth, getFacets, getListing } from "@/lib/events/cached";
import { describeFilters } from "@/lib/events/describe";
import { calendarBounds, localDateOf } from "@/lib/events/dates";
import { calendarMonthOf, DEFAULT_FILTERS, filtersHref, parseFilters, type ListingFilters } from "@/lib/events/filters";
import { routes } from "@/lib/routes";
import { siteInfo } from "@/lib/site";

export async function WhatsOnView({ raw }: { raw: Record<string, string | string[] | undefined> }) {
  const site = siteInfo();
  const now = new Date();
  const { filters, problems } = parseFilters(raw, calendarBounds(now, site.timeZone));
  if (problems.length) redirect(filtersHref(routes.whatsOn, filters, { page: filters.page }));

  const today = localDateOf(now, site.timeZone);
  const facets = await getFacets();
  const { eyebrow, heading, detail } = describeFilters(filters, site.timeZone, now, facets);

  return (
    <>
      <header className="border-b border-line bg-paper-deep/60">
        <div className="container-page py-10 md:py-14">
          {eyebrow ? <p className="eyebrow mb-2 text-brand">{eyebrow}</p> : null}
          <h1 className="text-4xl font-semibold md:text-6xl">{heading}</h1>
          {/* The detail can quote a searched word (up to 80 characters): it breaks rather than widen a phone. */}
          {detail ? <p className="mt-3 max-w-2xl text-lg text-ink-soft [overflow-wrap:anywhere]">{detail}</p> : null}
          <div className="mt-7">
            <QuickDates filters={filters} />
          </div>
        </div>
      </header>
      <div className="container-page grid grid-cols-1 gap-8 py-8 md:py-12 lg:grid-cols-[18rem_1fr] lg:gap-10">
        {/* Stuck beside the results, and never taller than the screen below the header: with its filters open, the
            form scrolls inside it, so a field tabbed to near its end is not left below the screen's bottom edge. */}
        <aside className="lg:sticky lg:top-24 lg:max-h-[calc(100dvh-7rem)] lg:self-start lg:-m-1.5 lg:overflow-y-auto lg:p-1.5">
          <FilterForm filters={filters} facets={facets} />
        </aside>
        <div className="min-w-0" id={RESULTS_ID}>
          {filters.view === "calendar" ? (
            <CalendarResults filters={filters} today={today} lastDay={facets.lastDay} />
          ) : (
            <ListResults filters={filters} />
          )}
        </div>
      </div>
    </>
  );
}

async function ListResults({ filters }: { filters: ListingFilters }) {
  const site = siteInfo();
  const listing = await getListing(filters);
  if (filters.page > listing.totalPages) redirect(filtersHref(routes.whatsOn, filters, { page: listing.totalPages }));
  if (listing.total === 0) {
    // Someone looking for an access performance is best helped by the next ones of that kind, whatever else they
    // narrowed by (the same listing, cached like any other).
    const access = filters.access.filter((a) => a !== "any");
    const elsewhere = access.length ? (await getListing({ ...DEFAULT_FILTERS, access })).events.slice(0, 3) : [];
    return <EmptyState filters={filters} alternatives={elsewhere} next={listing.next} site={site} />;
  }
  const first = (listing.page - 1) * listing.pageSize + 1;
  const last = first + listing.events.length - 1;
  return (
    <section aria-labelledby="results-heading">
      <h2 id="results-heading" className="sr-only">
        Results
      </h2>
      {/* Focused after moving to another page of results (Pagination), so Tab goes on to its first show. */}
      <p
        id={RESULTS_COUNT_ID}
        tabIndex={-1}
        className="mb-5 text-sm text-ink-soft focus:outline-none"
        aria-live="polite"
      >
        {listing.total === 1 ? "1 show" : `${listing.total} shows`}
        {listing.totalPages > 1 ? ` · showing ${first}–${last}` : ""}
      </p>
      <ul className="grid grid-cols-1 gap-6 sm:grid-cols-2 xl:grid-cols-3">
        {listing.events.map((event, i) => (
          <li key={event.slug}>
            <EventCard event={event} timeZone={site.timeZone} headingLevel={3} priority={i < 2} />
          </li>
        ))}
      </ul>
      <Pagination filters={filters} page={listing.page} totalPages={listing.totalPages} />
    </section>
  );
}

async function CalendarResults({
  filters,
  today,
  lastDay,
}: {
  filters: ListingFilters;
  today: string;
  lastDay: string | null;
}) {
  const site = siteInfo();
  const month = calendarMonthOf(filters, site.timeZone, new Date());
  const { performances, truncated, nextMonth } = await getCalendarMonth(filters, month);
  return (
    <>
      <CalendarMonth
        month={month}
        today={today}
        lastDay={lastDay}
        nextMatch={nextMonth}
        filters={{ ...filters, month }}
        performances={performances}
        timeZone={site.timeZone}
      />
      {truncated ? (
        <p className="mt-4 text-sm text-ink-soft">
          This month is busy: narrow the dates or filters to see every performance.
        </p>
      ) : null}
      <p className="mt-6 text-sm">
        {/* A file download, not a page, so a plain link with `download` rather than <Link>. */}
        <a href={routes.api.calendar} download className="font-semibold text-brand underline underline-offset-4">
          Subscribe to every performance in your calendar (.ics)
        </a>
      </p>
    </>
  );
}
