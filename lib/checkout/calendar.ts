/** One performance as an iCalendar file, for the "Add to calendar" links on the confirmation. */
import { createEvent } from "ics";

export interface CalendarInput {
  performanceId: string;
  eventName: string;
  startUtc: string;
  durationMinutes: number | null;
  venueName: string;
  /** The whole LOCATION line (`calendarLocation` in lib/calendar/ics.ts). */
  location: string;
  url: string;
  orderReference: string;
}

/** The .ics text, or null when the performance has no usable start time. */
export function performanceCalendar(input: CalendarInput): string | null {
  const start = Date.parse(input.startUtc);
  if (Number.isNaN(start)) return null;
  const { error, value } = createEvent({
    uid: `${input.performanceId}-${input.orderReference}@storefront`,
    title: input.eventName,
    start,
    startInputType: "utc",
    startOutputType: "utc",
    // Spektrix stores 0 (read as unknown) when nobody entered a running time; assume an evening out.
    duration: { minutes: input.durationMinutes && input.durationMinutes > 0 ? input.durationMinutes : 150 },
    location: input.location,
    description: `Your booking at ${input.venueName}. Order reference ${input.orderReference}.`,
    url: input.url,
    status: "CONFIRMED",
    busyStatus: "BUSY",
    productId: "storefront/ics",
  });
  return error || !value ? null : value;
}
