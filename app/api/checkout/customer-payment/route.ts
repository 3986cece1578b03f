import { getSiteSession } from "@/lib/auth/server";
import { handleCustomerPayment } from "@/lib/checkout/customer-payment";
import { customerPaymentDeps } from "@/lib/checkout/server";
import { errorResponse } from "@/lib/http/errors";

export const dynamic = "force-dynamic";

/** Starts a Customer Checkout payment for the signed-in member's basket. All the rules are in lib/checkout. */
export async function POST(request: Request) {
  let body: unknown = undefined;
  try {
    body = await request.json();
  } catch {
    // Left undefined: the handler answers 400 after the session and origin checks.
  }
  const result = await handleCustomerPayment(
    {
      session: await getSiteSession(),
      origin: request.headers.get("origin"),
      fetchSite: request.headers.get("sec-fetch-site"),
      body,
    },
    customerPaymentDeps(),
  );
  if (!("error" in result.body)) return Response.json(result.body, { headers: { "Cache-Control": "no-store" } });
  const retryAfter = "retryAfterSeconds" in result && result.retryAfterSeconds ? { "Retry-After": String(result.retryAfterSeconds) } : undefined;
  return errorResponse(result.status, result.body.error, result.body.message, { headers: retryAfter });
}
