import Link from "next/link";
import type { PerformanceView } from "@/lib/events/types";
import { formatDay, formatTime } from "@/lib/events/format";
import { AccessBadges } from "./access-badges";
import { AvailabilityBadge } from "./availability-badge-client";

/**
 * An event's performances in the venue's time zone. Each row: date, time, venue, access badges, the live
 * availability badge and Book / add-to-calendar links. Cancelled rows stay visible, struck through.
 */
export function PerformanceList({ performances, timeZone, showVenue }: { performances: PerformanceView[]; timeZone: string; showVenue: boolean }) {
  const liveIds = performances.filter((p) => !p.cancelled).map((p) => p.id).slice(0, 60);
  return (
    <ol className="divide-y divide-line overflow-hidden rounded-card border border-line bg-white">
      {performances.map((p) => {
        const start = new Date(p.startsAt);
        return (
          <li key={p.id} id={`p-${p.id}`} className={`grid gap-3 p-4 sm:grid-cols-[1fr_auto] sm:items-center sm:gap-6 md:px-6 ${p.cancelled ? "bg-paper-deep/50" : ""}`}>
            <div className="min-w-0">
              <p className={`font-display text-xl font-semibold ${p.cancelled ? "text-ink-soft line-through decoration-danger/70" : ""}`}>
                <time dateTime={p.startsAt}>
                  {formatDay(start, timeZone)} <span className="text-brand">{formatTime(start, timeZone)}</span>
                </time>
              </p>
              <div className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1.5 text-sm text-ink-soft">
                {p.label ? <span className="font-semibold text-ink">{p.label}</span> : null}
                {showVenue && p.venue ? <span>{p.venue.name}</span> : null}
                {p.cancelled ? <span className="font-semibold text-danger">Cancelled</span> : null}
                {p.rescheduled && !p.cancelled ? (
                  <span className="font-semibold text-warning">
                    Rescheduled{p.rescheduled.from ? ` from ${formatDay(new Date(p.rescheduled.from), timeZone, false)} ${formatTime(new Date(p.rescheduled.from), timeZone)}` : ""}
                  </span>
                ) : null}
              </div>
              {p.access.length ? (
                <div className="mt-2">
                  <AccessBadges flags={p.access} size="sm" />
                </div>
              ) : null}
            </div>
            {p.cancelled ? null : (
              <div className="flex flex-wrap items-center gap-2 sm:justify-end">
                <AvailabilityBadge performanceId={p.id} ids={liveIds} />
                <a href={`/api/calendar/${encodeURIComponent(p.id)}`} className="inline-flex items-center rounded-pill px-2.5 py-2 text-sm font-medium text-ink-soft underline-offset-4 hover:text-ink hover:underline">
                  Add to calendar<span className="sr-only">: {formatDay(start, timeZone)} {formatTime(start, timeZone)}</span>
                </a>
                <Link href={`/book/${encodeURIComponent(p.id)}`} className="btn btn-primary !py-2.5 text-sm" prefetch={false}>
                  Book<span className="sr-only"> for {formatDay(start, timeZone)} at {formatTime(start, timeZone)}</span>
                </Link>
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
