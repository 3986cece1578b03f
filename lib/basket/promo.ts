/**
 * What the basket page says after a promo code is tried. Spektrix answers a code it accepts with the basket,
 * and "accepted" is not "cheaper": a code may be for other shows or dates, need more tickets, or give no more
 * than the member's own discount already does. So the basket before and after is compared, and the visitor is
 * told what the code changed, or plainly that it changed nothing.
 */
import type { Basket } from "@/lib/spektrix";
import { describeSpektrixError, plainSpektrixReason } from "@/lib/spektrix/errors";
import { formatMoney } from "@/lib/spektrix-flows/money";

export interface PromoMessage {
  /** `notice`: accepted, but it made no difference; neither a success nor the visitor's mistake. */
  kind: "ok" | "notice" | "error";
  text: string;
}

const cents = (amount: number) => Math.round(amount * 100);

/** Every line's id, so a before/after comparison knows whether the basket's contents changed meanwhile. */
const lineIds = (b: Basket) =>
  [...b.tickets, ...b.donations, ...b.merchandise, ...b.memberships, ...b.giftVouchers, ...b.subscriptions]
    .map((line) => line.id)
    .sort()
    .join(",");

/**
 * How much the code took off. The discount total says it even when another tab changed the basket meanwhile;
 * a lower total counts too, but only for the same lines (a removed ticket also lowers it).
 */
export function promoSaving(before: Basket, after: Basket): number {
  const discount = cents(after.totalDiscount) - cents(before.totalDiscount);
  const total = lineIds(before) === lineIds(after) ? cents(before.total) - cents(after.total) : 0;
  return Math.max(0, discount, total) / 100;
}

/** The message for a code Spektrix accepted: `before` is the basket the visitor saw, `after` Spektrix's answer. */
export function promoAppliedMessage(entered: string, before: Basket, after: Basket): PromoMessage {
  if (!after.promoCode)
    return {
      kind: "error",
      text: `The code ${entered} wasn’t kept on your basket. Please check it and try again.`,
    };
  const saving = promoSaving(before, after);
  if (saving > 0)
    return { kind: "ok", text: `Promo code ${after.promoCode} applied: you save ${formatMoney(saving)}.` };
  return {
    kind: "notice",
    text: `The code ${after.promoCode} is on your basket, but nothing in it is reduced by it. It may apply to other shows or dates, or need more tickets.`,
  };
}

/** The message for a code Spektrix refused: its own reason when that is a plain sentence, else a generic one. */
export function promoRefusedMessage(error: unknown): PromoMessage {
  const described = describeSpektrixError(error);
  // A refusal of the code itself (400/422, or a 409 business rule); anything else is the box office's trouble.
  const refused = described.reason === "rejected" || described.reason.startsWith("conflict");
  if (!refused) return { kind: "error", text: described.message };
  return {
    kind: "error",
    text: plainSpektrixReason(error) ?? "That promo code wasn’t accepted. Please check it and try again.",
  };
}
