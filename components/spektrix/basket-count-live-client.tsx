"use client";

/**
 * The header's basket count read from Spektrix: loaded only once this browser may have a basket (see
 * basket-summary-client.tsx), so a visitor who never started one downloads none of it.
 */
import { useEffect } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { basketItemCount } from "@/lib/basket/lines";
import { BasketCount } from "./basket-summary-client";
import { basketQueryKey, LiveQueries, useSpektrixBasket } from "./live-queries-client";

export default function LiveBasketCount({ spektrixCount }: { spektrixCount: number | null }) {
  return (
    <LiveQueries>
      <Count spektrixCount={spektrixCount} />
    </LiveQueries>
  );
}

function Count({ spektrixCount }: { spektrixCount: number | null }) {
  const basket = useSpektrixBasket({ onlyIfWorthAsking: true });
  const queryClient = useQueryClient();

  // When Spektrix's component counts differently from the last read, ours is the stale one: read again.
  useEffect(() => {
    if (spektrixCount === null) return;
    if (spektrixCount !== basketItemCount(queryClient.getQueryData(basketQueryKey)))
      void queryClient.invalidateQueries({ queryKey: basketQueryKey });
  }, [spektrixCount, queryClient]);

  return <BasketCount known={basket.isSuccess} count={basketItemCount(basket.data)} total={basket.data?.total ?? 0} />;
}
