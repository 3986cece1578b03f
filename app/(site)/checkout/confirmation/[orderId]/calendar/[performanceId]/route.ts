import { getFlowSettings } from "@/lib/spektrix-flows/settings";
import { getSiteSession } from "@/lib/auth/server";
import { accountService } from "@/lib/auth/services";
import { calendarLocation, icsResponse, performanceIcsFilename } from "@/lib/calendar/ics";
import { performanceCalendar } from "@/lib/checkout/calendar";
import { getFeed } from "@/lib/events/cached";
import { loadOwnOrder, orderReference } from "@/lib/checkout/confirmation";
import { routes } from "@/lib/routes";
import { siteInfo } from "@/lib/site";
import { errorResponse } from "@/lib/http/errors";
import { describeSpektrixError, SpektrixError } from "@/lib/spektrix";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ orderId: string; performanceId: string }> };

/** "Add to calendar" for one performance of one of the customer's own orders. */
export async function GET(_request: Request, context: Context) {
  const { orderId, performanceId } = await context.params;
  const owner = (await accountService()).owner;
  let order;
  try {
    order = await loadOwnOrder({ session: await getSiteSession(), orderId }, owner);
  } catch (error) {
    // Spektrix down, slow or garbled: say so (502/504), not a 500 with an empty body.
    if (!(error instanceof SpektrixError)) throw error;
    const { status, reason, message } = describeSpektrixError(error);
    return errorResponse(status, reason, message);
  }
  const ticket = order?.tickets.find((t) => t.performanceId === performanceId);
  if (!order || !ticket) return errorResponse(404, "not-found", "Not found.");

  const performance = await owner.getPerformance(performanceId).catch(() => null);
  const eventId = performance?.eventId ?? ticket.eventId;
  const event = eventId ? await owner.getEvent(eventId).catch(() => null) : null;
  const site = siteInfo();
  const accountUrl = new URL((await getFlowSettings()).pagePaths.account, site.url).href;
  // The venue as the site stores it (which hall; a streamed show's online venue). A performance the store does not
  // list (hidden, or no longer in the feed) falls back to the theatre's own address.
  const [stored] = await getFeed({ performanceId }).catch(() => []);
  const body = performance
    ? performanceCalendar({
        performanceId,
        eventName: event?.name ?? "Performance",
        startUtc: performance.startUtc,
        durationMinutes: event?.durationMinutes ?? null,
        venueName: site.name,
        location: calendarLocation(
          stored?.venue ?? null,
          site,
          stored ? `${site.url}${routes.event(stored.eventSlug)}` : accountUrl,
        ),
        url: accountUrl,
        orderReference: orderReference(order.id),
      })
    : null;
  if (!body || !performance) return errorResponse(404, "not-found", "This performance has no start time yet.");

  const show = stored?.eventSlug ?? event?.name ?? "performance";
  return icsResponse(body, performanceIcsFilename(show, performance.startUtc, site.timeZone), "private");
}
