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

/** "UTC−5", "UTC+1", "UTC+5:30" for an offset in minutes. */
function offsetLabel(minutes: number): string {
  const sign = minutes < 0 ? "−" : "+";
  const abs = Math.abs(minutes);
  return `UTC${sign}${Math.floor(abs / 60)}${abs % 60 ? `:${String(abs % 60).padStart(2, "0")}` : ""}`;
}

/**
 * Spektrix sends each start twice: `start` (the venue's wall clock) and `startUtc`. The site shows `startUtc` in
 * the configured zone, so when the two disagree every time on the site is off by the difference. Returns a
 * sentence for the editor naming how many disagree and the offset Spektrix implies, or null when all agree.
 */
export function zoneMismatch(
  performances: readonly { id: string; start?: string | null; startUtc?: string | null }[],
  timeZone: string,
): string | null {
  let checked = 0;
  const off: { id: string; start: string; impliedMinutes: number }[] = [];
  // Fetch slices may overlap at their edges: count each performance once.
  for (const p of new Map(performances.map((x) => [x.id, x])).values()) {
    const utc = parseUtc(p.startUtc);
    const local = localToUtc(p.start, timeZone);
    if (!utc || !local || !p.start) continue;
    checked++;
    if (Math.abs(utc.getTime() - local.getTime()) < 60_000) continue;
    const wall = localToUtc(p.start, "UTC")!;
    off.push({ id: p.id, start: p.start, impliedMinutes: Math.round((wall.getTime() - utc.getTime()) / 60_000) });
  }
  if (!off.length) return null;
  const [first] = off;
  return (
    `Spektrix's times disagree with the site's time zone (${timeZone}) for ${off.length} of ${checked} ` +
    `performances: ${first!.id} starts at ${first!.start.slice(0, 16).replace("T", " ")} venue time, which ` +
    `Spektrix places at ${offsetLabel(first!.impliedMinutes)}. Visitors would see the wrong time: set ` +
    `VENUE_TIME_ZONE to the venue's zone.`
  );
}
