/**
 * The heading and one-line summary of what a what's on URL shows ("This weekend", "Fri 21 – Sun 23 Nov"), and the
 * eyebrow above a dated heading (the page's name, which an undated heading already is).
 */
import { PRESET_LABELS, presetRange } from "./dates";
import { ACCESS_LABELS, type ListingFilters } from "./filters";
import { formatLocalDate } from "./format";

export function describeFilters(
  filters: ListingFilters,
  timeZone: string,
  now: Date,
): { eyebrow: string | null; heading: string; detail: string } {
  const pageName = "What’s on";
  let heading = pageName;
  let dates = "";
  if (filters.when) {
    heading = PRESET_LABELS[filters.when];
    const r = presetRange(filters.when, timeZone, now);
    dates =
      r.from === r.to
        ? formatLocalDate(r.from, { weekday: "long", day: "numeric", month: "long" })
        : `${formatLocalDate(r.from)} – ${formatLocalDate(r.to)}`;
  } else if (filters.from && filters.to) {
    heading =
      filters.from === filters.to
        ? formatLocalDate(filters.from, { weekday: "long", day: "numeric", month: "long" })
        : `${formatLocalDate(filters.from)} – ${formatLocalDate(filters.to)}`;
  } else if (filters.from) {
    heading = `From ${formatLocalDate(filters.from)}`;
  } else if (filters.to) {
    heading = `Until ${formatLocalDate(filters.to)}`;
  }
  const parts: string[] = [];
  if (dates) parts.push(dates);
  if (filters.q) parts.push(`matching “${filters.q}”`);
  if (filters.genre) parts.push(filters.genre);
  if (filters.access.length)
    parts.push(filters.access.map((a) => (a === "any" ? "access performances" : ACCESS_LABELS[a])).join(" or "));
  return {
    eyebrow: heading === pageName ? null : pageName,
    heading,
    // A line of its own, so it starts as a sentence does ("Matching “tosca” · Opera", "Access performances").
    detail: parts.length
      ? sentenceStart(parts.join(" · "))
      : heading === pageName
        ? "Every show on sale, soonest first. Pick a date, or search for a show you already know."
        : "",
  };
}

/**
 * The first letter upper-cased, with no locale: the summary starts with the site's own English words or a date,
 * or a genre as Spektrix names it, which this capitalises like a sentence's first word.
 */
function sentenceStart(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
