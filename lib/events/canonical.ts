/**
 * Canonical redirects for what's on URLs, usable before rendering starts (from `proxy.ts`), where a redirect
 * can still carry a real 308 (or 307) status, and the cached list and calendar (rewritten before they render) are
 * redirected as well as the filtered pages.
 */
import { routes } from "@/lib/routes";
import { calendarBounds } from "./dates";
import { filtersHref, MONTH_OUTSIDE_CALENDAR, parseFilters } from "./filters";

export const WHATS_ON_PATH = routes.whatsOn;

/**
 * The canonical path+query to redirect to, or null when the URL is already fine. A calendar month outside
 * `calendarBounds` (before this month, or past the longest sync window) counts as malformed, but only for now:
 * that redirect is temporary, so no browser or crawler keeps it after the month comes into the calendar. Every
 * other problem is in the URL itself, and its redirect is permanent.
 */
export function whatsOnRedirect(url: URL, now: Date, timeZone: string): { to: string; permanent: boolean } | null {
  if (url.pathname !== WHATS_ON_PATH) return null;
  const { filters, problems } = parseFilters(url.searchParams, calendarBounds(now, timeZone));
  if (!problems.length) return null;
  return {
    to: filtersHref(WHATS_ON_PATH, filters, { page: filters.page }),
    permanent: !problems.includes(MONTH_OUTSIDE_CALENDAR),
  };
}
