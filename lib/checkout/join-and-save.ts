/**
 * "Join and save": when Spektrix reports a potential member discount on the current basket, show a
 * non-member what joining would save. Spektrix answers per membership type (`baskets/{id}/potentialdiscount`,
 * asked in owner mode on the server: the browser never quotes itself) with the basket total *including* the
 * membership's price and the discount it would bring; this picks the offer worth showing. The checkout page
 * shows it before a payment token is asked for; joining adds the membership to the basket, so the token that
 * follows pays for the basket with it.
 */
import type { MembershipType, PotentialDiscount } from "@/lib/spektrix";

export interface JoinAndSaveOffer {
  membershipId: string;
  name: string;
  /** What joining costs (the membership's price), when known. */
  price: number | null;
  /** What the visitor saves on this basket's items by joining. */
  saving: number;
  /** Basket total if they join now, membership included. */
  totalIfJoined: number;
}

/**
 * The membership with the largest saving on this basket, or null when none saves anything. Free
 * memberships and ones that pay for themselves on this basket come first among equal savings.
 */
export function bestJoinAndSaveOffer(
  quotes: readonly { membership: Pick<MembershipType, "id" | "name" | "price">; discount: PotentialDiscount | null }[],
): JoinAndSaveOffer | null {
  const offers = quotes
    .filter(
      (q): q is typeof q & { discount: PotentialDiscount } => q.discount !== null && q.discount.totalDiscount > 0.004,
    )
    .map((q) => ({
      membershipId: q.membership.id,
      name: q.membership.name,
      price: q.membership.price,
      saving: Math.round(q.discount.totalDiscount * 100) / 100,
      totalIfJoined: q.discount.basketTotal,
    }));
  offers.sort((a, b) => b.saving - a.saving || (a.price ?? Infinity) - (b.price ?? Infinity));
  return offers[0] ?? null;
}

export interface JoinAndSaveDeps {
  listMembershipTypes(): Promise<MembershipType[]>;
  potentialDiscount(basketId: string, membershipId: string): Promise<PotentialDiscount>;
}

/**
 * Server helper (owner mode) for a page that knows the basket id: null for members (they already have
 * their discount), for a basket already holding a membership, for empty answers, or when Spektrix cannot say.
 * Never throws: this is a nice-to-have.
 */
export async function joinAndSaveForBasket(
  input: { basketId: string; isMember: boolean; hasMembership?: boolean },
  deps: JoinAndSaveDeps,
): Promise<JoinAndSaveOffer | null> {
  if (input.isMember || input.hasMembership) return null;
  try {
    const memberships = (await deps.listMembershipTypes()).slice(0, 6);
    const quotes = await Promise.all(
      memberships.map(async (membership) => ({
        membership,
        discount: await deps.potentialDiscount(input.basketId, membership.id).catch(() => null),
      })),
    );
    return bestJoinAndSaveOffer(quotes);
  } catch {
    return null;
  }
}
