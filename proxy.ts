import { NextResponse, type NextRequest } from "next/server";
import { whatsOnRedirect } from "@/lib/events/canonical";

/**
 * Canonical redirects that must carry a real status. Pages stream behind loading states, so a redirect thrown
 * during render would reach the browser as a 200; here, before rendering, a malformed what's-on URL gets a 308
 * to its cleaned-up form.
 */
export function proxy(request: NextRequest) {
  const to = whatsOnRedirect(request.nextUrl);
  return to ? NextResponse.redirect(new URL(to, request.url), 308) : NextResponse.next();
}

export const config = { matcher: ["/whats-on"] };
