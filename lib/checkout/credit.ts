/**
 * Account credit at checkout, as both the page and the payment route reckon it: credit pays first, up to the
 * order's total, and the card pays the rest. Browser-safe (no zod, no server code).
 */

const cents = (amount: number) => Math.round(amount * 100) / 100;

/** How much of the member's credit this order would spend. */
export function creditToSpend(balance: number, total: number): number {
  return cents(Math.max(0, Math.min(balance, total)));
}

/** What the card pays once `credit` (when used) has paid its part. */
export function cardAmount(total: number, balance: number, useCredit: boolean): number {
  return cents(Math.max(0, total - (useCredit ? creditToSpend(balance, total) : 0)));
}

/** The longest gift voucher code a member may type (codes are printed; this is generous). */
export const VOUCHER_CODE_MAX = 40;
