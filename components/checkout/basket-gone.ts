/**
 * What checkout says when the basket's id no longer resolves. Spektrix answers the same for a basket released after
 * its hold and for one that was paid (it became an order), so the words must be true of both: a member who pressed
 * Back after paying must not read that nothing was charged. Shared by the server's page and the payment step.
 */
export const BASKET_GONE = {
  title: "This basket is no longer open",
  body: "Baskets are held for a limited time, and one that has been paid for becomes an order. If you paid for this basket, the booking is in your account; if not, nothing has been charged, and the tickets may still be available.",
} as const;
