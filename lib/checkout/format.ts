/** Display helpers for the basket, checkout, account and confirmation pages, and the studio's pickers. */
import type { Address } from "@/lib/spektrix";

export function formatAddress(
  address: Pick<Address, "line1" | "line2" | "line3" | "town" | "county" | "postcode" | "country">,
): string {
  const town = [address.town, address.county].filter(Boolean).join(", ");
  const place = [town, address.postcode].filter(Boolean).join(" ");
  return [address.line1, address.line2, address.line3, place, address.country]
    .filter((part) => part && part.trim() !== "")
    .join(", ");
}

/** "Sat 5 Dec 2026, 7:30 p.m." in the venue's time zone. */
export function formatPerformanceTime(startUtc: string | null, timeZone: string, locale = "en-CA"): string | null {
  if (!startUtc) return null;
  const date = new Date(startUtc);
  if (Number.isNaN(date.getTime())) return null;
  return new Intl.DateTimeFormat(locale, {
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZone,
  }).format(date);
}

/** Venue wall time as Spektrix sends it (`startLocal`, "2025-08-23T16:30:00"), with no zone maths to do. */
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/;

/**
 * "2025-08-23T16:30:00" (venue local time) → "Sat, Aug 23, 2025, 4:30 p.m.", read the way
 * `formatPerformanceTime` reads an instant in the venue's zone. Null when the value is not a local time.
 */
export function formatLocalPerformanceTime(startLocal: string | null | undefined, locale = "en-CA"): string | null {
  const m = startLocal ? LOCAL_DATE_TIME.exec(startLocal) : null;
  if (!m || m[4] === undefined) return null;
  return formatPerformanceTime(
    new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4], +m[5]!)).toISOString(),
    "UTC",
    locale,
  );
}

/** "2026-11-26" or "2026-11-26T00:00:00" (a calendar date) → "Thu, Nov 26, 2026"; anything else as it came. */
export function formatLocalDay(value: string, locale = "en-CA"): string {
  const m = LOCAL_DATE_TIME.exec(value);
  if (!m) return value;
  return new Intl.DateTimeFormat(locale, {
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)));
}

export function formatDate(utc: string | null, timeZone: string, locale = "en-CA"): string | null {
  if (!utc) return null;
  const date = new Date(utc);
  if (Number.isNaN(date.getTime())) return null;
  return new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone }).format(date);
}

export function ticketCount(n: number): string {
  return `${n} ticket${n === 1 ? "" : "s"}`;
}
