import type { Metadata } from "next";
import { headers } from "next/headers";
import { BasketView } from "@/components/checkout/basket-client";
import { FlowPageHero } from "@/components/spektrix/flow-page-hero";
import { basketWorthAsking } from "@/lib/basket/hint";
import { routes } from "@/lib/routes";
import { getFlowSettings } from "@/lib/spektrix-flows/settings";

export const metadata: Metadata = { title: "Your basket", robots: { index: false } };

export default async function BasketPage() {
  // Per request (cookies): a browser with no sign of a basket is shown "empty" from the first paint.
  const likelyEmpty = !basketWorthAsking((await headers()).get("cookie") ?? "");
  const settings = await getFlowSettings();
  return (
    <>
      <FlowPageHero eyebrow="Basket" title="Your basket" />
      <div className="container-page py-10 md:py-12">
        <BasketView
          likelyEmpty={likelyEmpty}
          paths={{
            checkout: settings.pagePaths.checkout,
            guestCheckout: settings.pagePaths.guestCheckout,
            login: routes.login,
            whatsOn: routes.whatsOn,
            support: routes.support,
            membership: routes.membership,
            shop: routes.shop,
            giftVouchers: routes.giftVouchers,
            eventTemplate: routes.event("{slug}").replace(encodeURIComponent("{slug}"), "{slug}"),
          }}
        />
      </div>
    </>
  );
}
