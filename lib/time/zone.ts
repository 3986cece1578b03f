/**
 * Wall-clock arithmetic in a named time zone with nothing but Intl: what the venue's clocks show at an
 * instant, and which instant a venue wall time means. Shared by the sync (Spektrix gives local times without
 * an offset) and the public pages (dates, presets and calendars in the venue's zone).
 */

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      weekday: "short",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The venue's wall-clock reading of an instant. `weekday` is 0 (Sunday) to 6. */
export function zonedParts(instant: Date, timeZone: string) {
  const parts = partsFormatter(timeZone).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return {
    year: Number(get("year")),
    month: Number(get("month")),
    day: Number(get("day")),
    hour: Number(get("hour")),
    minute: Number(get("minute")),
    second: Number(get("second")),
    weekday: WEEKDAYS.indexOf(get("weekday")),
  };
}

/** Minutes east of UTC that the zone's clocks show at `instant` (Edmonton in summer: -360). */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const p = zonedParts(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant at which the zone's clocks show the wall time `wallMs` (a UTC-based millisecond count of the
 * wall reading, e.g. `Date.UTC(2025, 9, 24, 19, 30)`). Two passes settle on the right offset on either side of
 * a transition: in a DST gap the later reading wins; in an overlap, the earlier instant.
 */
export function wallTimeToInstant(wallMs: number, timeZone: string): Date {
  let guess = wallMs - offsetMinutes(new Date(wallMs), timeZone) * 60_000;
  guess = wallMs - offsetMinutes(new Date(guess), timeZone) * 60_000;
  return new Date(guess);
}

/**
 * The instant at which the zone's clocks show `local` ("2025-10-24T19:30:00", or a date alone for midnight),
 * the way Spektrix writes venue times. A value that carries `Z` or an offset is taken as it says.
 */
export function localToUtc(local: string | null | undefined, timeZone: string): Date | null {
  if (!local) return null;
  const text = local.trim();
  if (/(Z|[+-]\d{2}:?\d{2})$/i.test(text)) {
    const at = new Date(text);
    return Number.isNaN(at.getTime()) ? null : at;
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, sec] = m;
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0), Number(sec ?? 0));
  return Number.isNaN(wall) ? null : wallTimeToInstant(wall, timeZone);
}
