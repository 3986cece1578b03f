"use client";

/**
 * Live availability, loaded after the first paint (availability-badge-client.tsx, sold-out-help-client.tsx): one
 * request for every performance a page's badges show, refreshed while they are on screen.
 */
import { useQuery } from "@tanstack/react-query";
import { useEffect, type Ref } from "react";
import type { AvailabilityView } from "@/lib/availability/state";
import { routes } from "@/lib/routes";
import { LiveQueries } from "@/components/spektrix/live-queries-client";
import { AvailabilityBadgeView } from "./availability-badge-client";
import { SoldOutHelpView, type SoldOutHelpProps } from "./sold-out-help-client";

type Response = { performances: Record<string, AvailabilityView> };

/** How often a badge on screen asks again. The server caches each performance for up to 30 s. */
const REFRESH_MS = 30_000;

async function fetchAvailability(ids: string[]): Promise<Response> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 6_000);
  try {
    const res = await fetch(routes.api.availability(ids), { signal: controller.signal });
    if (!res.ok) throw new Error(`availability ${res.status}`);
    return (await res.json()) as Response;
  } finally {
    clearTimeout(timer);
  }
}

/** One request for every performance in `ids`, shared by each badge or panel that passes the same list. */
function useAvailability(ids: string[], enabled: boolean) {
  return useQuery({
    queryKey: ["availability", ids],
    queryFn: () => fetchAvailability(ids),
    enabled,
    refetchInterval: enabled ? REFRESH_MS : false,
    refetchIntervalInBackground: false,
    retry: 1,
  });
}

interface LiveBadgeProps {
  ref: Ref<HTMLSpanElement>;
  performanceId: string;
  ids: string[];
  /** On screen now: refreshes pause while it is not. */
  visible: boolean;
  /** Told each view as it arrives, for the Book link beside the badge. */
  onView?: (view: AvailabilityView | undefined) => void;
}

export default function LiveAvailabilityBadge(props: LiveBadgeProps) {
  return (
    <LiveQueries>
      <Badge {...props} />
    </LiveQueries>
  );
}

function Badge({ ref, performanceId, ids, visible, onView }: LiveBadgeProps) {
  const query = useAvailability(ids, visible);
  const view = query.data?.performances[performanceId];
  useEffect(() => onView?.(view), [onView, view]);
  return <AvailabilityBadgeView ref={ref} view={view} failed={query.isError} />;
}

export function LiveSoldOutHelp(props: SoldOutHelpProps) {
  return (
    <LiveQueries>
      <SoldOutHelpWhenSoldOut {...props} />
    </LiveQueries>
  );
}

/**
 * The performance's own request is the badge's (one request, one cache entry). Only once it says sold out are the
 * other dates asked about, so the help never sends a visitor from one sold-out date to another: a date live
 * availability says cannot be booked is left out; one it cannot tell about stays, as badges keep "Check
 * availability" bookable. The help waits for that answer rather than showing dates that then vanish.
 */
function SoldOutHelpWhenSoldOut(props: SoldOutHelpProps) {
  const own = useAvailability([props.performanceId], true);
  const soldOut = own.data?.performances[props.performanceId]?.state === "soldOut";
  const others = useAvailability(
    props.otherDates.map((d) => d.id),
    soldOut && props.otherDates.length > 0,
  );
  if (!soldOut) return null;
  if (props.otherDates.length > 0 && others.isPending) return null;
  const live = others.data?.performances;
  const otherDates = props.otherDates.filter((d) => live?.[d.id]?.bookable !== false);
  return (
    <SoldOutHelpView
      {...props}
      otherDates={otherDates}
      othersUnavailable={otherDates.length === 0 && props.otherDates.length > 0}
    />
  );
}
