/**
 * Calendar dates in the venue's time zone, with `Intl` only. A "local date" is a `YYYY-MM-DD` string: what the
 * venue's wall calendar says. Instants are `Date`s (UTC). Presets and ranges are computed in local dates, then
 * turned into a half-open UTC window for the database.
 */

import { MAX_WINDOW_DAYS } from "@/lib/sync/time";
import { offsetMinutes, wallTimeToInstant, zonedParts } from "@/lib/time/zone";

export type LocalDate = string; // YYYY-MM-DD

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date such as 2025-02-28 (not 2025-02-30). */
export function isLocalDate(value: string): value is LocalDate {
  const m = LOCAL_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 2000 || y > 2100) return false;
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

// Zone arithmetic lives in lib/time/zone (the sync uses it too); re-exported for the pages' convenience.
export { offsetMinutes, zonedParts };

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, "0");

/** The local date at `instant` in the zone. */
export function localDateOf(instant: Date, timeZone: string): LocalDate {
  const p = zonedParts(instant, timeZone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/** Adds whole days to a local date (calendar arithmetic, no zone involved). */
export function addDays(date: LocalDate, days: number): LocalDate {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** 0 (Sunday) to 6 for a local date. */
export function weekdayOf(date: LocalDate): number {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** The instant of local midnight at the start of `date` in the zone (handles DST on either side). */
export function startOfLocalDay(date: LocalDate, timeZone: string): Date {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return wallTimeToInstant(Date.UTC(y, m - 1, d), timeZone);
}

/** ISO 8601 with the venue's offset, as schema.org and calendars want: 2025-10-24T19:30:00-06:00. */
export function isoWithOffset(instant: Date, timeZone: string): string {
  const p = zonedParts(instant, timeZone);
  const off = offsetMinutes(instant, timeZone);
  const sign = off < 0 ? "-" : "+";
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${sign}${pad(Math.floor(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`;
}

export type Month = string; // YYYY-MM

export function isMonth(value: string): value is Month {
  return (
    /^(\d{4})-(0[1-9]|1[0-2])$/.test(value) && Number(value.slice(0, 4)) >= 2000 && Number(value.slice(0, 4)) <= 2100
  );
}

export function monthOf(date: LocalDate): Month {
  return date.slice(0, 7);
}

export function addMonths(month: Month, n: number): Month {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const t = new Date(Date.UTC(y, m - 1 + n, 1));
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}`;
}

/**
 * The calendar months that can hold a listed performance, whatever is in the store: this month (in the venue's
 * zone) to the end of the longest window a sync may read. A month outside is answered with a redirect, so the
 * calendar is a finite set of pages however far a link or a guess goes.
 */
export function calendarBounds(now: Date, timeZone: string): { first: Month; last: Month } {
  const today = localDateOf(now, timeZone);
  return { first: monthOf(today), last: monthOf(addDays(today, MAX_WINDOW_DAYS)) };
}

export function lastDayOfMonth(month: Month): LocalDate {
  return addDays(`${addMonths(month, 1)}-01`, -1);
}

export const DATE_PRESETS = ["today", "tomorrow", "weekend", "7days", "month"] as const;
export type DatePreset = (typeof DATE_PRESETS)[number];

export const PRESET_LABELS: Record<DatePreset, string> = {
  today: "Today",
  tomorrow: "Tomorrow",
  weekend: "This weekend",
  "7days": "Next 7 days",
  month: "This month",
};

/** Inclusive local-date range for a preset, as the venue's calendar sees `now`. */
export function presetRange(preset: DatePreset, timeZone: string, now: Date): { from: LocalDate; to: LocalDate } {
  const today = localDateOf(now, timeZone);
  switch (preset) {
    case "today":
      return { from: today, to: today };
    case "tomorrow": {
      const t = addDays(today, 1);
      return { from: t, to: t };
    }
    case "weekend": {
      // Friday to Sunday; from Friday onwards it is this weekend, from Monday the coming one.
      const wd = weekdayOf(today);
      if (wd === 0) return { from: today, to: today };
      if (wd >= 5) return { from: today, to: addDays(today, 7 - wd) };
      return { from: addDays(today, 5 - wd), to: addDays(today, 7 - wd) };
    }
    case "7days":
      return { from: today, to: addDays(today, 6) };
    case "month":
      return { from: today, to: lastDayOfMonth(monthOf(today)) };
  }
}

/** Half-open UTC window [start of `from`, start of the day after `to`). */
export function utcWindow(range: { from: LocalDate; to: LocalDate }, timeZone: string): { start: Date; end: Date } {
  return { start: startOfLocalDay(range.from, timeZone), end: startOfLocalDay(addDays(range.to, 1), timeZone) };
}
