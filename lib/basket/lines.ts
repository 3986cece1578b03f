import type { Basket, BasketTicket } from "@/lib/spektrix";

/** Total items in a basket, as the header and the checkout count them. */
export function basketItemCount(basket: Basket | null | undefined): number {
  if (!basket) return 0;
  return (
    basket.tickets.length +
    basket.donations.length +
    basket.merchandise.length +
    basket.memberships.length +
    basket.giftVouchers.length +
    basket.subscriptions.length
  );
}

type NonTicketItems = Pick<Basket, "memberships" | "donations" | "merchandise" | "giftVouchers"> &
  Partial<Pick<Basket, "subscriptions">>;

/** Names of the catalogue's funds, membership types and stock items by id (lib/spektrix-flows/basket-labels.ts). */
export interface ItemNames {
  funds: Record<string, string>;
  memberships: Record<string, string>;
  merchandise: Record<string, string>;
}

const named = (kind: string, names: Record<string, string> | undefined, id: string | null) => {
  const name = id === null ? undefined : names?.[id];
  return name ? `${kind}: ${name}` : kind;
};

/**
 * The lines that are not tickets, labelled for a summary (checkout and order confirmation): "Membership: Patron"
 * where `names` knows the id, the kind alone where it does not (a list Spektrix could not give just now).
 */
export function extraLines(items: NonTicketItems, names?: ItemNames): { label: string; amount: number }[] {
  return [
    ...items.memberships.map((m) => ({
      label: named("Membership", names?.memberships, m.membershipId),
      amount: m.total,
    })),
    ...items.donations.map((d) => ({ label: named("Donation", names?.funds, d.fundId), amount: d.amount })),
    ...items.merchandise.map((m) => ({
      label: named("Shop item", names?.merchandise, m.stockItemId),
      amount: m.total,
    })),
    ...items.giftVouchers.map((g) => ({ label: "Gift voucher", amount: g.amount })),
    ...(items.subscriptions ?? []).map((s) => ({
      label: s.name ? `Subscription: ${s.name}` : "Subscription",
      amount: s.price,
    })),
  ];
}

/** Tickets grouped by performance, in the order the basket lists them. */
export function groupTickets(tickets: BasketTicket[]): { performanceId: string; tickets: BasketTicket[] }[] {
  const groups = new Map<string, BasketTicket[]>();
  for (const t of tickets) groups.set(t.performanceId, [...(groups.get(t.performanceId) ?? []), t]);
  return [...groups.entries()].map(([performanceId, list]) => ({ performanceId, tickets: list }));
}

/** One line of a performance's tickets in the basket: a seat, or alike tickets without one, counted. */
export interface TicketLine {
  /** The basket's ids of the tickets on the line, in the basket's order. */
  ids: string[];
  /** The first of them, which stands for all (same type, area, price and discount). */
  ticket: BasketTicket;
  total: number;
}

/**
 * A performance's tickets as the basket lists them: each seat on a line of its own; tickets without a seat that are
 * alike (ticket type, price band, area, price and discount) on one line, so three adult tickets to a standing show
 * read "3 × Adult", not three identical lines. Lines keep the order of their first ticket.
 */
export function ticketLines(tickets: readonly BasketTicket[]): TicketLine[] {
  const lines = new Map<string, TicketLine>();
  for (const t of tickets) {
    const key =
      t.seatId || t.seatName
        ? `seat:${t.id}`
        : JSON.stringify([t.ticketTypeId, t.priceBandId, t.planId, t.planName, t.price, t.discount]);
    const line = lines.get(key);
    if (line) {
      line.ids.push(t.id);
      line.total += t.total;
    } else lines.set(key, { ids: [t.id], ticket: t, total: t.total });
  }
  return [...lines.values()];
}
