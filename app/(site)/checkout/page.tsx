import type { Metadata } from "next";
import { redirect } from "next/navigation";
import {
  CheckoutFindBasket,
  CheckoutReady,
  CheckoutUnavailable,
  ChooseCheckout,
} from "@/components/checkout/checkout-page";
import { getSiteSession } from "@/lib/auth/server";
import { accountService } from "@/lib/auth/services";
import { spektrixPublicConfig } from "@/lib/spektrix-flows/config";
import { loadCheckoutView } from "@/lib/checkout/checkout-view";
import { siteInfo } from "@/lib/site";
import { getFlowSettings } from "@/lib/spektrix-flows/settings";

export const metadata: Metadata = { title: "Checkout", robots: { index: false } };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CheckoutPage({ searchParams }: Props) {
  const params = await searchParams;
  const user = await getSiteSession();
  const spektrix = await spektrixPublicConfig();
  const site = siteInfo();
  // Page paths the studio may have changed (Connection); the defaults are the route registry's.
  const { pagePaths: paths } = await getFlowSettings();

  if (!user) {
    if (params.guest === "1") redirect(paths.guestCheckout);
    return <ChooseCheckout paths={paths} />;
  }

  const basketId = typeof params.basket === "string" ? params.basket : null;
  if (!basketId) return <CheckoutFindBasket spektrix={spektrix} paths={paths} />;

  const owner = (await accountService()).owner;
  const view = await loadCheckoutView({ user, basketId }, owner);
  if (view.kind !== "ready") return <CheckoutUnavailable kind={view.kind} spektrix={spektrix} paths={paths} />;
  return (
    <CheckoutReady view={view} signedInAs={user.name ?? user.email} spektrix={spektrix} site={site} paths={paths} />
  );
}
