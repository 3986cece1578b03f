/**
 * `POST /api/checkout/gift-voucher`: a member types a gift voucher code at checkout and its value becomes
 * account credit on their Spektrix record (Spektrix's gift voucher redemption, owner mode), which the payment
 * can then spend before the card. After the member checkout's shared door (./member-request.ts):
 *   5. the basket is this customer's and still open (Spektrix redeems only with a customer on the basket)  410
 *   6. the code, redeemed once: unknown, used, expired or otherwise refused each get their own answer     422
 *   7. the customer's balance, read back                                        → { credited, creditBalance }
 * Codes are never logged or echoed: a code is money.
 */
import { z } from "zod";
import {
  describeSpektrixError,
  giftVoucherRefusal,
  plainSpektrixReason,
  SpektrixHttpError,
  type Basket,
  type Customer,
  type GiftVoucherRedemption,
  type GiftVoucherRefusal,
} from "@/lib/spektrix";
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
  .max(40, "too long")
  .regex(/^[A-Za-z0-9][A-Za-z0-9 -]*$/, "not a voucher code")
  .transform((code) => code.replace(/\s+/g, "").toUpperCase());

/** The request; the code's own shape is checked after, so a mistyped code gets a sentence about the code. */
export const giftVoucherBodySchema = z.object({ basketId: basketIdField, voucherCode: z.string().max(200) }).strict();

export interface GiftVoucherDeps extends MemberRequestDeps {
  spektrix: {
    getBasketById(basketId: string): Promise<Basket>;
    getCustomerById(customerId: string): Promise<Customer>;
    redeemGiftVoucher(customerId: string, voucherCode: string): Promise<GiftVoucherRedemption>;
  };
}

export type GiftVoucherReason =
  AdmissionReason | "basket-gone" | `voucher-${GiftVoucherRefusal}` | "voucher-not-a-code" | "upstream";

export type GiftVoucherResult =
  { status: 200; body: { credited: number | null; creditBalance: number } } | MemberRequestFailure<GiftVoucherReason>;

const REFUSALS: Record<Exclude<GiftVoucherRefusal, "refused">, string> = {
  unknown: "We don’t recognise that voucher code. Check it against your voucher and try again.",
  redeemed: "That voucher has already been used. Its value may be in your account credit already.",
  expired: "That voucher has expired. The box office may still be able to help.",
};

export async function redeemGiftVoucher(input: MemberRequestInput, deps: GiftVoucherDeps): Promise<GiftVoucherResult> {
  const log = deps.log ?? (() => undefined);
  const admitted = await admitMemberRequest(input, deps, giftVoucherBodySchema, {
    unauthenticated: "Please sign in to use a gift voucher.",
    rateLimited: "Too many voucher codes tried in a short time. Please wait a few minutes, or call the box office.",
    logEvent: "gift voucher",
  });
  if (!admitted.ok) return admitted.failure;
  const { customerId } = admitted;
  const { basketId } = admitted.body;
  const code = voucherCodeField.safeParse(admitted.body.voucherCode);
  if (!code.success)
    return refuse(422, "voucher-not-a-code", "That doesn’t look like a voucher code. Check it and try again.");
  const voucherCode = code.data;

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

    let redemption: GiftVoucherRedemption;
    try {
      redemption = await deps.spektrix.redeemGiftVoucher(customerId, voucherCode);
    } catch (error) {
      const refusal = giftVoucherRefusal(error);
      if (refusal === null) throw error;
      log("gift voucher refused", { reason: refusal });
      const message =
        refusal === "refused"
          ? (plainSpektrixReason(error) ?? "That voucher can’t be used online. Please call the box office.")
          : REFUSALS[refusal];
      return refuse(422, `voucher-${refusal}` as const, message);
    }
    const customer = await deps.spektrix.getCustomerById(customerId);
    log("gift voucher redeemed");
    return {
      status: 200,
      body: { credited: redemption.amount, creditBalance: customer.creditBalance ?? 0 },
    };
  } catch (error) {
    const described = describeSpektrixError(error);
    log("gift voucher upstream failure", { reason: described.reason, status: described.status });
    return refuse(described.status >= 500 ? described.status : 502, "upstream", described.message);
  }
}
