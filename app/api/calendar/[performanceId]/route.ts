import { buildIcs, icsResponse } from "@/lib/calendar/ics";
import { getFeed } from "@/lib/events/cached";
import { isSpektrixId } from "@/lib/spektrix";
import { siteInfo } from "@/lib/site";

export const dynamic = "force-dynamic";

/** One performance as an .ics file, for "Add to calendar". */
export async function GET(_request: Request, { params }: { params: Promise<{ performanceId: string }> }) {
  const { performanceId } = await params;
  if (!isSpektrixId(performanceId)) return new Response("Unknown performance", { status: 404 });
  const [perf] = await getFeed({ performanceId });
  if (!perf) return new Response("Unknown performance", { status: 404 });
  return icsResponse(buildIcs([perf], siteInfo()), `${perf.eventSlug}-${perf.startsAt.slice(0, 10)}.ics`);
}
