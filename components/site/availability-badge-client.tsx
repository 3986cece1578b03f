"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import type { AvailabilityState, AvailabilityView } from "@/lib/availability/state";
import { routes } from "@/lib/routes";

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

function useOnScreen<T extends Element>() {
  const ref = useRef<T>(null);
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === "undefined") {
      setVisible(true);
      return;
    }
    const io = new IntersectionObserver(([entry]) => setVisible(Boolean(entry?.isIntersecting)), {
      rootMargin: "200px",
    });
    io.observe(el);
    return () => io.disconnect();
  }, []);
  return [ref, visible] as const;
}

/** One request for every performance in `ids`, shared by each badge or panel that passes the same list. */
export function useAvailability(ids: string[], enabled: boolean) {
  return useQuery({
    queryKey: ["availability", ids],
    queryFn: () => fetchAvailability(ids),
    enabled,
    refetchInterval: enabled ? REFRESH_MS : false,
    refetchIntervalInBackground: false,
    retry: 1,
  });
}

const TONE: Record<AvailabilityState, string> = {
  onSale: "border-success/30 bg-success-tint text-success",
  fewLeft: "border-warning/40 bg-warning-tint text-warning",
  soldOut: "border-ink/20 bg-paper-deep text-ink",
  notYetOnSale: "border-access-line/30 bg-access-tint text-access",
  offSale: "border-ink/15 bg-paper-deep text-ink-soft",
  cancelled: "border-danger/30 bg-danger-tint text-danger",
  unknown: "border-line bg-white text-ink-soft",
};

/**
 * A live seat-status badge. Every badge on a page passes the same `ids`, so React Query makes one request for
 * all of them; it refreshes while the badge is on screen, and shows "Check availability" if the request fails.
 */
export function AvailabilityBadge({ performanceId, ids }: { performanceId: string; ids: string[] }) {
  const [ref, visible] = useOnScreen<HTMLSpanElement>();
  const query = useAvailability(ids, visible);
  const view = query.data?.performances[performanceId];
  const loading = !view && !query.isError;
  const state: AvailabilityState = view?.state ?? "unknown";
  const label = view?.label ?? (query.isError ? "Check availability" : "Checking…");
  return (
    <span
      ref={ref}
      data-testid="availability"
      data-state={loading ? "loading" : state}
      className={`availability ${loading ? "border-line bg-white text-ink-soft" : TONE[state]}`}
    >
      {/* Only the dot pulses while loading: a pulsing label dips below readable contrast half the time. */}
      <span aria-hidden className={loading ? "availability-dot motion-safe:animate-pulse" : "availability-dot"} />
      <span aria-live="polite">{label}</span>
    </span>
  );
}
