/** Baskets as the Spektrix client returns them, for tests that draw or reason about one. */
import type { Basket, BasketTicket } from "@/lib/spektrix";

/** A $20 ticket without a seat for performance P1; `change` sets anything else. */
export const basketTicket = (id: string, change: Partial<BasketTicket> = {}): BasketTicket => ({
  id,
  performanceId: "P1",
  eventId: null,
  ticketTypeId: null,
  priceBandId: null,
  seatId: null,
  seatName: null,
  planId: null,
  planName: null,
  price: 20,
  discount: 0,
  total: 20,
  attributes: {},
  ...change,
});

/** A basket holding `change.tickets` (none by default) and nothing else, its totals summed from them. */
export function basketOf(change: Partial<Basket> = {}): Basket {
  const tickets = change.tickets ?? [];
  return {
    id: "b1",
    hash: "H1",
    customerId: null,
    promoCode: null,
    total: tickets.reduce((sum, t) => sum + t.total, 0),
    totalDiscount: tickets.reduce((sum, t) => sum + t.discount, 0),
    tickets,
    donations: [],
    merchandise: [],
    memberships: [],
    giftVouchers: [],
    subscriptions: [],
    attributes: {},
    ...change,
  };
}
