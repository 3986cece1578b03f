import { NextResponse, type NextRequest } from "next/server";
import { UNFILTERED_VIEW, WHATS_ON_PATH, whatsOnRedirect } from "@/lib/events/canonical";

/** Longer than any real slug or Spektrix id; file systems refuse cache file names much past 255 bytes. */
const MAX_SEGMENT_LENGTH = 200;

/**
 * Work that must happen before rendering starts:
 * - a malformed what's-on URL gets a real 308 to its cleaned-up form (a redirect thrown while a page streams
 *   would reach the browser as a 200);
 * - a bare /whats-on is served by the cached unfiltered page, so a rush of visitors costs no rendering;
 * - an absurdly long event slug or performance id is answered as the not-found page it is, instead of reaching
 *   the incremental cache, which would try to write a file named after it.
 */
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const to = whatsOnRedirect(request.nextUrl);
  if (to) return NextResponse.redirect(new URL(to, request.url), 308);
  if (pathname === WHATS_ON_PATH && !request.nextUrl.search) {
    return NextResponse.rewrite(new URL(`${WHATS_ON_PATH}/${UNFILTERED_VIEW}`, request.url));
  }

  const [, section, segment] = pathname.split("/");
  if ((section === "events" || section === "book") && segment && segment.length > MAX_SEGMENT_LENGTH) {
    return NextResponse.rewrite(new URL(`/${section}/-`, request.url));
  }
  return NextResponse.next();
}

// Event and booking pages pass through here only when their last segment is over-long, so ordinary
// (cached) event pages pay nothing for the check.
export const config = { matcher: ["/whats-on", "/events/:slug(.{201,})", "/book/:id(.{201,})"] };
