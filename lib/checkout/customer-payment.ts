/**
 * `POST /api/checkout/customer-payment`, as a plain function: the route handler gathers the session, the
 * Origin header and the body, and this decides. Tests call it directly.
 *
 * The checks run in this order, each before anything costlier or more revealing:
 *   1. a signed-in session                                   401
 *   2. a same-origin request                                  403
 *   3. the rate limit (per customer)                          429
 *   4. the body, read only now and at most 64 KB: { basketId, billingAddressId, storeCard }   413 / 400
 *   5. the basket, read in owner mode: the session customer's and not paid or expired, else 410 (one answer
 *      for "not yours" and "no such basket", so the route cannot be used to learn which basket ids exist);
 *      not empty 409
 *   6. the billing address is one of the customer's           403
 *   7. initiate-customer-payment, last, with originDomain from config
 *   8. → { paymentToken, basketHash }
 *
 * Nothing is logged but outcome codes: no token, card, address, e-mail or customer id.
 */
import { z } from "zod";
import { describeSpektrixError, SpektrixHttpError, type Basket, type Customer } from "@/lib/spektrix";
import { attempt, type RateLimiter } from "@/lib/rate-limit";
import type { SiteSession } from "@/lib/auth/session";
import { isSameOrigin } from "@/lib/security/origin";
import { basketItemCount } from "@/lib/basket/lines";
import { errorBody, type ErrorBody } from "@/lib/http/errors";

export const customerPaymentBodySchema = z
  .object({
    basketId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/, "not a basket id"),
    billingAddressId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/, "not an address id"),
    storeCard: z.boolean(),
  })
  .strict();

export type CustomerPaymentBody = z.infer<typeof customerPaymentBodySchema>;

export interface CustomerPaymentInput {
  session: SiteSession;
  /** The request's `Origin` header (null when absent). */
  origin: string | null;
  /** `Sec-Fetch-Site`, used only when a browser sent no Origin. */
  fetchSite?: string | null;
  /**
   * The request body: the parsed value, or (from the route) a reader called only after the session, origin and
   * limit checks, so nobody without a session makes the server read a body at all.
   */
  body: unknown | BodyReader;
}

/** The owner-mode calls this needs; the real owner client satisfies it, tests may pass it too. */
export type BodyReader = () => Promise<
  { ok: true; value: unknown } | { ok: false; reason: "too-large" | "unreadable" }
>;

export interface CustomerPaymentSpektrix {
  getBasketById(basketId: string): Promise<Basket>;
  getCustomerById(customerId: string): Promise<Customer>;
  initiateCustomerPayment(
    basketId: string,
    request: { originDomain: string; billingAddressId: string; storeCard: boolean },
  ): Promise<{ paymentToken: string }>;
}

export interface CustomerPaymentDeps {
  spektrix: CustomerPaymentSpektrix;
  limiter: RateLimiter;
  /** This site's public origin, from config (`SITE_URL`). */
  siteUrl: string;
  log?: (event: string, fields?: Record<string, unknown>) => void;
}

export type CustomerPaymentReason =
  | "unauthenticated"
  | "cross-origin"
  | "rate-limited"
  | "invalid-body"
  | "body-too-large"
  | "basket-empty"
  | "basket-gone"
  | "address-not-yours"
  | "upstream";

export type CustomerPaymentResult =
  | { status: 200; body: { paymentToken: string; basketHash: string | null } }
  | { status: number; body: ErrorBody & { error: CustomerPaymentReason }; retryAfterSeconds?: number };

const fail = (
  status: number,
  error: CustomerPaymentReason,
  message: string,
  extra: { retryAfterSeconds?: number } = {},
): CustomerPaymentResult => ({
  status,
  body: { ...errorBody(error, message), error },
  ...extra,
});

export async function handleCustomerPayment(
  input: CustomerPaymentInput,
  deps: CustomerPaymentDeps,
): Promise<CustomerPaymentResult> {
  const log = deps.log ?? (() => undefined);

  // 1. Who is asking: only the site session, never an id sent by the browser.
  const session = input.session;
  if (!session?.customerId) return fail(401, "unauthenticated", "Please sign in to pay for your basket.");

  // 2. Same origin only: another site must not be able to start a payment with the member's cookie.
  if (!isSameOrigin({ origin: input.origin, fetchSite: input.fetchSite ?? null, siteUrl: deps.siteUrl })) {
    log("checkout refused", { reason: "cross-origin" });
    return fail(403, "cross-origin", "This request didn’t come from our website.");
  }

  // 3. Rate limit per customer, before any call to Spektrix. The signed session names the customer; an address
  //    would let a member spread attempts over forged X-Forwarded-For values.
  const limit = await attempt(deps.limiter, session.customerId);
  if (!limit.allowed) {
    log("checkout refused", { reason: "rate-limited" });
    return fail(429, "rate-limited", "Too many attempts to start a payment. Please wait a minute and try again.", {
      retryAfterSeconds: limit.retryAfterSeconds,
    });
  }

  // 4. The body, only now.
  const read =
    typeof input.body === "function" ? await (input.body as BodyReader)() : { ok: true as const, value: input.body };
  if (!read.ok && read.reason === "too-large") return fail(413, "body-too-large", "That request is too large.");
  const parsed = customerPaymentBodySchema.safeParse(read.ok ? read.value : undefined);
  if (!parsed.success)
    return fail(400, "invalid-body", "We couldn’t read that request. Please reload the page and try again.");
  const { basketId, billingAddressId, storeCard } = parsed.data;

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
    if (basket.customerId !== session.customerId) {
      log("checkout refused", { reason: "basket-not-yours" });
      return gone();
    }
    if (isEmpty(basket)) return fail(409, "basket-empty", "Your basket is empty.");

    // 6. The billing address must be one of this customer's.
    const customer = await deps.spektrix.getCustomerById(session.customerId);
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
    });
    log("checkout payment initiated", { storeCard });

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
