import { buildIcs, icsResponse, performanceIcsFilename } from "@/lib/calendar/ics";
import { getFeed } from "@/lib/events/cached";
import { isSpektrixId } from "@/lib/spektrix";
import { siteInfo } from "@/lib/site";
import { errorResponse } from "@/lib/http/errors";

export const dynamic = "force-dynamic";

/** One performance as an .ics file, for "Add to calendar". */
export async function GET(_request: Request, { params }: { params: Promise<{ performanceId: string }> }) {
  const { performanceId } = await params;
  if (!isSpektrixId(performanceId)) return errorResponse(404, "not-found", "Unknown performance.");
  const [perf] = await getFeed({ performanceId });
  if (!perf) return errorResponse(404, "not-found", "Unknown performance.");
  const site = siteInfo();
  return icsResponse(buildIcs([perf], site), performanceIcsFilename(perf.eventSlug, perf.startsAt, site.timeZone));
}
