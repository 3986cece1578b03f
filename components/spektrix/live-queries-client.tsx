"use client";

/**
 * The browser's live reads (the session basket, seat availability) through React Query, kept out of the
 * JavaScript every page loads first (ADR 0016): no browsing page needs React Query before its first paint, and
 * most visitors never start a basket. Islands that read live data are loaded after the first paint and wrap
 * themselves in `LiveQueries`; every one of them shares the tab's single QueryClient, so the header count, the
 * basket page and the session check read one basket, and badges on one page make one availability request.
 */
import { QueryClient, QueryClientProvider, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { basketItemCount } from "@/lib/basket/lines";
import { hasBasketHint } from "@/lib/basket/hint";
import { hasSignedInHint } from "@/lib/auth/cookies";
import { BASKET_CHANGED_EVENT } from "./basket-events";
import {
  rememberBasket,
  rememberUnlinkedCustomer,
  useBasketWorthAsking,
  useHydrated,
  useSpektrixWebClient,
} from "./spektrix-loader-client";

export const basketQueryKey = ["spektrix", "basket"] as const;
const basketReadQueryKey = ["spektrix", "basket-read"] as const;

const newQueryClient = () =>
  new QueryClient({ defaultOptions: { queries: { staleTime: 15_000, retry: 1, refetchOnWindowFocus: true } } });

let browserClient: QueryClient | undefined;

/** The tab's one QueryClient. It reads the basket again whenever anything announces a basket change. */
function tabQueryClient(): QueryClient {
  if (browserClient) return browserClient;
  const client = newQueryClient();
  // The provider's own listener (spektrix-loader-client) records the hint; this one makes reads already on
  // screen catch up. A change announced before this module loaded needs nothing: the first read is fresh.
  window.addEventListener(BASKET_CHANGED_EVENT, () => void client.invalidateQueries({ queryKey: basketQueryKey }));
  browserClient = client;
  return client;
}

/** Gives its children the tab's QueryClient (a fresh one per request while rendering on the server). */
export function LiveQueries({ children }: { children: ReactNode }) {
  const [client] = useState(() => (typeof window === "undefined" ? newQueryClient() : tabQueryClient()));
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

/**
 * The session basket (null when Spektrix has none yet). Shared by the header, the basket page and the session
 * check. The header passes `onlyIfWorthAsking`, so a visitor who never started a basket costs no read of our own
 * (Spektrix's own header component still reads it; ADR 0016); the basket page always asks.
 */
export function useSpektrixBasket(options: { onlyIfWorthAsking?: boolean } = {}) {
  const client = useSpektrixWebClient();
  const worthAsking = useBasketWorthAsking();
  const queryClient = useQueryClient();
  // Not while hydrating: starting the read (and the Spektrix client's download) from hydration's effects made
  // it part of hydration's last long task on the basket page; it starts one interruptible render later.
  const hydrated = useHydrated();
  return useQuery({
    queryKey: basketQueryKey,
    queryFn: async ({ signal }) => {
      const hadItems = hasBasketHint(document.cookie);
      const signedIn = hasSignedInHint(document.cookie);
      const basket = await (await client()).getBasket({ signal });
      const count = basketItemCount(basket);
      queryClient.setQueryData<BasketReadContext>(basketReadQueryKey, {
        // This browser had items and Spektrix now holds none, with no change announced that would empty it (a
        // completed order announces an empty basket first): most likely the hold timed out and Spektrix
        // released them.
        released: hadItems && count === 0,
        signedIn: signedIn === hasSignedInHint(document.cookie) ? signedIn : null,
        basketId: basket?.id ?? null,
      });
      rememberBasket(count > 0);
      rememberUnlinkedCustomer(Boolean(basket?.customerId) && !hasSignedInHint(document.cookie));
      return basket;
    },
    enabled: hydrated && (!options.onlyIfWorthAsking || worthAsking === true),
    refetchOnWindowFocus: "always",
  });
}

/** What this browser knew when the basket was last read, so what is drawn from a read is judged against it. */
export interface BasketReadContext {
  /**
   * The read found this browser's items gone without an announced change that empties it (Spektrix releases an
   * idle basket's seats): the basket page says so beside "empty".
   */
  released: boolean;
  /** The site's signed-in hint throughout the read; null when a sign-in or sign-out happened during it. */
  signedIn: boolean | null;
  basketId: string | null;
}

export function useBasketReadContext(): BasketReadContext | null {
  const { data } = useQuery<BasketReadContext | null>({
    queryKey: basketReadQueryKey,
    queryFn: () => null,
    enabled: false,
    staleTime: Infinity,
  });
  return data ?? null;
}
