import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import {
  CheckoutFindBasket,
  CheckoutReady,
  CheckoutUnavailable,
  ChooseCheckout,
} from "@/components/checkout/checkout-page";
import { getSiteSession } from "@/lib/auth/server";
import { basketWorthAsking } from "@/lib/basket/hint";
import { accountService } from "@/lib/auth/services";
import { spektrixPublicConfig } from "@/lib/spektrix-flows/config";
import { loadCheckoutView } from "@/lib/checkout/checkout-view";
import { unlessSpektrixFails } from "@/lib/auth/account-view";
import { loadItemNames } from "@/lib/spektrix-flows/basket-labels";
import { joinAndSaveForBasket } from "@/lib/checkout/join-and-save";
import { isMember } from "@/lib/auth/session";
import { loadMembershipTypes } from "@/lib/spektrix-flows/catalogue";
import { siteInfo } from "@/lib/site";
import { getFlowSettings } from "@/lib/spektrix-flows/settings";
import { loadGiftAidWording } from "@/lib/checkout/gift-aid-wording";

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
    // No sign of a basket in this browser: the basket page says it is empty and where to go (its own read of
    // Spektrix still runs, so a basket the hint missed shows up there).
    if (!basketWorthAsking((await headers()).get("cookie") ?? "")) redirect(paths.basket);
    return <ChooseCheckout paths={paths} />;
  }

  const basketId = typeof params.basket === "string" ? params.basket : null;
  if (!basketId) return <CheckoutFindBasket spektrix={spektrix} paths={paths} />;

  const names = loadItemNames(); // beside the basket read: only the lines that are not tickets need them
  const service = await accountService();
  const view = await unlessSpektrixFails(() => loadCheckoutView({ user, basketId }, service.owner, names), "checkout");
  if (view === "unavailable" || view.kind !== "ready") {
    const kind = view === "unavailable" ? view : view.kind;
    const retryHref = `${paths.checkout}?${new URLSearchParams({ basket: basketId })}`;
    return <CheckoutUnavailable kind={kind} spektrix={spektrix} paths={paths} site={site} retryHref={retryHref} />;
  }
  // What joining would save a non-member on this very basket, quoted by Spektrix in owner mode.
  const joinOffer = await joinAndSaveForBasket(
    { basketId: view.basketId, isMember: isMember(user), hasMembership: view.hasMembership },
    {
      listMembershipTypes: async () => {
        const types = await loadMembershipTypes();
        return types.ok ? types.items : [];
      },
      potentialDiscount: service.potentialDiscount,
    },
  );
  // Read only when it will be shown: Spektrix asks for a declaration and there is a donation to claim on.
  const giftAidWording = view.giftAidNeeded ? (await loadGiftAidWording(site.name)).text : null;
  return (
    <CheckoutReady
      view={view}
      joinOffer={joinOffer}
      giftAidWording={giftAidWording}
      signedInAs={user.name ?? user.email}
      spektrix={spektrix}
      site={site}
      paths={paths}
    />
  );
}
