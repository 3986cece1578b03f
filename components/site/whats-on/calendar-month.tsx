import { ListingLink } from "./listing-link";
import { ACCESS_CODES } from "@/components/site/access-badges";
import { addDays, addMonths, lastDayOfMonth, monthOf, weekdayOf, type LocalDate } from "@/lib/events/dates";
import { ACCESS_LABELS, filtersHref, isUnfiltered, type ListingFilters } from "@/lib/events/filters";
import { formatLocalDate, formatMonth, formatTime } from "@/lib/events/format";
import type { CalendarPerformance } from "@/lib/events/types";
import { routes } from "@/lib/routes";

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
/** Items shown in a desktop cell before "+N more" (globals.css `.cal-items` hides the rest from `md` up). */
const PER_CELL = 3;
/**
 * Items a day carries in the HTML at all; phones show them all, then "+N more". A big programme has dozens of
 * performances some days, and a month of them in one document made the calendar the slowest page on a phone
 * (a 700 ms parse/style/layout task in Lighthouse's simulation; ADR 0016).
 */
const PER_DAY = 6;

/**
 * A month of performances grouped by day. One list of days serves both layouts: a 7-column grid from `md`
 * up, and on phones an agenda of only the days that have something on. A busy day links to its full list.
 */
export function CalendarMonth({
  month,
  today,
  lastDay,
  nextMatch = null,
  filters,
  performances,
  timeZone,
}: {
  month: string;
  today: LocalDate;
  /** The last day with a listed performance: no link leads past its month. */
  lastDay: LocalDate | null;
  /**
   * When nothing matched: the month (YYYY-MM) of the next performance that matches the filters, or null. It is
   * this month when the dates in the filters left out a later part of it.
   */
  nextMatch?: string | null;
  filters: ListingFilters;
  performances: CalendarPerformance[];
  timeZone: string;
}) {
  const byDay = new Map<string, CalendarPerformance[]>();
  for (const p of performances) byDay.set(p.day, [...(byDay.get(p.day) ?? []), p]);
  const first = `${month}-01` as LocalDate;
  const last = lastDayOfMonth(month);
  const lead = (weekdayOf(first) + 6) % 7; // Monday-first grid
  const days: LocalDate[] = [];
  for (let d = first; d <= last; d = addDays(d, 1)) days.push(d);
  const prev = addMonths(month, -1);
  const next = addMonths(month, 1);
  const canGoBack = prev >= today.slice(0, 7);
  // Months after the last performance hold nothing: not linked, so the calendar ends where the programme does.
  const canGoOn = lastDay !== null && next <= monthOf(lastDay);
  // Another month is a date choice of its own: a date filter ("this month", a range) kept beside it would leave the
  // heading naming one span over a grid of another, most of it empty.
  const ANY_DATE = { when: undefined, from: undefined, to: undefined };
  const nextHref = filtersHref(routes.whatsOn, filters, { month: next, ...ANY_DATE });

  return (
    <section aria-labelledby="cal-heading">
      <div className="flex items-center justify-between gap-3">
        <h2 id="cal-heading" className="text-2xl font-semibold md:text-3xl">
          {formatMonth(month)}
        </h2>
        <div className="flex gap-2">
          {canGoBack ? (
            <ListingLink
              href={filtersHref(routes.whatsOn, filters, { month: prev, ...ANY_DATE })}
              className="btn btn-ghost !px-3.5 !py-2 text-sm text-ink"
              aria-label={`Previous month, ${formatMonth(prev)}`}
              focusKey="month:previous"
            >
              ←<span className="max-sm:sr-only">{formatMonth(prev).split(" ")[0]}</span>
            </ListingLink>
          ) : null}
          {canGoOn ? (
            <ListingLink
              href={nextHref}
              className="btn btn-ghost !px-3.5 !py-2 text-sm text-ink"
              aria-label={`Next month, ${formatMonth(next)}`}
              focusKey="month:next"
            >
              <span className="max-sm:sr-only">{formatMonth(next).split(" ")[0]}</span>→
            </ListingLink>
          ) : null}
        </div>
      </div>

      {performances.length === 0 ? (
        <p className="mt-6 rounded-card border border-dashed border-line bg-white/60 p-6 text-ink-soft">
          <EmptyMonthNote
            month={month}
            nextMatch={nextMatch}
            filtered={!isUnfiltered(filters)}
            monthHref={(m) => filtersHref(routes.whatsOn, filters, { month: m, ...ANY_DATE })}
          />
        </p>
      ) : null}

      <div
        aria-hidden
        className="mt-6 hidden grid-cols-7 gap-px text-center text-xs font-semibold uppercase tracking-wider text-ink-soft md:grid"
      >
        {WEEKDAYS.map((d) => (
          <div key={d} className="pb-2">
            {d}
          </div>
        ))}
      </div>
      <ol className="cal-days">
        {Array.from({ length: lead }, (_, i) => (
          <li key={`lead-${i}`} aria-hidden className="hidden bg-paper-deep/40 md:block" />
        ))}
        {days.map((day) => {
          const items = byDay.get(day) ?? [];
          const isToday = day === today;
          const past = day < today;
          return (
            <li key={day} className={`cal-day${past ? " cal-day-past" : ""}${items.length ? "" : " max-md:hidden"}`}>
              <h3>
                <span className={isToday ? "cal-date cal-today" : "cal-date"}>
                  <span className="md:hidden">
                    {formatLocalDate(day, { weekday: "long", day: "numeric", month: "long" })}
                  </span>
                  <span className="max-md:hidden">
                    <span className="sr-only">{`${formatLocalDate(day, { weekday: "long", month: "long" })} `}</span>
                    {Number(day.slice(8))}
                  </span>
                </span>
                {isToday ? (
                  <span className="text-xs font-semibold uppercase tracking-wider text-brand">Today</span>
                ) : null}
              </h3>
              {items.length ? (
                <ul className="cal-items">
                  {items.slice(0, PER_DAY).map((p) => (
                    <li key={p.id}>
                      <ListingLink href={routes.event(p.eventSlug)}>
                        <time dateTime={p.startsAt}>{formatTime(new Date(p.startsAt), timeZone)}</time>{" "}
                        <span>{p.eventTitle}</span>
                        {p.access.length ? (
                          <>
                            {/* The codes venues print (AD, CC) for the eye; the names for a screen reader. */}
                            <span aria-hidden className="cal-access">
                              {p.access.map((a) => ACCESS_CODES[a]).join(" ")}
                            </span>
                            {/* In brackets: browsers name it as a run of its own, after a space ("Show , Touch tour" with a comma). */}
                            <span className="sr-only">({p.access.map((a) => ACCESS_LABELS[a]).join(", ")})</span>
                          </>
                        ) : null}
                      </ListingLink>
                    </li>
                  ))}
                </ul>
              ) : null}
              {items.length > PER_CELL ? (
                <ListingLink
                  href={filtersHref(routes.whatsOn, { ...filters, view: "list" }, { from: day, to: day, view: "list" })}
                  className={`mt-1 px-1 text-xs font-semibold text-brand underline underline-offset-2 ${items.length > PER_DAY ? "block" : "hidden md:block"}`}
                  data-more-on={day}
                >
                  <span className="md:hidden">+{items.length - PER_DAY} more</span>
                  <span className="max-md:hidden">+{items.length - PER_CELL} more</span>
                  <span className="sr-only"> on {formatLocalDate(day)}</span>
                </ListingLink>
              ) : null}
            </li>
          );
        })}
      </ol>
      {/* The way on at the month's end too, not only back at the top: on a phone the month is a long column of days. */}
      {canGoOn && performances.length ? (
        <p className="mt-6 text-right">
          {/* Opened at the calendar, not at the filters above it. */}
          <ListingLink href={`${nextHref}#cal-heading`} className="btn btn-ghost !py-2 text-sm text-brand">
            On to {formatMonth(next)} <span aria-hidden>→</span>
          </ListingLink>
        </p>
      ) : null}
    </section>
  );
}

/**
 * What an empty month says. It links straight to where the next match is, not one step on to what may be another
 * empty month: the rest of this month when the dates in the filters left it out, or the next month with a match.
 */
function EmptyMonthNote({
  month,
  nextMatch,
  filtered,
  monthHref,
}: {
  month: string;
  nextMatch: string | null;
  /** Whether a filter narrows the calendar: with none, there is nothing to clear. */
  filtered: boolean;
  monthHref: (month: string) => string;
}) {
  const link = (to: string, text: string) => (
    <ListingLink href={monthHref(to)} className="font-semibold text-brand underline underline-offset-4">
      {text}
    </ListingLink>
  );
  if (nextMatch === month)
    return <>Nothing matches on those dates. {link(month, `See all of ${formatMonth(month)}`)}.</>;
  if (nextMatch)
    return (
      <>
        {filtered ? "Nothing matches" : "Nothing is on"} in {formatMonth(month)}. The next is in{" "}
        {link(nextMatch, formatMonth(nextMatch))}
        {filtered ? ", or clear some filters to see more" : ""}.
      </>
    );
  if (!filtered) return <>Nothing is on sale in {formatMonth(month)} or later yet. New shows are added all the time.</>;
  return <>Nothing matches in {formatMonth(month)}. Nothing later matches either: try clearing some filters.</>;
}
