"use client";

/**
 * Under the seat frame: once the visitor adds something there, a way on to the site's basket and checkout. The
 * frame then shows Spektrix's own basket, whose checkout link would skip the site's (member prices, vouchers,
 * Gift Aid), and on a phone the header's count is the only other sign that anything happened.
 *
 * The frame posts its basket on every page it loads (spektrix-iframe-client.tsx); the first count is what the
 * visitor came with, so the prompt appears only when a later one is higher.
 */
import { useEffect, useState } from "react";
import { SiteLink } from "@/components/site/site-link-client";
import { BASKET_CHANGED_EVENT, type BasketChangedDetail } from "@/components/spektrix/basket-events";
import { useSpektrix } from "@/components/spektrix/spektrix-loader-client";
import { countOf } from "@/lib/text/count";

export function BasketPrompt() {
  // The basket's path as the studio's connection sets it.
  const { basketPath } = useSpektrix();
  const [added, setAdded] = useState<number | null>(null);
  useEffect(() => {
    let first: number | null = null;
    const onChange = (event: Event) => {
      const { source, itemCount } = (event as CustomEvent<BasketChangedDetail>).detail ?? {};
      if (source !== "iframe" || typeof itemCount !== "number") return;
      if (first === null) first = itemCount;
      // Seats removed again in the frame take the prompt away; a count it shows is always the latest.
      else setAdded(itemCount > first ? itemCount : null);
    };
    window.addEventListener(BASKET_CHANGED_EVENT, onChange);
    return () => window.removeEventListener(BASKET_CHANGED_EVENT, onChange);
  }, []);
  return (
    <div role="status" className="empty:hidden">
      {added !== null ? (
        <p className="mt-4 flex flex-wrap items-center justify-between gap-3 rounded-card bg-brand-tint p-4">
          <span className="font-semibold">Added. Your basket has {countOf(added, "item")}.</span>
          <SiteLink href={basketPath} className="btn btn-primary">
            Go to basket and check out
          </SiteLink>
        </p>
      ) : null}
    </div>
  );
}
