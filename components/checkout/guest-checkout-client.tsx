"use client";

/**
 * The guest checkout's own words around Spektrix's checkout frame. Once the visitor pays inside the frame, Spektrix
 * shows its confirmation there and the basket is empty, so "Back to your basket" and the members' log-in line no
 * longer fit. The frame posts its basket on every page it loads (spektrix-iframe-client.tsx): a count of none after
 * one with items is the order going through, or (rarely) the last item removed inside the frame, so the words
 * say what is certain and point to the confirmation rather than claim it. A basket that is empty from the frame's
 * first report (a stale tab, a basket that expired) has nothing to pay for: the page says so, points to what's on,
 * and hides the frame (`children`), whose log-in would lead nowhere. Nothing fills the basket from here, so that
 * lasts until the visitor leaves; should the frame report items after all, it shows again.
 */
import { useEffect, useState, type ReactNode } from "react";
import { SiteLink } from "@/components/site/site-link-client";
import { BASKET_CHANGED_EVENT, type BasketChangedDetail } from "@/components/spektrix/basket-events";

export function GuestCheckout({
  basketHref,
  signInHref,
  whatsOnHref,
  children,
}: {
  basketHref: string;
  signInHref: string;
  whatsOnHref: string;
  /** Spektrix's checkout frame. */
  children: ReactNode;
}) {
  // "open" until the frame says otherwise: without its report (no JavaScript, a slow frame) the order is open.
  const [basket, setBasket] = useState<"open" | "emptied" | "empty">("open");
  useEffect(() => {
    let hadItems = false;
    const onChange = (event: Event) => {
      const { source, itemCount } = (event as CustomEvent<BasketChangedDetail>).detail ?? {};
      if (source !== "iframe" || typeof itemCount !== "number") return;
      if (itemCount > 0) hadItems = true;
      setBasket(itemCount > 0 ? "open" : hadItems ? "emptied" : "empty");
    };
    window.addEventListener(BASKET_CHANGED_EVENT, onChange);
    return () => window.removeEventListener(BASKET_CHANGED_EVENT, onChange);
  }, []);
  const link = "font-medium text-brand underline underline-offset-2";
  return (
    <>
      <nav aria-label="Checkout steps" className="text-sm">
        {basket !== "open" ? (
          <SiteLink href={whatsOnHref} className={link}>
            ← Back to what’s on
          </SiteLink>
        ) : (
          <SiteLink href={basketHref} className={link}>
            ← Back to your basket
          </SiteLink>
        )}
      </nav>
      <h1 className="mt-3 text-4xl font-semibold">Checkout</h1>
      <div role="status" className="mt-2 max-w-2xl text-ink-soft">
        {basket === "emptied" ? (
          <p data-testid="guest-checkout-done">
            Your basket is now empty. If you have just paid, your confirmation is below, and a copy is on its way to
            your e-mail.
          </p>
        ) : basket === "empty" ? (
          <p data-testid="guest-checkout-empty">
            Your basket is empty, so there is nothing to pay for.{" "}
            <SiteLink href={whatsOnHref} className="text-brand underline underline-offset-2">
              Find a show
            </SiteLink>{" "}
            and add tickets first.
          </p>
        ) : (
          <p>
            Payment is handled securely by our ticketing partner, Spektrix. Members can{" "}
            <SiteLink href={signInHref} className="text-brand underline underline-offset-2">
              sign in
            </SiteLink>{" "}
            first to use their discounts.
          </p>
        )}
      </div>
      <div className="mt-6" hidden={basket === "empty"} data-testid="guest-checkout-frame">
        {children}
      </div>
    </>
  );
}
