"use client";

/**
 * The Gift Aid declaration, asked only when Spektrix has none from this member and the basket holds a donation.
 * Never ticked for them; the declaration is recorded (our route, owner mode) when they continue to payment.
 */
import { useId } from "react";

export function GiftAidDeclaration({
  wording,
  checked,
  recorded,
  error,
  onChange,
  disabled,
}: {
  wording: string;
  checked: boolean;
  /** Already recorded in Spektrix during this checkout. */
  recorded: boolean;
  /** Why the last attempt to record it failed, shown beside the box. */
  error: string | null;
  onChange: (checked: boolean) => void;
  disabled: boolean;
}) {
  const ids = useId();
  return (
    <section aria-labelledby={`${ids}-heading`} className="rounded-card border border-line bg-white p-6 md:p-8">
      <h2 id={`${ids}-heading`} className="text-2xl font-semibold">
        Gift Aid your donation
      </h2>
      <p className="mt-2 text-sm text-ink-soft">
        If you pay UK tax, Gift Aid lets us claim an extra 25p for every £1 you give, at no cost to you.
      </p>
      {recorded ? (
        <p role="status" className="mt-4 font-medium text-success">
          Thank you: your Gift Aid declaration is recorded.
        </p>
      ) : (
        <label className="mt-4 flex cursor-pointer items-start gap-3">
          <input
            type="checkbox"
            name="giftAid"
            checked={checked}
            disabled={disabled}
            onChange={(e) => onChange(e.target.checked)}
            aria-describedby={error ? `${ids}-wording ${ids}-error` : `${ids}-wording`}
            aria-invalid={error ? true : undefined}
            className="mt-1 h-4 w-4 accent-brand"
          />
          <span>
            <span className="block font-medium text-ink">Yes, add Gift Aid to my donation</span>
            <span id={`${ids}-wording`} className="mt-1 block whitespace-pre-line text-sm text-ink-soft">
              {wording}
            </span>
          </span>
        </label>
      )}
      {error && !recorded ? (
        <p id={`${ids}-error`} role="alert" className="mt-3 text-sm font-medium text-danger">
          {error}
        </p>
      ) : null}
    </section>
  );
}
