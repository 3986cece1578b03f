import type { PerformanceView } from "@/lib/events/types";
import { formatDay, formatTime } from "@/lib/events/format";
import { AccessBadges } from "./access-badges";
import { PerformanceListView, type PerformanceRow } from "./performance-list-client";

/**
 * An event's performances in the venue's time zone. Each row: date, time, venue, access badges, the live
 * availability badge and Book / add-to-calendar links. Cancelled rows stay visible, struck through.
 */
export function PerformanceList({
  performances,
  timeZone,
  showVenue,
}: {
  performances: PerformanceView[];
  timeZone: string;
  showVenue: boolean;
}) {
  const rows = performances.map((p): PerformanceRow => {
    const start = new Date(p.startsAt);
    const from = p.rescheduled?.from ? new Date(p.rescheduled.from) : null;
    // Only the fields a row has: each one is written into the page's RSC payload.
    return {
      id: p.id,
      startsAt: p.startsAt,
      day: formatDay(start, timeZone),
      time: formatTime(start, timeZone),
      ...(p.label ? { label: p.label } : {}),
      ...(showVenue && p.venue ? { venue: p.venue.name } : {}),
      ...(p.cancelled ? { cancelled: true } : {}),
      ...(p.rescheduled && !p.cancelled
        ? {
            rescheduled: `Rescheduled${from ? ` from ${formatDay(from, timeZone, false)} ${formatTime(from, timeZone)}` : ""}`,
          }
        : {}),
      ...(p.access.length ? { badges: <AccessBadges flags={p.access} size="sm" /> } : {}),
    };
  });
  return <PerformanceListView rows={rows} />;
}
