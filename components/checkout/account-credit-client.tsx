"use client";

/**
 * Gift vouchers and account credit at checkout: a voucher code becomes credit on the member's Spektrix record
 * (our route redeems it in owner mode), and the member chooses whether this order spends the credit before the
 * card. Every answer is said in place; nothing here changes the basket, so the payment token is unaffected
 * until the member continues.
 */
import { useId, useState } from "react";
import { BusyButton } from "@/components/site/busy-button-client";
import { routes } from "@/lib/routes";
import { formatMoney } from "@/lib/spektrix-flows/money";
import { cardAmount, creditToSpend, VOUCHER_CODE_MAX } from "@/lib/checkout/credit";

type Message = { kind: "ok" | "error"; text: string };

interface RedeemAnswer {
  error?: string;
  message?: string;
  credited?: number | null;
  creditBalance?: number | null;
}

export function AccountCredit({
  basketId,
  balance,
  total,
  useCredit,
  onUseCreditChange,
  onBalanceChange,
  disabled,
}: {
  basketId: string;
  balance: number;
  total: number;
  useCredit: boolean;
  onUseCreditChange: (use: boolean) => void;
  /** A new balance; null when the page should read it again (the voucher may have been redeemed already). */
  onBalanceChange: (balance: number | null) => void;
  disabled: boolean;
}) {
  const ids = useId();
  const [code, setCode] = useState("");
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const spend = creditToSpend(balance, total);
  const byCard = cardAmount(total, balance, true);

  async function redeem() {
    const value = code.trim();
    if (!value) return setMessage({ kind: "error", text: "Enter the code printed on your gift voucher." });
    setBusy(true);
    setMessage(null);
    try {
      const response = await fetch(routes.api.giftVoucher, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        credentials: "same-origin",
        cache: "no-store",
        body: JSON.stringify({ basketId, voucherCode: value }),
      });
      const body = (await response.json().catch(() => ({}))) as RedeemAnswer;
      if (!response.ok) {
        setMessage({ kind: "error", text: body.message ?? "We couldn’t check that voucher. Please try again." });
        // "Already used" may mean by this member, a moment ago: their balance is worth reading again.
        if (body.error === "voucher-redeemed") onBalanceChange(null);
        return;
      }
      setCode("");
      const known = typeof body.creditBalance === "number" ? body.creditBalance : null;
      onBalanceChange(known);
      onUseCreditChange(true);
      const added =
        typeof body.credited === "number"
          ? `${formatMoney(body.credited)} added to your account credit.`
          : "Voucher added to your account credit.";
      setMessage({ kind: "ok", text: known === null ? added : `${added} You have ${formatMoney(known)} to spend.` });
    } catch {
      setMessage({ kind: "error", text: "We couldn’t reach our website. Check your connection and try again." });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby={`${ids}-heading`} className="rounded-card border border-line bg-white p-6 md:p-8">
      <h2 id={`${ids}-heading`} className="text-2xl font-semibold">
        Gift vouchers and credit
      </h2>
      {balance > 0 ? (
        <label className="mt-4 flex cursor-pointer items-start gap-3">
          <input
            type="checkbox"
            checked={useCredit}
            disabled={disabled}
            onChange={(e) => onUseCreditChange(e.target.checked)}
            className="mt-1 h-4 w-4 accent-brand"
          />
          <span>
            <span className="block font-medium text-ink">
              Use {formatMoney(spend)} of my account credit on this order
            </span>
            <span className="block text-sm text-ink-soft">
              You have {formatMoney(balance)}.{" "}
              {byCard === 0
                ? "It covers the whole order: no card needed."
                : `Your card pays the other ${formatMoney(byCard)}.`}
            </span>
          </span>
        </label>
      ) : (
        <p className="mt-2 text-sm text-ink-soft">
          Have a gift voucher? Its value goes into your account credit, ready to spend on this order.
        </p>
      )}
      <form
        className="mt-5 space-y-1"
        onSubmit={(e) => {
          e.preventDefault();
          void redeem();
        }}
      >
        <label htmlFor={`${ids}-code`} className="block text-sm font-semibold">
          Gift voucher code
        </label>
        <div className="flex gap-2">
          <input
            id={`${ids}-code`}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            maxLength={VOUCHER_CODE_MAX}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            disabled={disabled}
            aria-describedby={`${ids}-msg`}
            aria-invalid={message?.kind === "error" ? true : undefined}
            className="min-w-0 flex-1 rounded-lg border-2 border-line bg-white px-3 py-2 uppercase text-ink focus:border-brand"
          />
          <BusyButton type="submit" busy={busy} disabled={disabled} className="btn btn-ghost !px-4 !py-2 text-brand">
            {busy ? "Checking…" : "Redeem"}
          </BusyButton>
        </div>
        <p
          id={`${ids}-msg`}
          role="status"
          aria-live="polite"
          className={`text-sm ${message?.kind === "error" ? "text-danger" : "text-success"}`}
        >
          {message?.text}
        </p>
      </form>
    </section>
  );
}
