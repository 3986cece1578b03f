"use client";

/**
 * Drop-in "Join and save" panel for the basket page. It asks Spektrix in the browser (web mode, the
 * visitor's own basket) what each membership would save, and shows the best offer to non-members.
 * Render it only for visitors who are not members (`isMember(session)` from lib/auth); it re-checks when
 * the basket changes (the shared `spektrix:basket-changed` event).
 *
 *   <JoinAndSave spektrix={{ baseUrl, clientName }} memberships={types} membershipHref="/membership" />
 */
import { useEffect, useState } from "react";
import { SiteLink } from "@/components/site/site-link-client";
import { createSpektrixClient, type MembershipType } from "@/lib/spektrix";
import { bestJoinAndSaveOffer, type JoinAndSaveOffer } from "@/lib/checkout/join-and-save";
import { BASKET_CHANGED_EVENT } from "@/components/spektrix/basket-events";
import { formatMoney } from "@/lib/spektrix-flows/money";

export interface JoinAndSaveProps {
  spektrix: { baseUrl: string; clientName: string };
  /** Membership types to quote, from the catalogue (server-side, cached). */
  memberships: Pick<MembershipType, "id" | "name" | "price">[];
  /** Where to join: the membership page, or a page that adds the membership to the basket. */
  membershipHref: string;
}

export function JoinAndSave({ spektrix, memberships, membershipHref }: JoinAndSaveProps) {
  const [offer, setOffer] = useState<JoinAndSaveOffer | null>(null);

  useEffect(() => {
    let live = true;
    const client = createSpektrixClient({ ...spektrix, retries: 0, timeoutMs: 6_000 });
    const quote = async () => {
      const quotes = await Promise.all(
        memberships.slice(0, 6).map(async (membership) => ({
          membership,
          discount: await client.getPotentialDiscount(membership.id).catch(() => null),
        })),
      );
      if (live) setOffer(bestJoinAndSaveOffer(quotes));
    };
    void quote();
    window.addEventListener(BASKET_CHANGED_EVENT, quote);
    return () => {
      live = false;
      window.removeEventListener(BASKET_CHANGED_EVENT, quote);
    };
  }, [memberships, spektrix]);

  if (!offer) return null;
  return (
    <aside aria-labelledby="join-and-save-heading" className="rounded-card border border-gold/50 bg-gold/10 p-5">
      <p className="eyebrow text-brand">Join and save</p>
      <h2 id="join-and-save-heading" className="mt-1 font-display text-xl font-semibold">
        Save {formatMoney(offer.saving)} on this booking as a {offer.name} member
      </h2>
      <p className="mt-2 text-sm text-ink-soft">
        {offer.price !== null ? `Membership is ${formatMoney(offer.price)} a year. ` : ""}
        With it, this basket would come to {formatMoney(offer.totalIfJoined)} including your membership, and you’d save
        on every booking this year.
      </p>
      <SiteLink href={membershipHref} className="btn btn-primary mt-4">
        Join as a {offer.name} member
      </SiteLink>
    </aside>
  );
}
