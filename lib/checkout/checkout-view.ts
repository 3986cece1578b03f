/**
 * What the member checkout page shows, read on the server in owner mode at request time: the basket as
 * Spektrix has it now (the "final basket"), and the customer's own addresses for the billing selector.
 */
import { isOpaqueId, SpektrixHttpError, type Address, type Basket, type Customer } from "@/lib/spektrix";
import type { SiteUser } from "@/lib/auth/session";
import { describePerformances, type ConfirmationDeps, type ConfirmationPerformance } from "./confirmation";
import { basketItemCount, extraLines, type ItemNames } from "@/lib/basket/lines";

export interface CheckoutViewDeps extends Pick<ConfirmationDeps, "getPerformance" | "getEvent"> {
  getBasketById(id: string): Promise<Basket>;
  getCustomerById(id: string): Promise<Customer>;
}

export type CheckoutView =
  /** The basket's id no longer resolves: released after its hold, or paid (Spektrix answers alike for both). */
  | { kind: "gone" }
  | { kind: "not-yours" }
  | { kind: "empty" }
  | {
      kind: "ready";
      basketId: string;
      basketHash: string | null;
      performances: ConfirmationPerformance[];
      extras: { label: string; amount: number }[];
      total: number;
      totalDiscount: number;
      addresses: Address[];
      defaultAddressId: string | null;
      /** A membership is in the basket already (joining is under way: no "join and save" offer). */
      hasMembership: boolean;
      /** Account credit on the member's record (a redeemed gift voucher, a refund), which the payment may spend. */
      creditBalance: number;
      /** The basket holds a donation and Spektrix has no Gift Aid declaration from this member yet. */
      giftAidNeeded: boolean;
    };

export async function loadCheckoutView(
  input: { user: SiteUser; basketId: string },
  deps: CheckoutViewDeps,
  /** Catalogue names for the lines that are not tickets; a promise, so they load beside the basket. */
  names?: ItemNames | Promise<ItemNames>,
): Promise<CheckoutView> {
  if (!isOpaqueId(input.basketId)) return { kind: "gone" };
  let basket: Basket;
  try {
    basket = await deps.getBasketById(input.basketId);
  } catch (error) {
    if (error instanceof SpektrixHttpError && (error.status === 404 || error.status === 410)) return { kind: "gone" };
    throw error;
  }
  if (basket.customerId !== input.user.customerId) return { kind: "not-yours" };
  if (basketItemCount(basket) === 0) return { kind: "empty" };

  const [customer, performances] = await Promise.all([
    deps.getCustomerById(input.user.customerId),
    describePerformances(basket.tickets, deps),
  ]);
  const billing =
    customer.addresses.find((a) => a.id === customer.billingAddressId) ??
    customer.addresses.find((a) => a.isBilling) ??
    null;
  // The billing address first, then the rest in Spektrix's order.
  const addresses = billing ? [billing, ...customer.addresses.filter((a) => a.id !== billing.id)] : customer.addresses;

  return {
    kind: "ready",
    basketId: basket.id,
    basketHash: basket.hash,
    performances,
    extras: extraLines(basket, await names),
    total: basket.total,
    totalDiscount: basket.totalDiscount,
    addresses,
    defaultAddressId: billing?.id ?? addresses[0]?.id ?? null,
    hasMembership: basket.memberships.length > 0,
    creditBalance: Math.max(0, customer.creditBalance ?? 0),
    giftAidNeeded: customer.giftAidDeclarationRequired && basket.donations.length > 0,
  };
}
