/**
 * `POST /api/checkout/customer-payment`, as a plain function: the route handler gathers the session, the
 * Origin header and the body, and this decides. Tests call it directly.
 *
 * The checks run in this order, each before anything costlier or more revealing:
 *   1. a signed-in session                                   401
 *   2. a same-origin request                                  403
 *   3. the rate limit (per customer)                          429
 *   4. the body, read only now and at most 64 KB: { basketId, billingAddressId, storeCard, useCredit? }   413 / 400
 *   (1–4 are the member checkout's shared door, ./member-request.ts)
 *   5. the basket, read in owner mode: the session customer's and not paid or expired, else 410 (one answer
 *      for "not yours" and "no such basket", so the route cannot be used to learn which basket ids exist);
 *      not empty 409
 *   6. the billing address is one of the customer's           403
 *   7. initiate-customer-payment, last, with originDomain from config (and useAvailableCredit when asked)
 *   8. → { paymentToken, basketHash }
 *
 * Nothing is logged but outcome codes: no token, card, address, e-mail or customer id.
 */
import { z } from "zod";
import { describeSpektrixError, SpektrixHttpError, type Basket, type Customer } from "@/lib/spektrix";
import { basketItemCount } from "@/lib/basket/lines";
import {
  admitMemberRequest,
  basketIdField,
  opaqueIdField,
  refuse,
  type AdmissionReason,
  type MemberRequestDeps,
  type MemberRequestFailure,
  type MemberRequestInput,
} from "./member-request";

export type { BodyReader } from "./member-request";

export const customerPaymentBodySchema = z
  .object({
    basketId: basketIdField,
    billingAddressId: opaqueIdField("an address id"),
    storeCard: z.boolean(),
    /** Spend the member's account credit first (a redeemed gift voucher, say); the card pays the rest. */
    useCredit: z.boolean().optional(),
  })
  .strict();

export type CustomerPaymentBody = z.infer<typeof customerPaymentBodySchema>;

export type CustomerPaymentInput = MemberRequestInput;

/** The owner-mode calls this needs; the real owner client satisfies it, tests may pass it too. */
export interface CustomerPaymentSpektrix {
  getBasketById(basketId: string): Promise<Basket>;
  getCustomerById(customerId: string): Promise<Customer>;
  initiateCustomerPayment(
    basketId: string,
    request: { originDomain: string; billingAddressId: string; storeCard: boolean; useAvailableCredit?: boolean },
  ): Promise<{ paymentToken: string }>;
}

export interface CustomerPaymentDeps extends MemberRequestDeps {
  spektrix: CustomerPaymentSpektrix;
}

export type CustomerPaymentReason = AdmissionReason | "basket-empty" | "basket-gone" | "address-not-yours" | "upstream";

export type CustomerPaymentResult =
  | { status: 200; body: { paymentToken: string; basketHash: string | null } }
  | MemberRequestFailure<CustomerPaymentReason>;

const fail = (status: number, error: CustomerPaymentReason, message: string): CustomerPaymentResult =>
  refuse(status, error, message);

export async function handleCustomerPayment(
  input: CustomerPaymentInput,
  deps: CustomerPaymentDeps,
): Promise<CustomerPaymentResult> {
  const log = deps.log ?? (() => undefined);

  // 1–4. Session, origin, limit, body.
  const admitted = await admitMemberRequest(input, deps, customerPaymentBodySchema, {
    unauthenticated: "Please sign in to pay for your basket.",
    rateLimited: "Too many attempts to start a payment. Please wait a minute and try again.",
    logEvent: "checkout",
  });
  if (!admitted.ok) return admitted.failure;
  const { customerId } = admitted;
  const { basketId, billingAddressId, storeCard, useCredit = false } = admitted.body;

  try {
    // 5. The basket as Spektrix has it now, in owner mode.
    // "Not already paid": Spektrix turns a paid basket into an order and the basket id stops resolving; an
    // expired basket is released the same way. Another customer's basket gets the very same answer: a
    // different one would tell a signed-in stranger which basket ids exist.
    const gone = () => fail(410, "basket-gone", "Your basket has expired or has already been paid for.");
    let basket: Basket;
    try {
      basket = await deps.spektrix.getBasketById(basketId);
    } catch (error) {
      if (error instanceof SpektrixHttpError && (error.status === 404 || error.status === 410)) return gone();
      throw error;
    }
    if (basket.customerId !== customerId) {
      log("checkout refused", { reason: "basket-not-yours" });
      return gone();
    }
    if (isEmpty(basket)) return fail(409, "basket-empty", "Your basket is empty.");

    // 6. The billing address must be one of this customer's.
    const customer = await deps.spektrix.getCustomerById(customerId);
    if (!customer.addresses.some((address) => address.id === billingAddressId)) {
      log("checkout refused", { reason: "address-not-yours" });
      return fail(403, "address-not-yours", "Please choose one of the addresses saved on your account.");
    }

    // 7. Last: any change to the basket after this needs a new token.
    const originDomain = new URL(deps.siteUrl).host;
    const { paymentToken } = await deps.spektrix.initiateCustomerPayment(basketId, {
      originDomain,
      billingAddressId,
      storeCard,
      ...(useCredit ? { useAvailableCredit: true } : {}),
    });
    log("checkout payment initiated", { storeCard, useCredit });

    // 8. The hash lets the browser check the basket has not changed before showing the card form.
    return { status: 200, body: { paymentToken, basketHash: basket.hash } };
  } catch (error) {
    const described = describeSpektrixError(error);
    log("checkout upstream failure", { reason: described.reason, status: described.status });
    if (described.reason === "conflict-18") return fail(409, "upstream", described.message);
    const status = described.status === 400 ? 409 : described.status >= 500 ? described.status : 502;
    const message =
      described.status === 400
        ? "The box office couldn’t start a payment for this basket. Please review your basket and try again."
        : described.message;
    return fail(status, "upstream", message);
  }
}

function isEmpty(basket: Basket): boolean {
  return basketItemCount(basket) === 0;
}
