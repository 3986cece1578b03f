"use client";

import { useEffect } from "react";
import { announceBasketChange } from "@/components/spektrix/basket-events";

/**
 * Mounted on the confirmation page: the paid basket is now an order, so every basket count and cached
 * basket on the page (the header's shared basket query listens for this event) is refetched and shows
 * the new, empty basket.
 */
export function BasketReset() {
  useEffect(() => {
    announceBasketChange({ source: "basket-page", itemCount: 0 });
    try {
      for (const key of Object.keys(sessionStorage))
        if (key.startsWith("spektrix:basket")) sessionStorage.removeItem(key);
    } catch {
      // Storage can be blocked; nothing to clear then.
    }
  }, []);
  return null;
}
