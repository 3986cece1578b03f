"use client";

/**
 * The header basket: `<spektrix-basket-summary>` (which Spektrix needs for cart-abandonment tracking) around
 * the site's own link. The visible count and total come from the shared basket query, which refetches when
 * a web component succeeds, an iframe reports a basket change, or the window regains focus; the component's
 * own `count` attribute is watched as a second signal. A browser that never started a basket (no hint, not
 * signed in; lib/basket/hint.ts) is shown an empty basket without a read of our own; if Spektrix's component
 * counts items after all, the hint is set and the read follows.
 */
import { SiteLink } from "@/components/site/site-link-client";
import { useEffect, useRef } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { formatMoney } from "@/lib/spektrix-flows/money";
import {
  basketItemCount,
  basketQueryKey,
  useHydrated,
  useSpektrix,
  rememberBasket,
  useBasketWorthAsking,
  useSpektrixBasket,
  useSpektrixComponent,
} from "./spektrix-loader-client";
import { BasketIcon } from "@/components/icons";

export function BasketSummary({ href }: { href?: string }) {
  const { config, basketPath } = useSpektrix();
  const state = useSpektrixComponent("spektrix-basket-summary");
  const basket = useSpektrixBasket({ onlyIfWorthAsking: true });
  const worthAsking = useBasketWorthAsking();
  const queryClient = useQueryClient();
  const elementRef = useRef<HTMLElement>(null);

  // When Spektrix's component sees a different count than we hold, ours is the stale one: refetch.
  useEffect(() => {
    const el = elementRef.current;
    if (!el || state !== "ready") return;
    const compare = () => {
      const attr = el.getAttribute("count");
      const theirs = attr === null ? null : Number.parseInt(attr, 10);
      const ours = basketItemCount(queryClient.getQueryData(basketQueryKey));
      if (theirs === null || !Number.isFinite(theirs) || theirs === ours) return;
      // Spektrix counts items in a basket this browser never announced (started elsewhere): read it too.
      if (theirs > 0) rememberBasket(true);
      void queryClient.invalidateQueries({ queryKey: basketQueryKey });
    };
    compare();
    const observer = new MutationObserver(compare);
    observer.observe(el, { attributes: true, attributeFilter: ["count"] });
    return () => observer.disconnect();
  }, [state, queryClient]);

  const hydrated = useHydrated();
  // A browser that never started a basket and is not signed in has none: no need to ask Spektrix to say so.
  const known = hydrated && (worthAsking === false || basket.isSuccess);
  const count = known ? basketItemCount(basket.data) : 0;
  const total = basket.data?.total ?? 0;
  // Read after the visible word "Basket", so the accessible name starts with what sighted users see.
  const spoken = known
    ? count === 0
      ? ", empty"
      : `, ${count} ${count === 1 ? "item" : "items"}, ${formatMoney(total)}`
    : "";

  return (
    <spektrix-basket-summary
      ref={elementRef}
      client-name={config.clientName}
      custom-domain={config.customDomain ?? undefined}
      className="contents"
    >
      <SiteLink
        href={href ?? basketPath}
        className="btn btn-ghost !py-2 !px-3 sm:!px-4 whitespace-nowrap text-sm text-brand"
        data-testid="basket-summary"
      >
        <BasketIcon />
        <span className="sr-only sm:not-sr-only">Basket</span>
        {spoken && <span className="sr-only">{spoken}</span>}
        <span
          aria-hidden
          data-basket-count={known ? count : undefined}
          className={`min-w-6 rounded-full px-1.5 py-0.5 text-center text-xs font-bold tabular-nums ${count > 0 ? "bg-brand text-white" : "bg-paper-deep text-ink-soft"}`}
        >
          {known ? count : "·"}
        </span>
        {known && count > 0 && (
          <span aria-hidden className="hidden lg:inline text-ink-soft font-medium tabular-nums">
            {formatMoney(total)}
          </span>
        )}
      </SiteLink>
      {/* Spektrix's hooks: the component writes into these; the visible figures above are ours. */}
      <span hidden data-basket-item-count />
      <span hidden data-basket-summary-currency />
      <span hidden data-basket-summary-discount-total />
      <span hidden data-basket-summary-basket-total />
    </spektrix-basket-summary>
  );
}
