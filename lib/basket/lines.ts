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
