"use client";

/**
 * The header basket: `<spektrix-basket-summary>` (which Spektrix needs for cart-abandonment tracking) around
 * the site's own link. A browser that never started a basket (no hint, not signed in; lib/basket/hint.ts) is
 * shown an empty basket without a read of our own, and loads none of the code that reads one. Otherwise the count
 * and total come from the shared basket query (basket-count-live-client.tsx, loaded then), which refetches when
 * a web component succeeds, an iframe reports a basket change, or the window regains focus. The component's own
 * `count` attribute is watched as a second signal: if it counts items the site did not know of, the hint is set
 * and the read follows.
 */
import { SiteLink } from "@/components/site/site-link-client";
import { lazy, Suspense, useEffect, useRef, useState } from "react";
import { formatMoney } from "@/lib/spektrix-flows/money";
import {
  useHydrated,
  useSpektrix,
  rememberBasket,
  useBasketWorthAsking,
  useSpektrixComponent,
} from "./spektrix-loader-client";
import { BasketIcon } from "@/components/icons";
import { countOf } from "@/lib/text/count";

const LiveBasketCount = lazy(() => import("./basket-count-live-client"));

export function BasketSummary({ href }: { href?: string }) {
  const { config, basketPath } = useSpektrix();
  const state = useSpektrixComponent("spektrix-basket-summary");
  const worthAsking = useBasketWorthAsking();
  const hydrated = useHydrated();
  const elementRef = useRef<HTMLElement>(null);
  const [spektrixCount, setSpektrixCount] = useState<number | null>(null);

  useEffect(() => {
    const el = elementRef.current;
    if (!el || state !== "ready") return;
    const read = () => {
      const attr = el.getAttribute("count");
      const theirs = attr === null ? null : Number.parseInt(attr, 10);
      const count = theirs !== null && Number.isFinite(theirs) ? theirs : null;
      setSpektrixCount(count);
      // Spektrix counts items in a basket this browser never announced (started elsewhere): read it too.
      if (count !== null && count > 0) rememberBasket(true);
    };
    read();
    const observer = new MutationObserver(read);
    observer.observe(el, { attributes: true, attributeFilter: ["count"] });
    return () => observer.disconnect();
  }, [state]);

  const unknown = <BasketCount known={false} count={0} total={0} />;
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
        {/* Seen, not read: BasketCount speaks "Basket" with the count in one phrase (the link is a flex row, and
            a screen reader's name for it would put a space between separate items: "Basket , 2 items"). */}
        <span aria-hidden className="hidden sm:inline">
          Basket
        </span>
        {!hydrated || worthAsking === null ? (
          unknown
        ) : worthAsking ? (
          <Suspense fallback={unknown}>
            <LiveBasketCount spektrixCount={spektrixCount} />
          </Suspense>
        ) : (
          // A browser that never started a basket and is not signed in has none: no need to ask Spektrix.
          <BasketCount known count={0} total={0} />
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

/** The count, total and spoken summary inside the header's basket link; `known` false shows a neutral dot. */
export function BasketCount({ known, count, total }: { known: boolean; count: number; total: number }) {
  // The link's whole name, starting with the word sighted users see.
  const spoken = known
    ? count === 0
      ? "Basket, empty"
      : `Basket, ${countOf(count, "item")}, ${formatMoney(total)}`
    : "Basket";
  return (
    <>
      <span className="sr-only">{spoken}</span>
      <span
        aria-hidden
        data-basket-count={known ? count : undefined}
        className={`${known ? "" : "needs-js "}min-w-6 rounded-full px-1.5 py-0.5 text-center text-xs font-bold tabular-nums ${count > 0 ? "bg-brand text-white" : "bg-paper-deep text-ink-soft"}`}
      >
        {known ? count : "·"}
      </span>
      {known && count > 0 && (
        <span aria-hidden className="hidden lg:inline text-ink-soft font-medium tabular-nums">
          {formatMoney(total)}
        </span>
      )}
    </>
  );
}
