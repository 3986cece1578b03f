"use client";

/**
 * A gift voucher through `<spektrix-gift-vouchers>`: amount, who it is for and from, a message, and how it
 * is delivered (to the buyer's e-mail, or straight to the recipient's on a chosen date).
 */
import { useEffect, useId, useRef, useState } from "react";
import { BusyButton } from "@/components/site/busy-button-client";
import { formatMoney } from "@/lib/spektrix-flows/money";
import { announceBasketChange } from "./basket-events";
import { BoxOfficeNotice } from "./box-office-notice";
import { useSpektrix, useSpektrixComponent, SpektrixThemeStylesheet } from "./spektrix-loader-client";
import { focusAfterRender } from "@/components/site/focus";
import {
  ActionMessage,
  HiddenFeedbackHooks,
  actionLabel,
  failMessage,
  useActionStatus,
  useComponentEvents,
} from "./action-status";

export interface GiftVoucherOptions {
  presets: number[];
  min: number;
  max: number;
  /**
   * The venue's date today (YYYY-MM-DD), from the server: the earliest "Send on" day. The browser's UTC date is
   * already tomorrow every evening west of Greenwich, which would stop a voucher going out on Christmas Eve night.
   */
  today: string;
}

const field = "mt-1 w-full rounded-lg border-2 border-line bg-white px-3 py-2.5 text-ink focus:border-brand";
const labelClass = "block text-sm font-semibold text-ink";

export function GiftVoucher({ options }: { options: GiftVoucherOptions }) {
  const { config, boxOffice, basketPath } = useSpektrix();
  const state = useSpektrixComponent("spektrix-gift-vouchers");
  const ref = useRef<HTMLElement>(null);
  const ids = useId();
  const [amount, setAmount] = useState<number>(options.presets[1] ?? options.presets[0] ?? options.min);
  const [custom, setCustom] = useState("");
  const [toName, setToName] = useState("");
  const [delivery, setDelivery] = useState<"CustomerEmail" | "OtherEmail">("CustomerEmail");
  const [email, setEmail] = useState("");
  const [touched, setTouched] = useState(false);
  const [status, setStatus] = useActionStatus();

  // Spektrix also reads the amount from the element's `giftVoucherAmount` property.
  useEffect(() => {
    const el = ref.current as (HTMLElement & { giftVoucherAmount?: number }) | null;
    if (el) el.giftVoucherAmount = amount;
  }, [amount, state]);

  useComponentEvents(ref, {
    onSuccess: () => {
      setStatus({
        kind: "success",
        text: `A ${formatMoney(amount)} gift voucher${toName.trim() ? ` for ${toName.trim()}` : ""} is in your basket.`,
      });
      announceBasketChange({ source: "web-component" });
    },
    onFail: (detail) =>
      setStatus({
        kind: "error",
        text: failMessage(detail, "We couldn’t add the gift voucher. Please check the details and try again."),
      }),
  });

  if (state === "unavailable")
    return (
      <BoxOfficeNotice boxOffice={boxOffice}>
        Gift vouchers are temporarily unavailable online. The box office can sell you one by phone.
      </BoxOfficeNotice>
    );

  const customNumber = custom.trim() === "" ? null : Number(custom);
  const amountInvalid =
    customNumber !== null &&
    (!Number.isFinite(customNumber) || customNumber < options.min || customNumber > options.max);
  const emailInvalid = delivery === "OtherEmail" && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim());
  const nameInvalid = toName.trim() === "";
  const valid = !amountInvalid && !emailInvalid && !nameInvalid;
  // The field to fix first, in the form's order: on a phone its message is often above the first screen.
  const firstInvalid = amountInvalid ? "amount" : nameInvalid ? "to" : emailInvalid ? "email" : null;
  const busy = state !== "ready" || status.kind === "pending";
  const { today } = options;

  return (
    <>
      <SpektrixThemeStylesheet />
      <spektrix-gift-vouchers
        ref={ref}
        client-name={config.clientName}
        custom-domain={config.customDomain ?? undefined}
        className="block"
      >
        <form className="space-y-6" onSubmit={(e) => e.preventDefault()} noValidate>
          {/* The amount Spektrix submits, whichever way it was chosen. */}
          <input type="hidden" data-amount="" value={amountInvalid ? "" : String(amount)} />
          <fieldset>
            <legend className="font-display text-lg font-semibold text-ink">Voucher value</legend>
            <div className="mt-3 flex flex-wrap gap-2">
              {options.presets.map((p) => {
                const pressed = custom.trim() === "" && amount === p;
                return (
                  <button
                    key={p}
                    type="button"
                    data-set-amount={String(p)}
                    aria-pressed={pressed}
                    onClick={() => {
                      setAmount(p);
                      setCustom("");
                    }}
                    className={`min-w-20 rounded-full border-2 px-5 py-2.5 font-semibold tabular-nums ${pressed ? "border-brand bg-brand text-white" : "border-line bg-white text-ink hover:border-brand"}`}
                  >
                    {formatMoney(p, { compact: true })}
                  </button>
                );
              })}
            </div>
            <div className="mt-4 max-w-xs">
              <label htmlFor={`${ids}-amount`} className={labelClass}>
                Or another amount ({formatMoney(options.min, { compact: true })}–
                {formatMoney(options.max, { compact: true })})
              </label>
              <input
                id={`${ids}-amount`}
                type="number"
                inputMode="decimal"
                min={options.min}
                max={options.max}
                value={custom}
                aria-invalid={amountInvalid}
                aria-describedby={amountInvalid ? `${ids}-amount-error` : undefined}
                onChange={(e) => {
                  setCustom(e.target.value);
                  const n = Number(e.target.value);
                  if (e.target.value.trim() !== "" && Number.isFinite(n)) {
                    setAmount(n);
                  }
                }}
                className={field}
              />
              {amountInvalid && (
                <p id={`${ids}-amount-error`} className="mt-1 text-sm text-danger">
                  Choose an amount from {formatMoney(options.min)} to {formatMoney(options.max)}.
                </p>
              )}
            </div>
          </fieldset>

          <fieldset className="grid grid-cols-1 gap-4 sm:grid-cols-2">
            <legend className="font-display text-lg font-semibold text-ink">Who it’s for</legend>
            <div className="mt-3">
              <label htmlFor={`${ids}-to`} className={labelClass}>
                Recipient’s name
              </label>
              <input
                id={`${ids}-to`}
                type="text"
                data-to-name=""
                required
                maxLength={80}
                autoComplete="off"
                value={toName}
                onChange={(e) => setToName(e.target.value)}
                aria-invalid={touched && nameInvalid}
                aria-describedby={touched && nameInvalid ? `${ids}-to-error` : undefined}
                className={field}
              />
              {touched && nameInvalid && (
                <p id={`${ids}-to-error`} className="mt-1 text-sm text-danger">
                  Please tell us who the voucher is for.
                </p>
              )}
            </div>
            <div className="sm:mt-3">
              <label htmlFor={`${ids}-from`} className={labelClass}>
                From <span className="font-normal text-ink-soft">(optional)</span>
              </label>
              <input
                id={`${ids}-from`}
                type="text"
                data-from-name=""
                maxLength={80}
                autoComplete="name"
                className={field}
              />
            </div>
            <div className="sm:col-span-2">
              <label htmlFor={`${ids}-message`} className={labelClass}>
                Message <span className="font-normal text-ink-soft">(optional)</span>
              </label>
              <textarea id={`${ids}-message`} data-message="" rows={3} maxLength={500} className={field} />
            </div>
          </fieldset>

          <fieldset>
            <legend className="font-display text-lg font-semibold text-ink">Delivery</legend>
            <div className="mt-3 space-y-2">
              <label className="flex items-start gap-2.5 text-ink">
                <input
                  type="radio"
                  name={`${ids}-delivery`}
                  value="CustomerEmail"
                  checked={delivery === "CustomerEmail"}
                  onChange={() => setDelivery("CustomerEmail")}
                  className="mt-1 h-4 w-4 accent-[var(--color-brand)]"
                />
                <span>E-mail it to me, and I’ll pass it on</span>
              </label>
              <label className="flex items-start gap-2.5 text-ink">
                <input
                  type="radio"
                  name={`${ids}-delivery`}
                  value="OtherEmail"
                  checked={delivery === "OtherEmail"}
                  onChange={() => setDelivery("OtherEmail")}
                  className="mt-1 h-4 w-4 accent-[var(--color-brand)]"
                />
                <span>E-mail it straight to the recipient</span>
              </label>
            </div>
            <input type="hidden" data-delivery-type="" value={delivery} />
            <div className={delivery === "OtherEmail" ? "mt-4 grid gap-4 sm:grid-cols-2" : "hidden"}>
              <div>
                <label htmlFor={`${ids}-email`} className={labelClass}>
                  Recipient’s e-mail
                </label>
                <input
                  id={`${ids}-email`}
                  type="email"
                  data-delivery-email-address=""
                  autoComplete="off"
                  value={email}
                  disabled={delivery !== "OtherEmail"}
                  onChange={(e) => setEmail(e.target.value)}
                  aria-invalid={touched && emailInvalid}
                  aria-describedby={touched && emailInvalid ? `${ids}-email-error` : undefined}
                  className={field}
                />
                {touched && emailInvalid && (
                  <p id={`${ids}-email-error`} className="mt-1 text-sm text-danger">
                    Please enter the recipient’s e-mail address.
                  </p>
                )}
              </div>
              <div>
                <label htmlFor={`${ids}-date`} className={labelClass}>
                  Send on
                </label>
                <input
                  id={`${ids}-date`}
                  type="date"
                  data-send-date=""
                  min={today}
                  defaultValue={today}
                  disabled={delivery !== "OtherEmail"}
                  className={field}
                />
              </div>
            </div>
          </fieldset>

          <div className="flex flex-wrap items-center gap-4">
            {/* While the form is invalid, the capture handler keeps the click from reaching Spektrix and shows what to fix. */}
            <BusyButton
              data-submit-gift-voucher=""
              busy={busy}
              onClickCapture={(e) => {
                if (valid) return;
                e.stopPropagation();
                e.preventDefault();
                setTouched(true);
                // After the render that adds the messages, so the field is announced with its own.
                focusAfterRender(() => document.getElementById(`${ids}-${firstInvalid}`));
              }}
              onClick={() => setStatus({ kind: "pending" })}
              className="needs-js btn btn-primary min-w-56"
            >
              {actionLabel(state, status, `Add ${amountInvalid ? "" : `${formatMoney(amount)} `}voucher to basket`)}
            </BusyButton>
          </div>
          <ActionMessage id={`${ids}-status`} status={status} basketPath={basketPath} />
          <HiddenFeedbackHooks />
        </form>
      </spektrix-gift-vouchers>
    </>
  );
}
