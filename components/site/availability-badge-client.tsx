"use client";

/**
 * Live seat-status badges. The badge is drawn as "Checking…" with the page; the code that asks (React Query, in
 * availability-live-client.tsx) loads only once a badge comes on screen, after the first paint (ADR 0016).
 */
import { lazy, Suspense, useEffect, useState, type Ref } from "react";
import type { AvailabilityState, AvailabilityView } from "@/lib/availability/state";
import { SiteLink } from "./site-link-client";

const LiveAvailabilityBadge = lazy(() => import("./availability-live-client"));

/** Whether the element given to the returned ref is on screen (or nearly); the element may change. */
function useOnScreen<T extends Element>() {
  const [element, setElement] = useState<T | null>(null);
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    if (!element) return;
    const io = new IntersectionObserver(([entry]) => setVisible(Boolean(entry?.isIntersecting)), {
      rootMargin: "200px",
    });
    io.observe(element);
    return () => io.disconnect();
  }, [element]);
  return [setElement, visible] as const;
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

/** The performance's booking link that follows the badge: where it goes, and the date and time for screen readers. */
export interface BookAction {
  href: string;
  when: string;
}

/**
 * A live seat-status badge. Every badge on a page passes the same `ids`, so one request serves all of them; it
 * refreshes while the badge is on screen, and shows "Check availability" if the request fails. With `book`, the
 * performance's booking link follows it and changes with it (BookButton).
 */
export function AvailabilityBadge({
  performanceId,
  ids,
  book,
}: {
  performanceId: string;
  ids: string[];
  book?: BookAction;
}) {
  const [ref, visible] = useOnScreen<HTMLSpanElement>();
  // Once it has been on screen the live badge stays, and pauses its refreshes while scrolled away.
  const [seen, setSeen] = useState(false);
  if (visible && !seen) setSeen(true);
  // The live badge reports its view here, so the Book link stays one element, outside the Suspense boundary:
  // swapping the badge never remounts the link a keyboard or screen-reader user may be on.
  const [view, setView] = useState<AvailabilityView | undefined>(undefined);
  const checking = <AvailabilityBadgeView ref={ref} view={undefined} failed={false} />;
  return (
    <>
      {seen ? (
        <Suspense fallback={checking}>
          <LiveAvailabilityBadge
            ref={ref}
            performanceId={performanceId}
            ids={ids}
            visible={visible}
            onView={book ? setView : undefined}
          />
        </Suspense>
      ) : (
        checking
      )}
      {book ? <BookButton book={book} view={view} /> : null}
    </>
  );
}

/**
 * "Book" while the performance can be booked or its state is not known yet (loading, or the check failed). Once
 * the live state says it cannot, a quieter link: "See options" when sold out (the booking page then lists other
 * dates and the box office, and Spektrix's view shows any returns), "Details" when booking is closed, not open
 * yet or not online. The row stops promising seats it does not have.
 */
export function BookButton({ book, view }: { book: BookAction; view: AvailabilityView | undefined }) {
  const closed = view !== undefined && !view.bookable;
  const label = !closed ? "Book" : view.state === "soldOut" ? "See options" : "Details";
  return (
    <SiteLink
      href={book.href}
      prefetchOnIntent={false}
      data-testid="book-link"
      className={`btn !py-2.5 text-sm ${closed ? "btn-ghost text-ink" : "btn-primary"}`}
    >
      {label}
      <span className="sr-only">{` for ${book.when}`}</span>
    </SiteLink>
  );
}

/** The badge's markup: "Checking…" until there is a view or the request failed. */
export function AvailabilityBadgeView({
  ref,
  view,
  failed,
}: {
  ref: Ref<HTMLSpanElement>;
  view: AvailabilityView | undefined;
  failed: boolean;
}) {
  const loading = !view && !failed;
  const state: AvailabilityState = view?.state ?? "unknown";
  const label = view?.label ?? (failed ? "Check availability" : "Checking…");
  return (
    <span
      ref={ref}
      data-testid="availability"
      data-state={loading ? "loading" : state}
      className={`availability ${loading ? "needs-js border-line bg-white text-ink-soft" : TONE[state]}`}
    >
      {/* Only the dot pulses while loading: a pulsing label dips below readable contrast half the time. */}
      <span aria-hidden className={loading ? "availability-dot motion-safe:animate-pulse" : "availability-dot"} />
      <span aria-live="polite">{label}</span>
    </span>
  );
}
