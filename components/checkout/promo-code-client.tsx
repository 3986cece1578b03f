"use client";

/**
 * The basket's promo code: apply one, or remove the one applied, with the outcome announced in place. An
 * accepted code is compared with the basket it was applied to (lib/basket/promo.ts), so one that reduces
 * nothing says so instead of "applied".
 */
import { useEffect, useId, useRef, useState } from "react";
import { BusyButton } from "@/components/site/busy-button-client";
import { focusIsLost } from "@/components/site/focus";
import { useMutation } from "@tanstack/react-query";
import type { Basket } from "@/lib/spektrix";
import { describeSpektrixError } from "@/lib/spektrix/errors";
import { promoAppliedMessage, promoRefusedMessage, type PromoMessage } from "@/lib/basket/promo";

const MESSAGE_COLOUR: Record<PromoMessage["kind"], string> = {
  ok: "text-success",
  notice: "text-ink",
  error: "text-danger",
};

export function PromoCode({
  basket,
  applyCode,
  removeCode,
  onChanged,
}: {
  basket: Basket;
  /** Spektrix's answer is the basket with the code applied. */
  applyCode: (code: string) => Promise<Basket>;
  removeCode: () => Promise<unknown>;
  onChanged: () => Promise<void>;
}) {
  const ids = useId();
  const [code, setCode] = useState("");
  // `about`: the baskets the message holds for, the one the code was applied to (until the refetch arrives) and
  // the one Spektrix answered with.
  const [message, setMessage] = useState<(PromoMessage & { about?: string[] }) | null>(null);
  // Applying or removing a code swaps the form for the applied code (and back), taking the focused control with
  // it: a keyboard user is put on the control that took its place, not left on the page's body.
  const removeButton = useRef<HTMLButtonElement>(null);
  const codeInput = useRef<HTMLInputElement>(null);
  const focusAfterSwap = useRef(false);
  useEffect(() => {
    if (!focusAfterSwap.current) return;
    focusAfterSwap.current = false;
    // Only if the swap took the focus with it: a visitor who has tabbed on meanwhile stays where they are.
    if (focusIsLost()) (basket.promoCode ? removeButton : codeInput).current?.focus();
  }, [basket.promoCode]);
  const apply = useMutation({
    // The basket the visitor was looking at travels with the code: it is what "cheaper" is measured against.
    mutationFn: ({ value }: { value: string; before: Basket }) => applyCode(value),
    onSuccess: async (after, { value, before }) => {
      setMessage({
        ...promoAppliedMessage(value, before, after),
        about: [basketVersion(before), basketVersion(after)],
      });
      setCode("");
      focusAfterSwap.current = true;
      await onChanged();
    },
    onError: (error) => setMessage(promoRefusedMessage(error)),
  });
  const clear = useMutation({
    mutationFn: () => removeCode(),
    onSuccess: async () => {
      setMessage({ kind: "ok", text: "Promo code removed." });
      focusAfterSwap.current = true;
      await onChanged();
    },
    onError: (error) => setMessage({ kind: "error", text: describeSpektrixError(error).message }),
  });

  // "You save $12.70" speaks of the basket as the code left it: once the basket is another (a line removed beside
  // it), the message no longer holds, and goes. A refusal or "removed" holds whatever the basket does next.
  const shownMessage = message && (!message.about || message.about.includes(basketVersion(basket))) ? message : null;

  return (
    <div>
      {basket.promoCode ? (
        <p className="flex items-center justify-between gap-2 rounded-lg bg-brand-tint px-3 py-2 text-sm">
          <span>
            Promo code <strong className="font-semibold">{basket.promoCode}</strong>
          </span>
          <BusyButton
            ref={removeButton}
            onClick={() => clear.mutate()}
            busy={clear.isPending}
            className="font-semibold text-brand underline underline-offset-2 aria-disabled:opacity-50"
          >
            Remove
          </BusyButton>
        </p>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const value = code.trim();
            if (!value) return setMessage({ kind: "error", text: "Enter a promo code first." });
            apply.mutate({ value, before: basket });
          }}
          className="space-y-1"
        >
          <label htmlFor={`${ids}-code`} className="block text-sm font-semibold">
            Promo code
          </label>
          <div className="flex gap-2">
            <input
              ref={codeInput}
              id={`${ids}-code`}
              value={code}
              onChange={(e) => setCode(e.target.value)}
              maxLength={100}
              autoComplete="off"
              autoCapitalize="characters"
              aria-describedby={`${ids}-msg`}
              className="min-w-0 flex-1 rounded-lg border-2 border-line bg-white px-3 py-2 uppercase text-ink focus:border-brand"
            />
            <BusyButton type="submit" busy={apply.isPending} className="btn btn-ghost !px-4 !py-2 text-brand">
              {apply.isPending ? "Applying…" : "Apply"}
            </BusyButton>
          </div>
        </form>
      )}
      <p
        id={`${ids}-msg`}
        role="status"
        aria-live="polite"
        className={`mt-1 text-sm ${shownMessage ? MESSAGE_COLOUR[shownMessage.kind] : ""}`}
      >
        {shownMessage?.text}
      </p>
    </div>
  );
}

/** What makes a basket another for the message: its lines, totals and code (not its hash, which may be absent). */
function basketVersion(basket: Basket): string {
  const lines = [
    basket.tickets,
    basket.donations,
    basket.merchandise,
    basket.memberships,
    basket.giftVouchers,
    basket.subscriptions,
  ];
  return [basket.total, basket.totalDiscount, basket.promoCode, ...lines.map((l) => l.length)].join("|");
}
