import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { CheckoutFindBasket, CheckoutReady, CheckoutUnavailable, ChooseCheckout } from "@/components/checkout/checkout-page";
import { authRoutes } from "@/lib/auth/paths";
import { getSiteSession } from "@/lib/auth/server";
import { accountService } from "@/lib/auth/services";
import { spektrixBrowserConfig } from "@/lib/checkout/browser-config";
import { loadCheckoutView } from "@/lib/checkout/checkout-view";
import { siteInfo } from "@/lib/site";

export const metadata: Metadata = { title: "Checkout", robots: { index: false } };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CheckoutPage({ searchParams }: Props) {
  const params = await searchParams;
  const user = await getSiteSession();
  const spektrix = spektrixBrowserConfig();
  const site = siteInfo();

  if (!user) {
    if (params.guest === "1") redirect(authRoutes.guestCheckout);
    return <ChooseCheckout />;
  }

  const basketId = typeof params.basket === "string" ? params.basket : null;
  if (!basketId) return <CheckoutFindBasket spektrix={spektrix} />;

  const owner = accountService().owner;
  const view = await loadCheckoutView({ user, basketId }, owner);
  if (view.kind !== "ready") return <CheckoutUnavailable kind={view.kind} spektrix={spektrix} />;
  return <CheckoutReady view={view} signedInAs={user.name ?? user.email} spektrix={spektrix} site={site} />;
}
