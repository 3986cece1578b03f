import type { Metadata } from "next";
import { connection } from "next/server";
import { BasketView } from "@/components/checkout/basket-client";
import { FlowPageHero } from "@/components/spektrix/flow-page-hero";
import { routes } from "@/lib/routes";
import { getFlowSettings } from "@/lib/spektrix-flows/settings";

export const metadata: Metadata = { title: "Your basket", robots: { index: false } };

export default async function BasketPage() {
  await connection();
  const settings = await getFlowSettings();
  return (
    <>
      <FlowPageHero eyebrow="Basket" title="Your basket" />
      <div className="container-page py-10 md:py-12">
        <BasketView
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
