import type { Metadata } from "next";
import { GuestCheckout } from "@/components/checkout/guest-checkout-client";
import { connection } from "next/server";
import { SpektrixFlow } from "@/components/spektrix/spektrix-flow";
import { routes } from "@/lib/routes";
import { getFlowSettings } from "@/lib/spektrix-flows/settings";

export const metadata: Metadata = { title: "Checkout", robots: { index: false } };

/** Guest checkout through Spektrix's own checkout iframe, which must sit on a page of its own. */
export default async function GuestCheckoutPage() {
  await connection();
  const settings = await getFlowSettings();
  return (
    <div className="container-page py-8 md:py-10">
      <GuestCheckout
        basketHref={settings.pagePaths.basket}
        signInHref={routes.signInThen(settings.pagePaths.checkout)}
        whatsOnHref={routes.whatsOn}
      >
        <SpektrixFlow flow="checkout" />
      </GuestCheckout>
    </div>
  );
}
