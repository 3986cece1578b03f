/**
 * The order confirmation: an order is shown only to the customer it belongs to. Anyone else, signed in or
 * not, gets the same "not found" as for an order that does not exist, so order ids cannot be probed.
 */
import {
  isOpaqueId,
  isSpektrixError,
  mapWithConcurrency,
  SpektrixHttpError,
  type Event,
  type Order,
  type OrderPayment,
  type Performance,
} from "@/lib/spektrix";
import type { SiteSession } from "@/lib/auth/session";
import { extraLines, type ItemNames } from "@/lib/basket/lines";
import { errorText, logger } from "@/lib/log/logger.mjs";
import { RECENT_ORDER_MS } from "./completion";

export interface ConfirmationDeps {
  getOrder(orderId: string): Promise<Order>;
  getPerformance(performanceId: string): Promise<Performance>;
  getEvent(eventId: string): Promise<Event>;
}

export interface ConfirmationPerformance {
  performanceId: string;
  eventId: string | null;
  eventName: string;
  startUtc: string | null;
  /** Venue local time as Spektrix gives it, no offset. */
  startLocal: string | null;
  durationMinutes: number | null;
  tickets: { id: string; seatName: string | null; total: number }[];
  total: number;
}

export interface Confirmation {
  orderId: string;
  /** Short reference for the box office: the order id's leading digits where it has them. */
  reference: string;
  placedUtc: string | null;
  total: number;
  performances: ConfirmationPerformance[];
  extras: { label: string; amount: number }[];
  /** How the order was paid, in Spektrix's order (account credit first, then the card). */
  payments: { label: string; amount: number }[];
}

/** Loads the order if, and only if, it belongs to the signed-in customer. */
export async function loadOwnOrder(
  input: { session: SiteSession; orderId: string },
  deps: Pick<ConfirmationDeps, "getOrder">,
): Promise<Order | null> {
  if (!input.session?.customerId || !isOpaqueId(input.orderId)) return null;
  let order: Order;
  try {
    order = await deps.getOrder(input.orderId);
  } catch (error) {
    if (error instanceof SpektrixHttpError && (error.status === 404 || error.status === 403)) return null;
    throw error;
  }
  return order.customerId === input.session.customerId ? order : null;
}

export async function loadConfirmation(
  input: { session: SiteSession; orderId: string },
  deps: ConfirmationDeps,
  /** Catalogue names for the lines that are not tickets; a promise, so they load beside the order. */
  names?: ItemNames | Promise<ItemNames>,
): Promise<Confirmation | null> {
  const order = await loadOwnOrder(input, deps);
  if (!order) return null;

  const performances = await describePerformances(order.tickets, deps);

  const extras = extraLines(order, await names);

  return {
    orderId: order.id,
    reference: orderReference(order.id),
    placedUtc: order.firstTransactionUtc,
    total: order.total,
    performances,
    extras,
    payments: order.payments
      .filter((p) => p.amount > 0)
      .map((p) => ({ label: PAYMENT_LABELS[p.kind] ?? p.type, amount: p.amount })),
  };
}

const PAYMENT_LABELS: Record<OrderPayment["kind"], string | null> = {
  card: "Card",
  credit: "Account credit",
  voucher: "Gift voucher",
  other: null,
};

export type ConfirmationOutcome =
  | { kind: "shown"; confirmation: Confirmation }
  | { kind: "notFound" }
  /** Spektrix could not be read: the order may well exist, so the page must not look like a failed payment. */
  | { kind: "checking" };

/**
 * What the confirmation page shows. A member lands here straight after paying, so an upstream fault answers
 * "we're checking your order" (with a way to look again) rather than an error page that reads as "not booked"
 * and invites paying twice.
 */
export async function confirmationOutcome(
  input: { session: SiteSession; orderId: string },
  deps: ConfirmationDeps,
  names?: ItemNames | Promise<ItemNames>,
): Promise<ConfirmationOutcome> {
  try {
    const confirmation = await loadConfirmation(input, deps, names);
    return confirmation ? { kind: "shown", confirmation } : { kind: "notFound" };
  } catch (error) {
    if (!isSpektrixError(error)) throw error;
    logger("checkout").warn({ error: errorText(error) }, "confirmation: could not read the order; showing 'checking'");
    return { kind: "checking" };
  }
}

/** Tickets grouped by performance, with event names and times looked up (four at a time). */
export async function describePerformances(
  tickets: readonly Order["tickets"][number][],
  deps: Pick<ConfirmationDeps, "getPerformance" | "getEvent">,
): Promise<ConfirmationPerformance[]> {
  const byPerformance = new Map<string, Order["tickets"][number][]>();
  for (const ticket of tickets) {
    const list = byPerformance.get(ticket.performanceId) ?? [];
    list.push(ticket);
    byPerformance.set(ticket.performanceId, list);
  }
  const performances = await mapWithConcurrency([...byPerformance.entries()], 4, async ([performanceId, group]) => {
    // Names and times are nice to have: a failed lookup still shows the tickets.
    const performance = await deps.getPerformance(performanceId).catch(() => null);
    const eventId = performance?.eventId ?? group[0]?.eventId ?? null;
    const event = eventId ? await deps.getEvent(eventId).catch(() => null) : null;
    return {
      performanceId,
      eventId,
      eventName: event?.name ?? "Your performance",
      startUtc: performance?.startUtc ?? null,
      startLocal: performance?.startLocal ?? null,
      durationMinutes: event?.durationMinutes ?? null,
      tickets: group.map((t) => ({ id: t.id, seatName: t.seatName, total: t.total })),
      total: round(group.reduce((sum, t) => sum + t.total, 0)),
    } satisfies ConfirmationPerformance;
  });
  return performances.sort((a, b) => (a.startUtc ?? "").localeCompare(b.startUtc ?? ""));
}

export function orderReference(orderId: string): string {
  const digits = /^(\d+)A/.exec(orderId)?.[1];
  return digits ?? orderId.slice(0, 12).toUpperCase();
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/**
 * Whether the confirmation is the end of a checkout (thanks, the basket badge emptied) or an order opened later
 * from the account, when "Thank you, you're booked" would read oddly and the member may have a new basket going.
 * The same window as the completion check's "the order this checkout just placed"; no time known reads as just now.
 */
export function isJustPlaced(placedUtc: string | null, now: Date): boolean {
  const placed = placedUtc === null ? Number.NaN : Date.parse(placedUtc);
  return Number.isNaN(placed) || now.getTime() - placed < RECENT_ORDER_MS;
}
