/** Checkout wiring: the owner client of the connection in force, the shared limiter, the site URL. Server only. */
import "server-only";
import { env } from "@/lib/config";
import { logger } from "@/lib/log/logger.mjs";
import { LIMITS, sharedRateLimiter, type RateLimitRule } from "@/lib/rate-limit";
import { accountService } from "@/lib/auth/services";
import type { CompletionDeps } from "./completion";
import type { CustomerPaymentDeps } from "./customer-payment";
import type { GiftAidDeps } from "./gift-aid";
import type { GiftVoucherDeps } from "./gift-voucher";

const log = logger("checkout");

export function checkoutLog(event: string, fields: Record<string, unknown> = {}) {
  // Outcome codes only. Never pass tokens, card details, addresses, e-mails or customer ids here.
  log.info(fields, event);
}

/** The owner client, a limit by `rule` and the site URL: what every member checkout route is given. */
async function memberRouteDeps(rule: RateLimitRule) {
  return {
    spektrix: (await accountService()).owner,
    limiter: sharedRateLimiter(rule),
    siteUrl: env().SITE_URL,
    log: checkoutLog,
  };
}

export const customerPaymentDeps = (): Promise<CustomerPaymentDeps> => memberRouteDeps(LIMITS.paymentInitiate);
export const giftAidDeps = (): Promise<GiftAidDeps> => memberRouteDeps(LIMITS.giftAidDeclare);
export async function giftVoucherDeps(): Promise<GiftVoucherDeps> {
  return {
    ...(await memberRouteDeps(LIMITS.giftVoucherRedeem)),
    addressLimiter: sharedRateLimiter(LIMITS.giftVoucherRedeemPerAddress),
  };
}

export async function completionDeps(): Promise<CompletionDeps> {
  const e = env();
  const service = await accountService();
  return {
    // The check shares the payment limit: each check costs Spektrix calls, and a member needs only a few.
    spektrix: { getBasketById: (id) => service.owner.getBasketById(id), listOrders: (id) => service.listOrders(id) },
    limiter: sharedRateLimiter(LIMITS.paymentInitiate),
    siteUrl: e.SITE_URL,
  };
}
