"use client";

/**
 * The basket lives in this browser's Spektrix session, so only the browser knows its id. This asks
 * Spektrix (web mode, with the session cookie) and hands the id to the server page, which then reads the
 * basket itself in owner mode and checks it belongs to the signed-in customer.
 */
import { useEffect, useState } from "react";
import { SiteLink } from "@/components/site/site-link-client";
import { useRouter } from "next/navigation";
import { basketItemCount } from "@/lib/basket/lines";
import { loadSpektrixClient } from "@/lib/spektrix/load";

export interface BasketLocatorProps {
  spektrix: { baseUrl: string; clientName: string };
  checkoutPath: string;
  whatsOnPath: string;
  basketPath: string;
}

export function BasketLocator({ spektrix, checkoutPath, whatsOnPath, basketPath }: BasketLocatorProps) {
  const router = useRouter();
  const [state, setState] = useState<"loading" | "empty" | "error">("loading");

  useEffect(() => {
    let live = true;
    loadSpektrixClient({ ...spektrix, retries: 1, timeoutMs: 8_000 })
      .then((client) => client.getBasket())
      .then((basket) => {
        if (!live) return;
        if (!basket || basketItemCount(basket) === 0) setState("empty");
        else router.replace(`${checkoutPath}?basket=${encodeURIComponent(basket.id)}`);
      })
      .catch(() => live && setState("error"));
    return () => {
      live = false;
    };
  }, [checkoutPath, router, spektrix]);

  if (state === "loading") {
    return (
      <p role="status" className="flex items-center gap-3 rounded-card border border-line bg-white p-6 text-ink-soft">
        <span
          aria-hidden
          className="h-5 w-5 animate-spin rounded-full border-2 border-line border-t-brand motion-reduce:animate-none"
        />
        Getting your basket…
      </p>
    );
  }
  return (
    <div role="status" className="rounded-card border border-line bg-white p-6 md:p-8">
      <h2 className="text-2xl font-semibold">
        {state === "empty" ? "Your basket is empty" : "We couldn’t load your basket"}
      </h2>
      <p className="mt-2 text-ink-soft">
        {state === "empty"
          ? "Choose a performance and add some tickets, then come back here to pay."
          : "Our box office system didn’t answer. Please try again in a moment."}
      </p>
      <div className="mt-5 flex flex-wrap gap-3">
        <SiteLink href={state === "empty" ? whatsOnPath : basketPath} className="btn btn-primary">
          {state === "empty" ? "See what’s on" : "Back to basket"}
        </SiteLink>
      </div>
    </div>
  );
}
