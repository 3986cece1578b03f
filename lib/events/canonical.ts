/**
 * Canonical redirects for what's on URLs, usable before rendering starts (from `proxy.ts`), where a redirect
 * can still carry a real 308 status. Pages stream behind `loading.tsx`, so a redirect thrown during render
 * arrives as a 200 with a client-side redirect instead.
 *
 * Wire-up (root `proxy.ts`):
 *   import { NextResponse, type NextRequest } from "next/server";
 *   import { whatsOnRedirect } from "@/lib/events/canonical";
 *   export function proxy(request: NextRequest) {
 *     const to = whatsOnRedirect(request.nextUrl);
 *     return to ? NextResponse.redirect(new URL(to, request.url), 308) : NextResponse.next();
 *   }
 *   export const config = { matcher: ["/whats-on"] };
 */
import { filtersHref, parseFilters } from "./filters";

export const WHATS_ON_PATH = "/whats-on";
/** The segment under which the unfiltered list is cached as one page (`/whats-on/all`; see proxy.ts). */
export const UNFILTERED_VIEW = "all";

/** The canonical path+query to redirect to, or null when the URL is already fine. */
export function whatsOnRedirect(url: URL): string | null {
  if (url.pathname !== WHATS_ON_PATH) return null;
  const { filters, problems } = parseFilters(url.searchParams);
  if (!problems.length) return null;
  return filtersHref(WHATS_ON_PATH, filters, { page: filters.page });
}
