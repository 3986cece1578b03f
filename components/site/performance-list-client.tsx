"use client";

import type { ReactNode } from "react";
import { AvailabilityBadge } from "./availability-badge-client";
import { routes } from "@/lib/routes";

/** One performance as the list shows it, formatted by the server. Optional fields are left out when empty. */
export interface PerformanceRow {
  id: string;
  startsAt: string;
  /** "Fri 24 Oct 2025", in the venue's time zone. */
  day: string;
  /** "7.30pm", in the venue's time zone. */
  time: string;
  label?: string;
  venue?: string;
  cancelled?: boolean;
  /** "Rescheduled from Fri 17 Oct 7.30pm". */
  rescheduled?: string;
  /** Access badges, rendered by the server. */
  badges?: ReactNode;
}

/**
 * The markup of `PerformanceList`. It is a client component only for the page weight: a page carries its
 * server components' whole element tree in the RSC payload but a client component's props alone, and a run can
 * have dozens of performances. Styles: the `.perf-*` classes in globals.css.
 */
export function PerformanceListView({ rows }: { rows: PerformanceRow[] }) {
  // Every badge asks about the same performances, so React Query makes one request for all of them.
  const liveIds = rows
    .filter((r) => !r.cancelled)
    .map((r) => r.id)
    .slice(0, 60);
  return (
    <ol className="divide-y divide-line overflow-hidden rounded-card border border-line bg-white">
      {rows.map((r) => (
        <li key={r.id} id={`p-${r.id}`} className={r.cancelled ? "perf-row bg-paper-deep/50" : "perf-row"}>
          <div className="min-w-0">
            <p className={r.cancelled ? "perf-when text-ink-soft line-through decoration-danger/70" : "perf-when"}>
              <time dateTime={r.startsAt}>
                {r.day} <span className="text-brand">{r.time}</span>
              </time>
            </p>
            <div className="perf-meta">
              {r.label ? <span className="font-semibold text-ink">{r.label}</span> : null}
              {r.venue ? <span>{r.venue}</span> : null}
              {r.cancelled ? <span className="font-semibold text-danger">Cancelled</span> : null}
              {r.rescheduled ? <span className="font-semibold text-warning">{r.rescheduled}</span> : null}
            </div>
            {r.badges ? <div className="mt-2">{r.badges}</div> : null}
          </div>
          {r.cancelled ? null : (
            <div className="perf-actions">
              <a
                href={routes.api.performanceCalendar(r.id)}
                className="perf-calendar"
                aria-label={`Add to calendar: ${r.day} ${r.time}`}
              >
                Add to calendar
              </a>
              {/* The badge and the Book link it changes sit side by side. */}
              <AvailabilityBadge
                performanceId={r.id}
                ids={liveIds}
                book={{ href: routes.book(r.id), when: `${r.day} at ${r.time}` }}
              />
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}
