import type { NextRequest } from "next/server";
import { buildIcs, icsResponse } from "@/lib/calendar/ics";
import { getFeed, getSourceIdForSlug } from "@/lib/events/cached";
import { siteInfo } from "@/lib/site";
import { errorResponse } from "@/lib/http/errors";

export const dynamic = "force-dynamic";

/** The calendar feed: every upcoming performance, or one event's with `?event=<slug>`. Subscribable. */
export async function GET(request: NextRequest) {
  const site = siteInfo();
  const slug = request.nextUrl.searchParams.get("event");
  if (slug !== null) {
    if (!/^[a-z0-9][a-z0-9-]{0,120}$/.test(slug)) return errorResponse(404, "not-found", "Unknown event.");
    const sourceId = await getSourceIdForSlug(slug);
    if (!sourceId) return errorResponse(404, "not-found", "Unknown event.");
    const perfs = await getFeed({ eventSourceId: sourceId });
    if (!perfs.length) return errorResponse(404, "not-found", "No upcoming performances.");
    return icsResponse(buildIcs(perfs, site, `${perfs[0]!.eventTitle} · ${site.name}`), `${slug}.ics`);
  }
  return icsResponse(buildIcs(await getFeed(), site, `${site.name}: what’s on`), "whats-on.ics");
}
