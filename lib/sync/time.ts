/**
 * Time helpers for Spektrix's two kinds of timestamps: `…Utc` fields (sometimes without a `Z`) and venue-local
 * wall times without an offset.
 */
import { localToUtc } from "@/lib/time/zone";

/** The longest window a sync may read (3 years): no performance the site lists can be further ahead. */
export const MAX_WINDOW_DAYS = 1096;

/** Parses a UTC timestamp, with or without `Z`/offset. Null when absent or unreadable. */
export function parseUtc(value: string | null | undefined): Date | null {
  if (!value) return null;
  const s = value.trim();
  if (s === "") return null;
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(s);
  const date = new Date(hasZone ? s : /T/.test(s) ? `${s}Z` : `${s}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The instant a venue-local Spektrix time means (shared with the member pages: lib/time/zone). */
export { localToUtc };

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** The fetch window around `now`. */
export function windowAround(now: Date, daysBack: number, daysAhead: number): { from: Date; to: Date } {
  const from = new Date(now.getTime() - daysBack * DAY);
  from.setUTCHours(0, 0, 0, 0);
  const to = new Date(now.getTime() + daysAhead * DAY);
  to.setUTCHours(23, 59, 59, 999);
  return { from, to };
}

/** Cuts a window into consecutive slices of at most `days` days. */
export function sliceWindow(window: { from: Date; to: Date }, days: number): { from: Date; to: Date }[] {
  const slices: { from: Date; to: Date }[] = [];
  let start = window.from.getTime();
  const end = window.to.getTime();
  while (start <= end) {
    const stop = Math.min(start + days * DAY - 1, end);
    slices.push({ from: new Date(start), to: new Date(stop) });
    start = stop + 1;
  }
  return slices;
}
