import { getSiteSession } from "@/lib/auth/server";
import { paymentFormDocument } from "@/lib/checkout/payment-form";
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
  if (!(await getSiteSession()))
    return new Response("Sign in to pay.", {
      status: 401,
      headers: {
        ...headers,
        "Content-Type": "text/plain; charset=utf-8",
        "Content-Security-Policy": apiContentSecurityPolicy(),
      },
    });
  const spektrix = await spektrixPublicConfig();
  const e = env();
  const { html, policy } = paymentFormDocument({
    baseUrl: spektrix.baseUrl,
    webComponentsUrl: spektrix.webComponentsUrl,
    componentsStylesheetUrl: spektrix.componentsStylesheetUrl,
    providerSources: e.SPEKTRIX_PAYMENT_SOURCES,
    challengeSources: e.SPEKTRIX_PAYMENT_CHALLENGE_SOURCES,
  });
  return new Response(html, { headers: { ...headers, "Content-Security-Policy": policy } });
}

/** Every other method: the one error shape, with a policy of its own (the config gives this address none). */
function methodNotAllowed() {
  return errorResponse(405, "method-not-allowed", "This address only answers GET.", {
    headers: { Allow: "GET", "Content-Security-Policy": apiContentSecurityPolicy() },
  });
}
export { methodNotAllowed as POST, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
