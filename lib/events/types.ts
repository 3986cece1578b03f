/**
 * View models the public pages render. Plain data with ISO strings (they pass through the Next data cache,
 * which stores JSON), built from the content store by `./queries`.
 */
import type { Credit } from "./credits";
import type { LocalDate } from "./dates";
import type { AccessFlag, RecordStatus } from "@/lib/db/schema";

export interface ImageRef {
  url: string;
  alt: string;
}

export interface ListingEvent {
  slug: string;
  sourceId: string;
  title: string;
  subtitle: string | null;
  genre: string | null;
  excerpt: string;
  image: ImageRef | null;
  /** First and last matching performance (ISO instants). */
  firstAt: string;
  lastAt: string;
  performanceCount: number;
  access: AccessFlag[];
  venues: string[];
}

export interface ListingPage {
  events: ListingEvent[];
  total: number;
  page: number;
  pageSize: number;
  totalPages: number;
  /** When dates narrowed the search to nothing: the first match after them, whatever else narrowed it. */
  next?: NextMatch | null;
}

/** The first performance matching a search from some moment on: which show, and when (ISO instant). */
export interface NextMatch {
  slug: string;
  title: string;
  startsAt: string;
}

export interface CalendarPerformance {
  id: string;
  startsAt: string;
  /** Venue-local calendar date, YYYY-MM-DD. */
  day: string;
  eventSlug: string;
  eventTitle: string;
  label: string | null;
  access: AccessFlag[];
  venue: string | null;
}

export interface VenueRef {
  name: string;
  address: string | null;
  /** Streamed shows' venue: no street address, and search engines and calendars are told it is online. */
  online: boolean;
}

/** A venue the what's-on filter offers, by the slug the sync stored for it. */
export interface VenueOption extends VenueRef {
  slug: string;
}

export interface PerformanceView {
  id: string;
  startsAt: string;
  cancelled: boolean;
  /** Set when the venue marks a performance as moved; `from` is the old start when known (ISO). */
  rescheduled: { from: string | null } | null;
  access: AccessFlag[];
  venue: VenueRef | null;
  label: string | null;
  isOnSale: boolean;
  sellFrom: string | null;
  sellUntil: string | null;
  /** The lowest paid price on its price list (0 when free), from the sync; null when unknown. */
  fromPrice: number | null;
}

export interface EventDetail {
  sourceId: string;
  slug: string;
  title: string;
  subtitle: string | null;
  genre: string | null;
  /** Sanitised venue HTML, or null. */
  bodyHtml: string | null;
  /** Plain-text paragraphs, used when there is no HTML. */
  summaryParagraphs: string[];
  description: string;
  image: ImageRef | null;
  durationMinutes: number | null;
  ageGuidance: string | null;
  /** Cast and creative team, in the editor's order. */
  credits: Credit[];
  /** An https page where the trailer plays, or null. */
  trailerUrl: string | null;
  status: RecordStatus;
  cancelled: boolean;
  performances: PerformanceView[];
  pastPerformanceCount: number;
  updatedAt: string;
}

export type EventLookup =
  | { kind: "live"; event: EventDetail }
  /** Known to the store, but no longer shown (hidden, unpublished, disabled, or missing past keep-live-until). */
  | { kind: "gone" }
  | { kind: "unknown" };

export interface Facets {
  /** Access kinds with at least one upcoming listed performance, in display order. */
  access: AccessFlag[];
  genres: string[];
  venues: VenueOption[];
  /** The venue-local date of the last listed upcoming performance: the calendar links no month after it. */
  lastDay: LocalDate | null;
}
