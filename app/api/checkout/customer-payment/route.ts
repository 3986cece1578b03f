import { getSiteSession } from "@/lib/auth/server";
import { handleCustomerPayment } from "@/lib/checkout/customer-payment";
import { customerPaymentDeps } from "@/lib/checkout/server";

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
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if ("retryAfterSeconds" in result && result.retryAfterSeconds) headers["Retry-After"] = String(result.retryAfterSeconds);
  return Response.json(result.body, { status: result.status, headers });
}
