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

/** The lines that are not tickets, labelled for a summary (checkout and order confirmation). */
export function extraLines(items: NonTicketItems): { label: string; amount: number }[] {
  return [
    ...items.memberships.map((m) => ({ label: "Membership", amount: m.total })),
    ...items.donations.map((d) => ({ label: "Donation", amount: d.amount })),
    ...items.merchandise.map((m) => ({ label: "Shop item", amount: m.total })),
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
