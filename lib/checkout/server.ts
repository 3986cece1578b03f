/** Checkout wiring from config: the real owner client, the shared limiter, the site URL. Server only. */
import "server-only";
import { env } from "@/lib/config";
import { LIMITS, sharedRateLimiter } from "@/lib/rate-limit";
import { accountService } from "@/lib/auth/services";
import type { CustomerPaymentDeps } from "./customer-payment";

export function checkoutLog(event: string, fields: Record<string, unknown> = {}) {
  // Outcome codes only. Never pass tokens, card details, addresses, e-mails or customer ids here.
  console.info(JSON.stringify({ level: "info", area: "checkout", event, ...fields }));
}

export function customerPaymentDeps(): CustomerPaymentDeps {
  const e = env();
  return {
    spektrix: accountService().owner,
    limiter: sharedRateLimiter(LIMITS.paymentInitiate),
    siteUrl: e.SITE_URL,
    log: checkoutLog,
  };
}
