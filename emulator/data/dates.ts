// Spektrix sends local times without an offset and UTC times with or without `Z`. We treat every such
// string as a wall-clock instant (parse as UTC) so shifting keeps each field's own form.

export const DAY_MS = 86_400_000;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z)?$/;

export function isDateTime(value: unknown): value is string {
  return typeof value === "string" && DATE_TIME.test(value);
}

export function parseWallClock(value: string): number {
  const m = DATE_TIME.exec(value);
  if (!m) return NaN;
  return Date.parse(`${m[1]}Z`);
}

export function formatWallClock(ms: number, withZ = false): string {
  return new Date(ms).toISOString().slice(0, 19) + (withZ ? "Z" : "");
}

/** Minutes the zone is ahead of UTC at an instant (America/Edmonton in winter: -420). */
function zoneOffsetMinutes(instantMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instantMs));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return (Date.UTC(n("year"), n("month") - 1, n("day"), n("hour"), n("minute"), n("second")) - instantMs) / 60_000;
}

/**
 * The UTC instant of a venue wall-clock time in `timeZone` (wall clock given as ms-since-epoch read as UTC).
 * Two passes settle times near a daylight-saving change the way Spektrix's own conversion would.
 */
export function wallClockToUtcMs(wallMs: number, timeZone: string): number {
  const first = wallMs - zoneOffsetMinutes(wallMs, timeZone) * 60_000;
  return wallMs - zoneOffsetMinutes(first, timeZone) * 60_000;
}

const PEOPLE = new Intl.DateTimeFormat("en-GB", {
  timeZone: "UTC",
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "numeric",
  minute: "2-digit",
  hour12: true,
});

/** A venue wall-clock time the way a hosted booking page prints it: "Tuesday 8 December 2026 at 7:30 pm". */
export function wallClockForPeople(value: unknown): string {
  return isDateTime(value) ? PEOPLE.format(parseWallClock(value)).replace(",", "") : String(value ?? "");
}

export function shiftDateTime(value: string, offsetMs: number): string {
  return formatWallClock(parseWallClock(value) + offsetMs, value.endsWith("Z"));
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** The human `instanceDates` text, e.g. `10 September-15 September` (no year, as Spektrix sends it). */
export function instanceDatesText(first: string, last: string): string {
  const f = new Date(parseWallClock(first));
  const l = new Date(parseWallClock(last));
  return `${f.getUTCDate()} ${MONTHS[f.getUTCMonth()]}-${l.getUTCDate()} ${MONTHS[l.getUTCMonth()]}`;
}

/** `YYYY-MM-DD` or a date-time → comparable wall-clock ms; date-only `to` bounds cover the whole day. */
export function parseBound(value: string | undefined, isUpper: boolean): number | undefined {
  if (!value) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return Date.parse(`${value}T00:00:00Z`) + (isUpper ? DAY_MS - 1 : 0);
  const ms = isDateTime(value) ? parseWallClock(value) : Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}
