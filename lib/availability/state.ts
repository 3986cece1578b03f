/**
 * Availability states a visitor sees, from two sources kept apart on purpose: sale facts the sync stored
 * (cancelled, web sale window, on sale) and live seat counts from Spektrix. "On sale" is not "available":
 * a performance can be on sale and sold out.
 */

export const AVAILABILITY_STATES = [
  "onSale",
  "fewLeft",
  "soldOut",
  "notYetOnSale",
  "offSale",
  "cancelled",
  "unknown",
] as const;
export type AvailabilityState = (typeof AVAILABILITY_STATES)[number];

export interface AvailabilityView {
  state: AvailabilityState;
  /** Short badge text. */
  label: string;
  /** Seats left when few are left; omitted otherwise so exact counts are not broadcast. */
  remaining?: number;
  /** When web sales open, for `notYetOnSale` (ISO). */
  onSaleAt?: string;
  /** Whether the Book button should lead to booking (false only when booking certainly cannot happen). */
  bookable: boolean;
}

export interface SaleFactsInput {
  startsAt: string | Date;
  cancelled: boolean;
  isOnSale: boolean;
  sellFrom: string | Date | null;
  sellUntil: string | Date | null;
}

export interface LiveCounts {
  available: number;
  capacity: number;
}

const time = (v: string | Date | null) => (v === null ? null : new Date(v).getTime());

/** Whether the performance has begun at `now`: past booking for good, whatever else its sale facts say. */
export function hasStarted(facts: Pick<SaleFactsInput, "startsAt">, now: Date): boolean {
  return (time(facts.startsAt) ?? 0) <= now.getTime();
}

/**
 * What the stored sale facts alone decide at `now`, before any seat count: cancelled, started, not yet on sale, or
 * off sale on the web. Null when the web may sell it, and only live counts can say more.
 */
export function saleClosed(facts: SaleFactsInput, now: Date): AvailabilityView | null {
  const at = now.getTime();
  if (facts.cancelled) return { state: "cancelled", label: "Cancelled", bookable: false };
  if (hasStarted(facts, now)) return { state: "offSale", label: "Booking closed", bookable: false };
  const from = time(facts.sellFrom);
  if (from !== null && from > at) {
    return { state: "notYetOnSale", label: "On sale soon", onSaleAt: new Date(from).toISOString(), bookable: false };
  }
  const until = time(facts.sellUntil);
  if ((until !== null && until <= at) || !facts.isOnSale) {
    return { state: "offSale", label: "Not on sale online", bookable: false };
  }
  return null;
}

export function availabilityState(
  facts: SaleFactsInput | null,
  live: LiveCounts | null,
  options: { now: Date; threshold: number },
): AvailabilityView {
  if (!facts) return { state: "unknown", label: "Check availability", bookable: true };
  const closed = saleClosed(facts, options.now);
  if (closed) return closed;
  if (!live) return { state: "unknown", label: "Check availability", bookable: true };
  if (live.available <= 0) return { state: "soldOut", label: "Sold out", bookable: false };
  if (live.available <= options.threshold) {
    return {
      state: "fewLeft",
      label: live.available === 1 ? "Last seat" : `Only ${live.available} left`,
      remaining: live.available,
      bookable: true,
    };
  }
  return { state: "onSale", label: "Available", bookable: true };
}
