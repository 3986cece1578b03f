"use client";

/**
 * "Join and save" at checkout, before a payment token is asked for: the saving Spektrix quoted for this very
 * basket on the server (owner mode, lib/checkout/join-and-save.ts), and a button that adds the membership to the
 * visitor's own Spektrix basket (the browser owns it, ADR 0006). The page then reads the basket again, so the
 * total, the member prices and the token that follows all include the membership.
 */
import { useEffect, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { BusyButton } from "@/components/site/busy-button-client";
import { announceBasketChange } from "@/components/spektrix/basket-events";
import type { JoinAndSaveOffer } from "@/lib/checkout/join-and-save";
import { loadSpektrixClient } from "@/lib/spektrix/load";
import { formatMoney } from "@/lib/spektrix-flows/money";

export function JoinAndSave({
  offer,
  spektrix,
  disabled,
  onBusyChange,
}: {
  offer: JoinAndSaveOffer;
  spektrix: { baseUrl: string; clientName: string };
  /** While a payment is being prepared the basket must not change. */
  disabled: boolean;
  /**
   * Told while the membership is being added and the page re-read: a payment started then would be for a basket
   * about to change, so the checkout holds its Continue button.
   */
  onBusyChange?: (busy: boolean) => void;
}) {
  const router = useRouter();
  const [state, setState] = useState<"idle" | "joining" | "failed">("idle");
  const [refreshing, startRefresh] = useTransition();
  const busy = state === "joining" || refreshing;
  useEffect(() => {
    onBusyChange?.(busy);
    return () => onBusyChange?.(false);
  }, [busy, onBusyChange]);

  async function join() {
    setState("joining");
    try {
      const client = await loadSpektrixClient({ ...spektrix, retries: 0, timeoutMs: 8_000 });
      await client.addMembership(offer.membershipId);
      announceBasketChange({ source: "basket-page" });
      // The transition stays pending until the re-read page (new total, member prices) has rendered.
      startRefresh(() => {
        setState("idle");
        router.refresh();
      });
    } catch {
      setState("failed");
    }
  }

  return (
    <aside aria-labelledby="join-and-save-heading" className="rounded-card border border-gold/50 bg-gold/10 p-5 md:p-6">
      <p className="eyebrow text-brand">Join and save</p>
      <h2 id="join-and-save-heading" className="mt-1 font-display text-xl font-semibold">
        {offer.name} members save {formatMoney(offer.saving)} on this booking
      </h2>
      <p className="mt-2 text-sm text-ink-soft">
        {offer.price !== null ? `Membership is ${formatMoney(offer.price)}. ` : ""}
        Join now and this order comes to {formatMoney(offer.totalIfJoined)}, membership included, with member prices on
        everything in your basket.
      </p>
      {state === "failed" ? (
        <p role="alert" className="mt-3 text-sm font-medium text-danger">
          We couldn’t add the membership just now. You can still pay without it, or try again.
        </p>
      ) : null}
      <BusyButton
        className="btn btn-primary mt-4 disabled:opacity-70"
        busy={busy}
        disabled={disabled}
        onClick={() => void join()}
      >
        {busy ? "Adding membership…" : `Join as a ${offer.name} member`}
      </BusyButton>
    </aside>
  );
}
