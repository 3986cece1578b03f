/**
 * The heading and one-line summary of what a what's on URL shows ("This weekend", "Fri 21 – Sun 23 Nov"), and the
 * eyebrow above a dated heading (the page's name, which an undated heading already is).
 */
import { clipSearchText } from "@/lib/text/search";
import { addDays, localDateOf, PRESET_LABELS, presetRange, type LocalDate } from "./dates";
import { knownGenre, knownVenue } from "./facets";
import { ACCESS_LABELS, calendarMonthOf, type ListingFilters } from "./filters";
import { formatLocalDate, formatMonth } from "./format";
import type { Facets } from "./types";

const PAGE_NAME = "What’s on";
/** A searched phrase longer than this is cut in a tab's title (it is still whole in the page's own summary). */
const TITLE_QUERY_LENGTH = 30;

export function describeFilters(
  filters: ListingFilters,
  timeZone: string,
  now: Date,
  /** The listing's genres and venues: a chosen venue is named by them, and a genre spelled as they spell it. */
  facets: Pick<Facets, "genres" | "venues">,
): { eyebrow: string | null; heading: string; detail: string } {
  let heading = PAGE_NAME;
  let dates = "";
  if (filters.when) {
    heading = PRESET_LABELS[filters.when];
    const r = presetRange(filters.when, timeZone, now);
    dates =
      r.from === r.to
        ? formatLocalDate(r.from, { weekday: "long", day: "numeric", month: "long" })
        : `${formatLocalDate(r.from)} – ${formatLocalDate(r.to)}`;
  } else {
    // A chosen date is said with its year when the year is not the obvious one: a past date ("From Fri 1 May 2026"
    // in December), or one most of a year ahead.
    // In a range, both ends or neither: "Thu 1 Jan 2026 – Fri 1 Jan" reads as one year.
    const today = localDateOf(now, timeZone);
    const needsYear = (date: LocalDate) => date < today || date > addDays(today, 300);
    const day = (date: LocalDate, options?: Intl.DateTimeFormatOptions, withYear = needsYear(date)) => {
      const base = options ?? { weekday: "short", day: "numeric", month: "short" };
      return formatLocalDate(date, withYear ? { ...base, year: "numeric" } : base);
    };
    if (filters.from && filters.to) {
      const years = needsYear(filters.from) || needsYear(filters.to);
      heading =
        filters.from === filters.to
          ? day(filters.from, { weekday: "long", day: "numeric", month: "long" })
          : `${day(filters.from, undefined, years)} – ${day(filters.to, undefined, years)}`;
    } else if (filters.from) {
      heading = `From ${day(filters.from)}`;
    } else if (filters.to) {
      heading = `Until ${day(filters.to)}`;
    }
  }
  const parts: string[] = [];
  if (dates) parts.push(dates);
  if (filters.q) parts.push(`matching ${quoted(filters.q)}`);
  if (filters.genre) parts.push(knownGenre(facets, filters.genre) ?? filters.genre);
  if (filters.access.length) parts.push(accessWords(filters.access));
  // A venue slug no listing has (an old link, a made-up one) is no name to show, but it still narrows the list.
  const venue = knownVenue(facets, filters.venue);
  if (filters.venue) parts.push(venue ? `at ${venue.name}` : "at a venue with nothing on sale now");
  return {
    eyebrow: heading === PAGE_NAME ? null : PAGE_NAME,
    heading,
    // A line of its own, so it starts as a sentence does ("Matching “tosca” · Opera", "Access performances").
    detail: parts.length
      ? sentenceStart(parts.join(" · "))
      : heading === PAGE_NAME
        ? "Every show on sale, soonest first. Pick a date, or search for a show you already know."
        : "",
  };
}

/** Searched words without the quotes they were typed in ("\"tosca\"" is searched as tosca: lib/text/fold.ts). */
function unquoted(words: string): string {
  return /^["“”'‘’](.+)["“”'‘’]$/u.exec(words)?.[1] ?? words;
}

/** Searched words in curly quotes, once. */
function quoted(words: string): string {
  return `“${unquoted(words)}”`;
}

/** "Captioned or Relaxed", "access performances": the access filter in words. */
function accessWords(access: ListingFilters["access"]): string {
  return access.map((a) => (a === "any" ? "access performances" : ACCESS_LABELS[a])).join(" or ");
}

/**
 * The first letter upper-cased, with no locale: the summary starts with the site's own English words or a date,
 * or a genre as Spektrix names it, which this capitalises like a sentence's first word.
 */
function sentenceStart(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The document title of a what's on URL: what it shows, most particular first, then the page's name, so two tabs of
 * filtered listings (and a visitor's history) tell apart ("Comedy · This weekend · What’s on", "“tosca” · What’s
 * on", "December 2026 calendar · What’s on", "Page 2 · What’s on"). A genre or venue is named as the listing spells
 * it; one no listing has (a made-up value) adds nothing.
 */
export function listingTitle(
  filters: ListingFilters,
  context: { timeZone: string; now: Date; facets: Pick<Facets, "genres" | "venues"> },
): string {
  const { heading } = describeFilters(filters, context.timeZone, context.now, context.facets);
  const parts: string[] = [];
  if (filters.q) {
    const words = unquoted(filters.q);
    const cut = clipSearchText(words, TITLE_QUERY_LENGTH - 1);
    parts.push(`“${cut === words ? cut : `${cut}…`}”`);
  }
  const genre = knownGenre(context.facets, filters.genre);
  if (genre) parts.push(genre);
  if (filters.access.length) parts.push(sentenceStart(accessWords(filters.access)));
  const venue = knownVenue(context.facets, filters.venue);
  if (venue) parts.push(venue.name);
  if (heading !== PAGE_NAME) parts.push(heading);
  if (filters.view === "calendar")
    parts.push(`${formatMonth(calendarMonthOf(filters, context.timeZone, context.now))} calendar`);
  if (filters.page > 1) parts.push(`Page ${filters.page}`);
  return [...parts, PAGE_NAME].join(" · ");
}
