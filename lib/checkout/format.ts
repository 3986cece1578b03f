/** Display helpers for checkout, account and confirmation pages. */
import type { Address } from "@/lib/spektrix";

export function formatAddress(address: Pick<Address, "line1" | "line2" | "line3" | "town" | "county" | "postcode" | "country">): string {
  const town = [address.town, address.county].filter(Boolean).join(", ");
  const place = [town, address.postcode].filter(Boolean).join(" ");
  return [address.line1, address.line2, address.line3, place, address.country].filter((part) => part && part.trim() !== "").join(", ");
}

/** "Sat 5 Dec 2026, 7:30 p.m." in the venue's time zone. */
export function formatPerformanceTime(startUtc: string | null, timeZone: string, locale = "en-CA"): string | null {
  if (!startUtc) return null;
  const date = new Date(startUtc);
  if (Number.isNaN(date.getTime())) return null;
  return new Intl.DateTimeFormat(locale, { weekday: "short", day: "numeric", month: "short", year: "numeric", hour: "numeric", minute: "2-digit", timeZone }).format(date);
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
