/**
 * `POST /api/checkout/completion`: after the payments component ends in a way the browser cannot trust
 * (a completion event without an order id, or an error once the card form was submitted), the server looks
 * at what Spektrix holds, in owner mode, before the visitor is told anything about money:
 *
 *   - an order of this customer placed in the last few minutes      → "confirmed", with its id
 *   - the basket still holds the customer's items                    → "open": nothing was booked
 *   - anything else (Spektrix unreachable, basket gone, no order yet) → "unknown": we are still checking
 *
 * "Open" is the only answer after which the visitor may pay again; "unknown" never offers a second payment.
 * Spektrix turns a paid basket into an order and the basket id stops resolving (assumed, as the payment
 * route assumes it; see lib/spektrix/README.md), so a missing basket means "look for the order".
 */
import { z } from "zod";
import { SpektrixHttpError, type Basket, type Order } from "@/lib/spektrix";
import { attempt, type RateLimiter } from "@/lib/rate-limit";
import type { SiteSession } from "@/lib/auth/session";
import { isSameOrigin } from "@/lib/security/origin";
import { basketItemCount } from "@/lib/basket/lines";
import { basketIdField } from "./member-request";

/** How recent an order must be to count as the one this checkout just placed. */
export const RECENT_ORDER_MS = 30 * 60_000;

export const completionBodySchema = z.object({ basketId: basketIdField }).strict();

export type CompletionCheck = { status: "confirmed"; orderId: string } | { status: "open" } | { status: "unknown" };

export interface CompletionInput {
  session: SiteSession;
  origin: string | null;
  fetchSite?: string | null;
  /** Read only after the session, origin and limit checks: nobody else makes the server parse a body. */
  readBody: () => Promise<unknown>;
}

export interface CompletionDeps {
  spektrix: {
    getBasketById(basketId: string): Promise<Basket>;
    /** The customer's orders, newest first. */
    listOrders(customerId: string): Promise<Order[]>;
  };
  limiter: RateLimiter;
  siteUrl: string;
  now?: () => Date;
}

export type CompletionResult =
  | { status: 200; body: CompletionCheck }
  | { status: 400 | 401 | 403 | 429; body: { error: string; message: string }; retryAfterSeconds?: number };

export async function checkCompletion(input: CompletionInput, deps: CompletionDeps): Promise<CompletionResult> {
  const session = input.session;
  if (!session?.customerId)
    return { status: 401, body: { error: "unauthenticated", message: "Please sign in to see your order." } };
  if (!isSameOrigin({ origin: input.origin, fetchSite: input.fetchSite ?? null, siteUrl: deps.siteUrl })) {
    return { status: 403, body: { error: "cross-origin", message: "This request didn’t come from our website." } };
  }
  const limit = await attempt(deps.limiter, session.customerId);
  if (!limit.allowed) {
    return {
      status: 429,
      body: { error: "rate-limited", message: "Too many checks in a short time. Please wait a minute." },
      retryAfterSeconds: limit.retryAfterSeconds,
    };
  }
  const parsed = completionBodySchema.safeParse(await input.readBody().catch(() => undefined));
  if (!parsed.success)
    return { status: 400, body: { error: "invalid-body", message: "We couldn’t read that request." } };

  return { status: 200, body: await lookUp(session.customerId, parsed.data.basketId, deps) };
}

async function lookUp(customerId: string, basketId: string, deps: CompletionDeps): Promise<CompletionCheck> {
  try {
    const basket = await deps.spektrix.getBasketById(basketId);
    // The customer's basket with items in it was not turned into an order: the payment did not complete.
    if (basket.customerId === customerId && basketItemCount(basket) > 0) return { status: "open" };
  } catch (error) {
    const gone = error instanceof SpektrixHttpError && (error.status === 404 || error.status === 410);
    if (!gone) return { status: "unknown" };
  }
  try {
    const orders = await deps.spektrix.listOrders(customerId);
    const since = (deps.now?.() ?? new Date()).getTime() - RECENT_ORDER_MS;
    const recent = orders.find((order) => order.firstTransactionUtc && Date.parse(order.firstTransactionUtc) >= since);
    return recent ? { status: "confirmed", orderId: recent.id } : { status: "unknown" };
  } catch {
    return { status: "unknown" };
  }
}
