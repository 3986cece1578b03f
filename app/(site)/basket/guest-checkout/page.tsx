import type { Metadata } from "next";
import { SiteLink } from "@/components/site/site-link-client";
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
      <nav aria-label="Checkout steps" className="text-sm">
        <SiteLink href={settings.pagePaths.basket} className="font-medium text-brand underline underline-offset-2">
          ← Back to your basket
        </SiteLink>
      </nav>
      <h1 className="mt-3 text-4xl font-semibold">Checkout</h1>
      <p className="mt-2 max-w-2xl text-ink-soft">
        Payment is handled securely by our ticketing partner, Spektrix. Members can{" "}
        <SiteLink
          href={routes.signInThen(settings.pagePaths.checkout)}
          className="text-brand underline underline-offset-2"
        >
          log in
        </SiteLink>{" "}
        first to use their discounts.
      </p>
      <div className="mt-6">
        <SpektrixFlow flow="checkout" />
      </div>
    </div>
  );
}
