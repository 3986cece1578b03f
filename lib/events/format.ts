/**
 * How dates, times, durations and "from" prices read everywhere: event pages, the basket, checkout, confirmation, the account,
 * calendar files and the studio. One locale for the whole site, always in the venue's zone, so a visitor abroad
 * sees the time printed on their ticket, and one performance reads the same on every page.
 */
import { formatMoney } from "@/lib/spektrix-flows/money";
import type { LocalDate } from "./dates";
import type { PerformanceView } from "./types";

export const SITE_LOCALE = "en-GB";

const cache = new Map<string, Intl.DateTimeFormat>();
function fmt(timeZone: string, options: Intl.DateTimeFormatOptions) {
  const key = `${timeZone}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(SITE_LOCALE, { timeZone, ...options });
    cache.set(key, f);
  }
  return f;
}

/** "Fri 24 Oct 2025" */
export function formatDay(instant: Date, timeZone: string, withYear = true): string {
  return fmt(timeZone, { weekday: "short", day: "numeric", month: "short", ...(withYear ? { year: "numeric" } : {}) })
    .format(instant)
    .replace(",", "");
}

/** "Saturday 24 October 2026": with the year, for the page that sells the tickets (January's shows go on sale in autumn). */
export function formatLongDay(instant: Date, timeZone: string): string {
  return fmt(timeZone, { weekday: "long", day: "numeric", month: "long", year: "numeric" })
    .format(instant)
    .replace(",", "");
}

/** "7.30pm", the way theatres print times. */
export function formatTime(instant: Date, timeZone: string): string {
  const parts = fmt(timeZone, { hour: "numeric", minute: "2-digit", hour12: true }).formatToParts(instant);
  const hour = parts.find((p) => p.type === "hour")?.value ?? "";
  const minute = parts.find((p) => p.type === "minute")?.value ?? "00";
  const period = (parts.find((p) => p.type === "dayPeriod")?.value ?? "")
    .toLowerCase()
    .replace(/\./g, "")
    .replace(/\s/g, "");
  return `${hour}.${minute}${period}`;
}

/** "Tue 8 Dec 2026, 7.30pm": a performance's day and time, as the basket, checkout and confirmation show it. */
export function formatDayAndTime(instant: Date, timeZone: string): string {
  return `${formatDay(instant, timeZone)}, ${formatTime(instant, timeZone)}`;
}

/** `formatDayAndTime` of an ISO instant; null when there is none or it does not parse. */
export function formatPerformanceTime(startUtc: string | null, timeZone: string): string | null {
  const date = startUtc ? new Date(startUtc) : null;
  return date && !Number.isNaN(date.getTime()) ? formatDayAndTime(date, timeZone) : null;
}

/** Venue wall time as Spektrix sends it (`start`, "2025-08-23T16:30:00"), read with no zone maths. */
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/;

/**
 * "2025-08-23T16:30:00" (venue wall time, as the browser's basket has it) → "Sat 23 Aug 2025, 4.30pm", exactly as
 * `formatPerformanceTime` reads the same performance's instant in the venue's zone. Null when not a local time.
 */
export function formatLocalPerformanceTime(startLocal: string | null | undefined): string | null {
  const m = startLocal ? LOCAL_DATE_TIME.exec(startLocal) : null;
  if (!m || m[4] === undefined) return null;
  return formatDayAndTime(new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4], +m[5]!)), "UTC");
}

/** "2026-11-26" or "2026-11-26T00:00:00" (a calendar date) → "Thu 26 Nov 2026"; anything else as it came. */
export function formatLocalDay(value: string): string {
  const m = LOCAL_DATE_TIME.exec(value);
  return m ? formatDay(new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, 12)), "UTC") : value;
}

/** "26 November 2026" for an ISO instant in the venue's zone (order dates, membership expiry); null if unreadable. */
export function formatDate(utc: string | null, timeZone: string): string | null {
  const date = utc ? new Date(utc) : null;
  if (!date || Number.isNaN(date.getTime())) return null;
  return fmt(timeZone, { day: "numeric", month: "long", year: "numeric" }).format(date);
}

/** "24 Oct – 2 Nov 2025", "24 Oct 2025", or "28 Dec 2025 – 4 Jan 2026". */
export function formatRun(first: Date, last: Date, timeZone: string): string {
  const day = fmt(timeZone, { day: "numeric", month: "short", year: "numeric" });
  const a = day.format(first);
  const b = day.format(last);
  if (a === b) return a;
  const sameYear = fmt(timeZone, { year: "numeric" }).format(first) === fmt(timeZone, { year: "numeric" }).format(last);
  const start = sameYear ? fmt(timeZone, { day: "numeric", month: "short" }).format(first) : a;
  return `${start} – ${b}`;
}

/** "Saturday 1 November 2025" from a local date, for headings built from URL state. */
export function formatLocalDate(
  date: LocalDate,
  options: Intl.DateTimeFormatOptions = { weekday: "short", day: "numeric", month: "short" },
): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return fmt("UTC", options)
    .format(new Date(Date.UTC(y, m - 1, d, 12)))
    .replace(",", "");
}

export function formatMonth(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return fmt("UTC", { month: "long", year: "numeric" }).format(new Date(Date.UTC(y, m - 1, 15)));
}

/** "2 hrs 30 mins", "50 mins". */
export function formatDuration(minutes: number | null | undefined): string | null {
  if (!minutes || minutes <= 0) return null;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const hours = h ? `${h} ${h === 1 ? "hr" : "hrs"}` : "";
  const mins = m ? `${m} ${m === 1 ? "min" : "mins"}` : "";
  return [hours, mins].filter(Boolean).join(" ");
}

/**
 * "From $25" for an event: the lowest price among its performances still to come and not cancelled; "Free" when
 * that is 0; null when no price is known.
 */
export function formatFromPrice(
  performances: readonly Pick<PerformanceView, "fromPrice" | "cancelled">[],
): string | null {
  const prices = performances.filter((p) => !p.cancelled && p.fromPrice !== null).map((p) => p.fromPrice!);
  if (!prices.length) return null;
  const lowest = Math.min(...prices);
  return lowest === 0 ? "Free" : `From ${formatMoney(lowest, { compact: true })}`;
}
