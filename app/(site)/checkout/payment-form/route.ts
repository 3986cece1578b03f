import { getSiteSession } from "@/lib/auth/server";
import { paymentFormDocument, signedOutPaymentForm } from "@/lib/checkout/payment-form";
import { env } from "@/lib/config";
import { errorResponse } from "@/lib/http/errors";
import { routes } from "@/lib/routes";
import { apiContentSecurityPolicy } from "@/lib/security/headers.mjs";
import { spektrixPublicConfig } from "@/lib/spektrix-flows/config";

export const dynamic = "force-dynamic";

/**
 * The card form's own document, framed by the checkout page (lib/checkout/payment-form.ts, ADR 0018). Only a
 * signed-in member's checkout frames it; opened as a page of its own, it sends the visitor to the checkout.
 */
export async function GET(request: Request) {
  if (request.headers.get("sec-fetch-dest") === "document")
    return Response.redirect(new URL(routes.checkout, env().SITE_URL), 303);
  const headers = { "Cache-Control": "private, no-store", "Content-Type": "text/html; charset=utf-8" };
  try {
    // Signed out (the session ended while the checkout page was open): a marked document the page turns into
    // "sign in again", framable by this site only.
    const signedIn = Boolean(await getSiteSession());
    const { html, policy } = signedIn ? await signedInForm() : signedOutPaymentForm();
    return new Response(html, {
      status: signedIn ? 200 : 401,
      headers: { ...headers, "Content-Security-Policy": policy },
    });
  } catch {
    // Never a bare 500 without a policy: the checkout page sees no form and offers to try again.
    return errorResponse(503, "payment-form-unavailable", "The payment form is not available just now.", {
      headers: { "Content-Security-Policy": apiContentSecurityPolicy() },
    });
  }
}

async function signedInForm() {
  const spektrix = await spektrixPublicConfig();
  const e = env();
  return paymentFormDocument({
    baseUrl: spektrix.baseUrl,
    webComponentsUrl: spektrix.webComponentsUrl,
    componentsStylesheetUrl: spektrix.componentsStylesheetUrl,
    providerSources: e.SPEKTRIX_PAYMENT_SOURCES,
    challengeSources: e.SPEKTRIX_PAYMENT_CHALLENGE_SOURCES,
  });
}

/** Every other method: the one error shape, with a policy of its own (the config gives this address none). */
function methodNotAllowed() {
  return errorResponse(405, "method-not-allowed", "This address only answers GET.", {
    headers: { Allow: "GET", "Content-Security-Policy": apiContentSecurityPolicy() },
  });
}
export {
  methodNotAllowed as POST,
  methodNotAllowed as PUT,
  methodNotAllowed as PATCH,
  methodNotAllowed as DELETE,
  methodNotAllowed as OPTIONS,
};
