"use client";

/**
 * A donation form on `<spektrix-donate>`: fund, preset amounts, a custom amount and optional tribute. The
 * markup is ours (light DOM); Spektrix finds the `data-*` hooks, adds the donation to the session basket
 * and fires `success` or `fail`, which we turn into visible messages and a basket refresh.
 */
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

export interface DonateFund {
  id: string;
  name: string;
  description: string | null;
  defaultAmount: number | null;
}

const MIN = 1;
const MAX = 100_000;

export function Donate({
  funds,
  initialFundId,
  presets = [10, 25, 50, 100],
  forwardTo,
}: {
  funds: DonateFund[];
  initialFundId?: string | null;
  presets?: number[];
  forwardTo?: string;
}) {
  const { config, boxOffice, basketPath } = useSpektrix();
  const state = useSpektrixComponent("spektrix-donate");
  const ref = useRef<HTMLElement>(null);
  const ids = useId();
  const [fundId, setFundId] = useState(() => funds.find((f) => f.id === initialFundId)?.id ?? funds[0]?.id ?? "");
  const fund = funds.find((f) => f.id === fundId) ?? funds[0];
  const [amount, setAmount] = useState<number | null>(() => fund?.defaultAmount ?? presets[1] ?? presets[0] ?? null);
  const [custom, setCustom] = useState("");
  const [tribute, setTribute] = useState(false);
  const [tributeName, setTributeName] = useState("");
  const [status, setStatus] = useActionStatus();

  useComponentEvents(ref, {
    onSuccess: () => {
      setStatus({
        kind: "success",
        text: `Thank you. Your gift of ${formatMoney(amount ?? 0)} to the ${fund?.name ?? "fund"} is in your basket.`,
      });
      announceBasketChange({ source: "web-component" });
    },
    onFail: (detail) =>
      setStatus({
        kind: "error",
        text: failMessage(detail, "We couldn’t add your donation. Please try again, or contact the box office."),
      }),
  });

  if (!fund) return <BoxOfficeNotice boxOffice={boxOffice} title="Donations are not open online right now" />;
  if (state === "unavailable")
    return (
      <BoxOfficeNotice boxOffice={boxOffice}>
        Online donations are temporarily unavailable. You can still give by phone or e-mail.
      </BoxOfficeNotice>
    );

  const customNumber = custom.trim() === "" ? null : Number(custom);
  const customInvalid =
    customNumber !== null && (!Number.isFinite(customNumber) || customNumber < MIN || customNumber > MAX);
  // A tribute names someone: ticked with no name, Spektrix would record a plain gift and the wish would be lost.
  const tributeMissing = tribute && tributeName.trim() === "";
  const amountValid = amount !== null && amount >= MIN && amount <= MAX && !customInvalid;
  const valid = amountValid && !tributeMissing;
  const busy = state !== "ready" || status.kind === "pending";

  return (
    <>
      <SpektrixThemeStylesheet />
      <spektrix-donate
        ref={ref}
        client-name={config.clientName}
        custom-domain={config.customDomain ?? undefined}
        fund-id={fund.id}
        donation-amount={amount !== null ? String(amount) : undefined}
        forward-to={forwardTo}
        className="block"
      >
        <form
          className="space-y-6"
          onSubmit={(e) => e.preventDefault()}
          aria-busy={busy}
          aria-describedby={`${ids}-status`}
          noValidate
        >
          {funds.length > 1 && (
            <fieldset>
              <legend className="font-display text-lg font-semibold text-ink">Choose what to support</legend>
              <div className="mt-3 grid grid-cols-1 gap-2 sm:grid-cols-2">
                {funds.map((f) => (
                  <label
                    key={f.id}
                    className={`flex cursor-pointer gap-3 rounded-[var(--radius-card)] border-2 bg-white p-3.5 transition-colors ${f.id === fund.id ? "border-brand" : "border-line hover:border-ink-soft"}`}
                  >
                    <input
                      type="radio"
                      name={`${ids}-fund`}
                      value={f.id}
                      checked={f.id === fund.id}
                      onChange={() => {
                        setFundId(f.id);
                        setStatus({ kind: "idle" });
                      }}
                      className="mt-1 h-4 w-4 accent-[var(--color-brand)]"
                    />
                    <span>
                      <span className="block font-semibold text-ink">{f.name}</span>
                      {f.description && <span className="block text-sm text-ink-soft">{f.description}</span>}
                    </span>
                  </label>
                ))}
              </div>
            </fieldset>
          )}

          <fieldset>
            <legend className="font-display text-lg font-semibold text-ink">Choose an amount</legend>
            <div className="mt-3 flex flex-wrap gap-2">
              {presets.map((p) => {
                const pressed = custom.trim() === "" && amount === p;
                return (
                  <button
                    key={p}
                    type="button"
                    data-donate-amount={String(p)}
                    aria-pressed={pressed}
                    onClick={() => {
                      setAmount(p);
                      setCustom("");
                      setStatus({ kind: "idle" });
                    }}
                    className={`min-w-20 rounded-full border-2 px-5 py-2.5 font-semibold tabular-nums transition-colors ${pressed ? "border-brand bg-brand text-white" : "border-line bg-white text-ink hover:border-brand"}`}
                  >
                    {formatMoney(p, { compact: true })}
                  </button>
                );
              })}
            </div>
            <div className="mt-4 max-w-xs">
              <label htmlFor={`${ids}-custom`} className="block text-sm font-semibold text-ink">
                Or enter another amount
              </label>
              <div className="mt-1 flex items-center rounded-lg border-2 border-line bg-white focus-within:border-brand focus-within:outline-3 focus-within:outline-offset-2 focus-within:outline-focus">
                <span aria-hidden className="pl-3 text-ink-soft">
                  $
                </span>
                <input
                  id={`${ids}-custom`}
                  data-custom-donation-input=""
                  type="number"
                  inputMode="decimal"
                  min={MIN}
                  max={MAX}
                  step="1"
                  value={custom}
                  aria-invalid={customInvalid}
                  aria-describedby={customInvalid ? `${ids}-custom-error` : undefined}
                  onChange={(e) => {
                    setCustom(e.target.value);
                    const n = Number(e.target.value);
                    // Cleared: no amount chosen (Spektrix's own amount drops to 0 too), so the button waits for one.
                    setAmount(e.target.value.trim() !== "" && Number.isFinite(n) ? n : null);
                    setStatus({ kind: "idle" });
                  }}
                  className="w-full rounded-lg bg-transparent px-2 py-2.5 text-ink outline-none"
                />
              </div>
              {customInvalid && (
                <p id={`${ids}-custom-error`} className="mt-1 text-sm text-danger">
                  Please enter an amount from {formatMoney(MIN, { compact: true })} to{" "}
                  {formatMoney(MAX, { compact: true })}.
                </p>
              )}
            </div>
          </fieldset>

          <div>
            <label className="flex items-center gap-2.5 font-medium text-ink">
              <input
                type="checkbox"
                checked={tribute}
                onChange={(e) => setTribute(e.target.checked)}
                className="h-4 w-4 accent-[var(--color-brand)]"
              />
              Make this gift in honour or in memory of someone
            </label>
            <div className={tribute ? "mt-3 grid gap-3 sm:grid-cols-2" : "hidden"}>
              <div>
                <label htmlFor={`${ids}-tribute-type`} className="block text-sm font-semibold text-ink">
                  Type of tribute
                </label>
                <select
                  id={`${ids}-tribute-type`}
                  data-tribute-type=""
                  disabled={!tribute}
                  className="mt-1 w-full rounded-lg border-2 border-line bg-white px-3 py-2.5 text-ink"
                >
                  <option value="InHonourOf">In honour of</option>
                  <option value="InMemoryOf">In memory of</option>
                </select>
              </div>
              <div>
                <label htmlFor={`${ids}-tribute-name`} className="block text-sm font-semibold text-ink">
                  Their name
                </label>
                <input
                  id={`${ids}-tribute-name`}
                  data-tribute-name=""
                  type="text"
                  maxLength={100}
                  autoComplete="off"
                  disabled={!tribute}
                  required={tribute}
                  value={tributeName}
                  onChange={(e) => setTributeName(e.target.value)}
                  aria-describedby={tributeMissing ? `${ids}-tribute-hint` : undefined}
                  className="mt-1 w-full rounded-lg border-2 border-line bg-white px-3 py-2.5 text-ink"
                />
                {tributeMissing ? (
                  <p id={`${ids}-tribute-hint`} className="mt-1 text-sm text-ink-soft">
                    Add their name to donate, or untick the box above.
                  </p>
                ) : null}
              </div>
            </div>
          </div>

          <div className="flex flex-wrap items-center gap-4">
            <BusyButton
              data-submit-donation=""
              busy={busy}
              disabled={!valid}
              onClick={() => setStatus({ kind: "pending" })}
              className="needs-js btn btn-primary min-w-48 disabled:cursor-not-allowed disabled:opacity-60"
            >
              {actionLabel(
                state,
                status,
                amount === null ? "Choose an amount" : `Donate ${amountValid ? formatMoney(amount) : ""}`.trim(),
              )}
            </BusyButton>
            <p className="text-sm text-ink-soft">Your gift goes in your basket; you pay at checkout.</p>
          </div>

          <ActionMessage id={`${ids}-status`} status={status} basketPath={basketPath} />
          <HiddenFeedbackHooks />
        </form>
      </spektrix-donate>
    </>
  );
}
