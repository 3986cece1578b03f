/**
 * What's on URL state: one parser and one serialiser, so every link, form and redirect agrees on the URL.
 *
 * Parsing never throws. Anything it cannot use (bad dates, repeated single values, huge page numbers, over-long
 * text) is dropped or clamped and reported as a problem; the proxy then redirects to the canonical URL of what
 * it did understand, so a malformed URL costs one redirect, never a 500. Parameters that are not the listing's
 * (`utm_*`, `fbclid`) are ignored: they never reach the canonical URL and cause no redirect.
 */
import { z } from "zod";
import { cleanSearchText, clipSearchText, hasSearchableText } from "@/lib/text/search";
import { SLUG_MAX } from "@/lib/text/slug";
import { publicConfig } from "@/lib/config/public";
import {
  DATE_PRESETS,
  isLocalDate,
  isMonth,
  localDateOf,
  monthOf,
  presetRange,
  type DatePreset,
  type LocalDate,
  type Month,
} from "./dates";
import { LISTING_PARAMS } from "@/lib/page-cache.mjs";

export const ACCESS_FILTERS = ["captioned", "bsl", "audioDescribed", "relaxed", "touchTour"] as const;
export type AccessFilter = (typeof ACCESS_FILTERS)[number];
/** `any` means "has at least one access flag". */
export type AccessParam = AccessFilter | "any";

/**
 * The national sign language an interpreted performance uses, from the venue's locale (VENUE_LOCALE): ASL in
 * Canada and the United States (LSQ for a French-Canadian venue), Auslan, NZSL and ISL in Australia, New
 * Zealand and Ireland, BSL elsewhere (Spektrix's home market). The access flag keeps its stored name, `bsl`.
 */
export function signLanguageOf(locale: string): string {
  let language = "";
  let region = "";
  try {
    const tag = new Intl.Locale(locale).maximize();
    language = tag.language;
    region = tag.region ?? "";
  } catch {
    // Not a locale tag: the default below.
  }
  if (region === "CA") return language === "fr" ? "LSQ" : "ASL";
  return ({ US: "ASL", AU: "Auslan", NZ: "NZSL", IE: "ISL" } as Record<string, string>)[region] ?? "BSL";
}

/** This site's sign language (the build's VENUE_LOCALE), for labels and badges. */
export const SIGN_LANGUAGE = signLanguageOf(publicConfig.locale);

export const ACCESS_LABELS: Record<AccessFilter, string> = {
  captioned: "Captioned",
  bsl: `${SIGN_LANGUAGE} interpreted`,
  audioDescribed: "Audio described",
  relaxed: "Relaxed",
  touchTour: "Touch tour",
};

export const VIEWS = ["list", "calendar"] as const;
export type View = (typeof VIEWS)[number];

export const MAX_PAGE = 500;
export const MAX_QUERY_LENGTH = 80;
/** The longest custom range a visitor can ask for; longer ones are cut to this. */
export const MAX_RANGE_DAYS = 400;

export interface ListingFilters {
  view: View;
  when?: DatePreset;
  from?: LocalDate;
  to?: LocalDate;
  month?: Month;
  q?: string;
  genre?: string;
  venue?: string;
  access: AccessParam[];
  page: number;
}

/** The one problem that depends on the clock: a month past the window comes into the calendar later (whatsOnRedirect). */
export const MONTH_OUTSIDE_CALENDAR = "month outside the calendar";

export const DEFAULT_FILTERS: ListingFilters = { view: "list", access: [], page: 1 };

/**
 * The month a calendar URL shows: the one it names, else the month of the first day its preset or dates start on,
 * else this month (the calendar's grid and the page's title both ask here).
 */
export function calendarMonthOf(
  filters: Pick<ListingFilters, "month" | "when" | "from">,
  timeZone: string,
  now: Date,
): Month {
  if (filters.month) return filters.month;
  if (filters.when) return monthOf(presetRange(filters.when, timeZone, now).from);
  return monthOf(filters.from ?? localDateOf(now, timeZone));
}

const KNOWN = new Set(LISTING_PARAMS);

/** The longest genre the listing can be filtered by; the filter form offers only genres that fit (queryFacets). */
export const MAX_GENRE_LENGTH = 100;

/**
 * A genre as the venue names it in Spektrix, which the URL carries verbatim: words with any punctuation or symbols
 * ("Family (5+)", "Music: Jazz", "Theatre – New Writing", "🎉 Party"), at least one letter or digit, no markup or
 * control characters, no space at either end, at most MAX_GENRE_LENGTH characters. Format characters stay: emoji
 * are joined by them (👨‍👩‍👧) and right-to-left text carries them. It is only ever
 * compared (as a query parameter) and shown (escaped), and a value no genre has finds nothing; the listing's cache
 * keys only the genres the store has (lib/events/cached.ts).
 */
export function isGenreValue(value: string): boolean {
  return (
    value === value.trim() &&
    /[\p{L}\p{N}]/u.test(value) &&
    !/[\p{Cc}<>\ufffd]/u.test(value) &&
    Array.from(value).length <= MAX_GENRE_LENGTH
  );
}

/** A venue is named by its slug (lib/text/slug.ts), in any case: `?venue=Studio-Theatre` finds `studio-theatre`. */
const venueSlug = z
  .string()
  .max(SLUG_MAX)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/i);
const pageSchema = z
  .string()
  .regex(/^\d{1,6}$/)
  .transform(Number);

export type RawSearchParams = Record<string, string | string[] | undefined> | URLSearchParams;

function entries(raw: RawSearchParams): Array<[string, string[]]> {
  if (raw instanceof URLSearchParams) {
    const map = new Map<string, string[]>();
    for (const [k, v] of raw) map.set(k, [...(map.get(k) ?? []), v]);
    return [...map];
  }
  return Object.entries(raw)
    .filter((e): e is [string, string | string[]] => e[1] !== undefined)
    .map(([k, v]) => [k, Array.isArray(v) ? v : [v]]);
}

export interface ParsedFilters {
  filters: ListingFilters;
  /** Why the URL is not canonical; empty when it can be served as is. */
  problems: string[];
}

/**
 * @param calendar the months the calendar may show (`calendarBounds`); a month outside is dropped as a problem, so
 * the URL redirects to the calendar's current month. Callers without a clock (metadata) leave it out.
 */
export function parseFilters(raw: RawSearchParams, calendar?: { first: Month; last: Month }): ParsedFilters {
  const problems: string[] = [];
  const f: ListingFilters = { view: "list", access: [], page: 1 };

  const single = (key: string, values: string[]): string | undefined => {
    const nonEmpty = values.filter((v) => v.trim() !== "");
    if (nonEmpty.length > 1) problems.push(`${key} given more than once`);
    return nonEmpty[0]?.trim();
  };

  for (const [key, values] of entries(raw)) {
    // Not ours (utm_*, fbclid…): ignored, never part of the canonical URL, and not worth a redirect that
    // would strip a campaign's tracking before analytics reads it.
    if (!KNOWN.has(key)) continue;
    if (key === "access") {
      for (const v of values.flatMap((s) => s.split(","))) {
        const t = v.trim();
        if (t === "") continue;
        if (t === "any" || (ACCESS_FILTERS as readonly string[]).includes(t)) {
          if (!f.access.includes(t as AccessParam)) f.access.push(t as AccessParam);
        } else problems.push(`unknown access filter ${t.slice(0, 40)}`);
      }
      continue;
    }
    const value = single(key, values);
    if (value === undefined) continue;
    switch (key) {
      case "view":
        if ((VIEWS as readonly string[]).includes(value)) f.view = value as View;
        else problems.push("bad view");
        break;
      case "when":
        if ((DATE_PRESETS as readonly string[]).includes(value)) f.when = value as DatePreset;
        else problems.push("bad date preset");
        break;
      case "from":
      case "to":
        if (isLocalDate(value)) f[key] = value;
        else problems.push(`bad ${key} date`);
        break;
      case "month":
        if (!isMonth(value)) problems.push("bad month");
        else if (calendar && (value < calendar.first || value > calendar.last)) problems.push(MONTH_OUTSIDE_CALENDAR);
        else f.month = value;
        break;
      case "q": {
        const q = clipSearchText(value, MAX_QUERY_LENGTH);
        if (q !== cleanSearchText(value)) problems.push("search too long");
        if (q !== value) problems.push("search not clean");
        // Only quotes or dashes: nothing to look for, and as a search it would match every title.
        if (q && !hasSearchableText(q)) problems.push("search has nothing to find");
        else if (q) f.q = q;
        break;
      }
      case "genre":
        if (isGenreValue(value)) f.genre = value;
        else problems.push("bad genre");
        break;
      case "venue":
        if (venueSlug.safeParse(value).success) f.venue = value;
        else problems.push("bad venue");
        break;
      case "page": {
        const parsed = pageSchema.safeParse(value);
        if (!parsed.success || parsed.data < 1) problems.push("bad page");
        else if (parsed.data > MAX_PAGE) problems.push("page too large");
        else f.page = parsed.data;
        break;
      }
    }
  }

  // Custom dates win over a preset: the date form sends both when a visitor types a range.
  if ((f.from || f.to) && f.when) {
    delete f.when;
    problems.push("dates given with a preset");
  }
  if (f.from && f.to && f.from > f.to) {
    [f.from, f.to] = [f.to, f.from];
    problems.push("dates reversed");
  }
  // A month is a date choice of its own: beside dates it does not fall in, the heading would name one span over a
  // grid of another. The dates are the later choice (a quick-date chip, or the date form, which carries the month it
  // was shown in). A preset moves with the clock, so a month beside one always goes.
  if (f.month && (f.when || outside(f.month, f.from, f.to))) {
    delete f.month;
    problems.push("month given with dates");
  }
  if (f.view === "list" && f.month) {
    delete f.month;
    problems.push("month only applies to the calendar");
  }
  if (f.view === "calendar" && f.page !== 1) {
    f.page = 1;
    problems.push("the calendar has no pages");
  }
  return { filters: f, problems };
}

/** Whether `month` lies outside the months a from–to range touches (either end may be open). */
function outside(month: Month, from: LocalDate | undefined, to: LocalDate | undefined): boolean {
  return (from !== undefined && month < monthOf(from)) || (to !== undefined && month > monthOf(to));
}

/** The canonical query string (no leading `?`), in a fixed key order, empty values left out. */
export function serializeFilters(filters: Partial<ListingFilters>): string {
  const p = new URLSearchParams();
  if (filters.view && filters.view !== "list") p.set("view", filters.view);
  if (filters.when) p.set("when", filters.when);
  if (filters.from) p.set("from", filters.from);
  if (filters.to) p.set("to", filters.to);
  if (filters.month && filters.view === "calendar") p.set("month", filters.month);
  if (filters.q) p.set("q", filters.q);
  if (filters.genre) p.set("genre", filters.genre);
  if (filters.venue) p.set("venue", filters.venue);
  for (const a of [...(filters.access ?? [])].sort()) p.append("access", a);
  if (filters.page && filters.page > 1) p.set("page", String(filters.page));
  return p.toString();
}

/** A what's on href with some state changed; changing anything but the page goes back to page 1. */
export function filtersHref(base: string, filters: ListingFilters, change: Partial<ListingFilters>): string {
  const next: ListingFilters = { ...filters, ...change };
  if (!("page" in change)) next.page = 1;
  if ("when" in change && change.when) {
    delete next.from;
    delete next.to;
  }
  if (("from" in change || "to" in change) && (change.from || change.to)) delete next.when;
  if (!("month" in change) && (change.when || change.from || change.to)) delete next.month;
  if (next.view !== "calendar") delete next.month;
  const qs = serializeFilters(next);
  return qs ? `${base}?${qs}` : base;
}

/**
 * The listing itself (the unfiltered list, any page) rather than a re-slice of the same events by date, view,
 * search, genre, venue or access. Only these are for search engines: every other listing URL is `noindex`, and
 * every link to one carries `rel="nofollow"` (`listingLinkRel`), so a crawler's walk of the site is finite.
 */
export function isCanonicalListing(f: ListingFilters): boolean {
  return isUnfiltered(f) && f.view === "list";
}

/** `rel` for a link to a what's on URL (path and query): `nofollow` unless it is the listing itself. */
export function listingLinkRel(href: string): "nofollow" | undefined {
  const query = href.includes("?") ? href.slice(href.indexOf("?") + 1) : "";
  return isCanonicalListing(parseFilters(new URLSearchParams(query)).filters) ? undefined : "nofollow";
}

/** True when no filter narrows the listing (dates, search, genre, venue, access). */
export function isUnfiltered(f: ListingFilters): boolean {
  return !f.when && !f.from && !f.to && !f.q && !f.genre && !f.venue && f.access.length === 0;
}
