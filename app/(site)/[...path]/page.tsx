import type { Metadata } from "next";
import { notFound } from "next/navigation";
import AccountPage from "../account/page";
import BasketPage from "../basket/page";
import GuestCheckoutPage from "../basket/guest-checkout/page";
import CheckoutPage from "../checkout/page";
import { movedPageAt, type MovablePage } from "@/lib/routes";
import { getFlowSettings } from "@/lib/spektrix-flows/settings";

/**
 * The pages the studio may move (Connection: account, basket, checkout), served at the path it set. Static
 * routes win in Next's matching, so only paths the site does not otherwise serve come here; anything that is
 * not a moved page is the usual not-found. Each page also stays at its own route.
 */
export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ path: string[] }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const TITLES: Record<MovablePage, string> = {
  account: "My account",
  basket: "Your basket",
  checkout: "Checkout",
  guestCheckout: "Checkout",
};

async function pageFor(params: Props["params"]): Promise<MovablePage | null> {
  const { path } = await params;
  // Segments arrive decoded; a moved path is plain ASCII (the studio refuses anything else).
  return movedPageAt(`/${path.join("/")}`, (await getFlowSettings()).pagePaths);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = await pageFor(params);
  return page ? { title: TITLES[page], robots: { index: false } } : {};
}

export default async function MovedPage({ params, searchParams }: Props) {
  const page = await pageFor(params);
  switch (page) {
    case "account":
      return <AccountPage />;
    case "basket":
      return <BasketPage />;
    case "guestCheckout":
      return <GuestCheckoutPage />;
    case "checkout":
      return <CheckoutPage searchParams={searchParams} />;
    default:
      notFound();
  }
}
