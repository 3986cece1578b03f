/**
 * One browser-wide signal that the Spektrix basket changed: web components fire it on `success`, iframes on
 * their load messages. The provider listens once and refetches the basket, so every count on the page agrees.
 */
export const BASKET_CHANGED_EVENT = "spektrix:basket-changed";

export interface BasketChangedDetail {
  source: "web-component" | "iframe" | "basket-page";
  /** Item count when the sender already knows it (iframe basket messages carry the whole basket). */
  itemCount?: number | null;
  /**
   * Whether the Spektrix session has a customer, when the sender knows (an iframe's basket names one). A visitor
   * who signed in inside Spektrix's own checkout has an empty basket once they have paid, and still needs the
   * header to notice the sign-in and link the site's session to it (lib/auth/drift.ts).
   */
  spektrixCustomer?: boolean | null;
}

export function announceBasketChange(detail: BasketChangedDetail): void {
  if (typeof window === "undefined") return;
  window.dispatchEvent(new CustomEvent<BasketChangedDetail>(BASKET_CHANGED_EVENT, { detail }));
}
