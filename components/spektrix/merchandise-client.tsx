"use client";

/** One shop item through `<spektrix-merchandise>`: a quantity stepper and an add button. */
import { useId, useRef, useState } from "react";
import { BusyButton } from "@/components/site/busy-button-client";
import { formatMoney } from "@/lib/spektrix-flows/money";
import { announceBasketChange } from "./basket-events";
import { BoxOfficeNotice } from "./box-office-notice";
import { useSpektrix, useSpektrixComponent, SpektrixThemeStylesheet } from "./spektrix-loader-client";
import {
  ActionMessage,
  HiddenFeedbackHooks,
  actionLabel,
  failMessage,
  useActionStatus,
  useComponentEvents,
} from "./action-status";

export const MAX_QUANTITY = 10;

export function Merchandise({ item }: { item: { id: string; name: string; price: number } }) {
  const { config, boxOffice, basketPath } = useSpektrix();
  const state = useSpektrixComponent("spektrix-merchandise");
  const ref = useRef<HTMLElement>(null);
  const ids = useId();
  const [quantity, setQuantity] = useState(1);
  const [status, setStatus] = useActionStatus();

  useComponentEvents(ref, {
    onSuccess: () => {
      setStatus({ kind: "success", text: `${quantity} × ${item.name} added.` });
      announceBasketChange({ source: "web-component" });
    },
    onFail: (detail) =>
      setStatus({
        kind: "error",
        text: failMessage(detail, "We couldn’t add this item. Please try again, or contact the box office."),
      }),
  });

  if (state === "unavailable")
    return (
      <BoxOfficeNotice compact boxOffice={boxOffice}>
        The shop is temporarily unavailable online.
      </BoxOfficeNotice>
    );
  const busy = state !== "ready" || status.kind === "pending";
  const set = (n: number) => {
    setQuantity(Math.min(MAX_QUANTITY, Math.max(1, n)));
    setStatus({ kind: "idle" });
  };
  const stepClass =
    "grid h-11 w-11 place-items-center rounded-full text-xl font-semibold text-ink hover:bg-paper-deep disabled:opacity-40 disabled:hover:bg-transparent";

  return (
    <>
      <SpektrixThemeStylesheet />
      <spektrix-merchandise
        ref={ref}
        client-name={config.clientName}
        custom-domain={config.customDomain ?? undefined}
        merchandise-item-id={item.id}
        merchandise-quantity={String(quantity)}
        className="block"
      >
        <div className="space-y-3">
          <div className="flex items-center justify-between gap-3">
            <span id={`${ids}-qty-label`} className="text-sm font-semibold text-ink">
              Quantity
            </span>
            <div
              role="group"
              aria-labelledby={`${ids}-qty-label`}
              className="flex items-center rounded-full border-2 border-line bg-white"
            >
              <button
                type="button"
                data-decrement-quantity=""
                aria-label={`One fewer ${item.name}`}
                disabled={quantity <= 1}
                onClick={() => set(quantity - 1)}
                className={stepClass}
              >
                −
              </button>
              <input
                type="number"
                data-custom-quantity-input=""
                aria-label={`Quantity of ${item.name}`}
                min={1}
                max={MAX_QUANTITY}
                value={quantity}
                onChange={(e) => set(Number.parseInt(e.target.value, 10) || 1)}
                className="w-12 bg-transparent text-center font-semibold tabular-nums text-ink [appearance:textfield] [&::-webkit-inner-spin-button]:appearance-none"
              />
              <button
                type="button"
                data-increment-quantity=""
                aria-label={`One more ${item.name}`}
                disabled={quantity >= MAX_QUANTITY}
                onClick={() => set(quantity + 1)}
                className={stepClass}
              >
                +
              </button>
            </div>
          </div>
          <span hidden data-display-quantity="" />
          <BusyButton
            data-submit-merchandise=""
            busy={busy}
            aria-describedby={`${ids}-status`}
            onClick={() => setStatus({ kind: "pending" })}
            className="needs-js btn btn-primary w-full"
          >
            {actionLabel(state, status, `Add to basket · ${formatMoney(item.price * quantity)}`)}
          </BusyButton>
          <ActionMessage id={`${ids}-status`} status={status} basketPath={basketPath} />
          <HiddenFeedbackHooks />
        </div>
      </spektrix-merchandise>
    </>
  );
}
