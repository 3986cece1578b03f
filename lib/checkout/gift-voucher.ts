/**
 * `POST /api/checkout/gift-voucher`: a member types a gift voucher code at checkout and its value becomes
 * account credit on their Spektrix record (Spektrix's gift voucher redemption, owner mode), which the payment
 * can then spend before the card. After the member checkout's shared door (./member-request.ts):
 *   5. a second limit, by the visitor's address: accounts are free to make, so a per-customer limit alone
 *      would let one guesser spread codes over many                                                   429
 *   6. the basket is this customer's and still open (Spektrix redeems only with a customer on the basket)  410
 *   7. the code, redeemed once: unknown, used, expired or otherwise refused each get their own answer     422
 *   8. the customer's balance, read back if it can be  → { credited, creditBalance } (null: reload to see it)
 * Once Spektrix has said yes the answer is 200 whatever follows: the credit is on the record.
 * Codes are never logged or echoed, and Spektrix's own refusal text is never passed on: it may quote the code.
 */
import { z } from "zod";
import {
  describeSpektrixError,
  giftVoucherRefusal,
  SpektrixHttpError,
  type Basket,
  type Customer,
  type GiftVoucherRedemption,
  type GiftVoucherRefusal,
} from "@/lib/spektrix";
import { attempt, type RateLimiter } from "@/lib/rate-limit";
import { VOUCHER_CODE_MAX } from "./credit";
import {
  admitMemberRequest,
  basketIdField,
  refuse,
  type AdmissionReason,
  type MemberRequestDeps,
  type MemberRequestFailure,
  type MemberRequestInput,
} from "./member-request";

/** What a person types: letters, digits, dashes and spaces (removed before sending), as printed on a voucher. */
export const voucherCodeField = z
  .string()
  .trim()
  .min(4, "too short")
  .max(VOUCHER_CODE_MAX, "too long")
  .regex(/^[A-Za-z0-9][A-Za-z0-9 -]*$/, "not a voucher code")
  .transform((code) => code.replace(/\s+/g, "").toUpperCase());

/** The request; the code's own shape is checked after, so a mistyped code gets a sentence about the code. */
export const giftVoucherBodySchema = z.object({ basketId: basketIdField, voucherCode: z.string().max(200) }).strict();

export interface GiftVoucherInput extends MemberRequestInput {
  /** The visitor's address as lib/security/client-ip reads it (null when unknown: one shared bucket). */
  ip: string | null;
}

export interface GiftVoucherDeps extends MemberRequestDeps {
  spektrix: {
    getBasketById(basketId: string): Promise<Basket>;
    getCustomerById(customerId: string): Promise<Customer>;
    redeemGiftVoucher(customerId: string, voucherCode: string): Promise<GiftVoucherRedemption>;
  };
  /** Codes tried from one address, across every account. */
  addressLimiter: RateLimiter;
}

export type GiftVoucherReason =
  AdmissionReason | "basket-gone" | `voucher-${GiftVoucherRefusal}` | "voucher-not-a-code" | "upstream";

export type GiftVoucherResult =
  | { status: 200; body: { credited: number | null; creditBalance: number | null } }
  | MemberRequestFailure<GiftVoucherReason>;

const REFUSALS: Record<GiftVoucherRefusal, string> = {
  unknown: "We don’t recognise that voucher code. Check it against your voucher and try again.",
  redeemed: "That voucher has already been used. Its value may be in your account credit already.",
  expired: "That voucher has expired. The box office may still be able to help.",
  refused: "That voucher can’t be used online. Please call the box office, who can check it for you.",
};

const TOO_MANY = "Too many voucher codes tried in a short time. Please wait a few minutes, or call the box office.";

export async function redeemGiftVoucher(input: GiftVoucherInput, deps: GiftVoucherDeps): Promise<GiftVoucherResult> {
  const log = deps.log ?? (() => undefined);
  const admitted = await admitMemberRequest(input, deps, giftVoucherBodySchema, {
    unauthenticated: "Please sign in to use a gift voucher.",
    rateLimited: TOO_MANY,
    logEvent: "gift voucher",
  });
  if (!admitted.ok) return admitted.failure;
  const byAddress = await attempt(deps.addressLimiter, input.ip ?? "unknown");
  if (!byAddress.allowed) {
    log("gift voucher refused", { reason: "rate-limited-address" });
    return refuse(429, "rate-limited", TOO_MANY, { retryAfterSeconds: byAddress.retryAfterSeconds });
  }
  const { customerId } = admitted;
  const { basketId } = admitted.body;
  const code = voucherCodeField.safeParse(admitted.body.voucherCode);
  if (!code.success)
    return refuse(422, "voucher-not-a-code", "That doesn’t look like a voucher code. Check it and try again.");

  let redemption: GiftVoucherRedemption;
  try {
    // The same answer for "not yours" and "no such basket", as the payment route gives.
    const gone = () => refuse(410, "basket-gone" as const, "Your basket has expired or has already been paid for.");
    let basket: Basket;
    try {
      basket = await deps.spektrix.getBasketById(basketId);
    } catch (error) {
      if (error instanceof SpektrixHttpError && (error.status === 404 || error.status === 410)) return gone();
      throw error;
    }
    if (basket.customerId !== customerId) return gone();

    try {
      redemption = await deps.spektrix.redeemGiftVoucher(customerId, code.data);
    } catch (error) {
      const refusal = giftVoucherRefusal(error);
      if (refusal === null) throw error;
      log("gift voucher refused", { reason: refusal });
      return refuse(422, `voucher-${refusal}` as const, REFUSALS[refusal]);
    }
  } catch (error) {
    const described = describeSpektrixError(error);
    log("gift voucher upstream failure", { reason: described.reason, status: described.status });
    return refuse(described.status >= 500 ? described.status : 502, "upstream", described.message);
  }

  log("gift voucher redeemed");
  // The credit is on the record now; a balance we cannot read is the page's to fetch again, not a failure.
  const creditBalance = await deps.spektrix
    .getCustomerById(customerId)
    .then((customer) => customer.creditBalance ?? 0)
    .catch(() => null);
  return { status: 200, body: { credited: redemption.amount, creditBalance } };
}
