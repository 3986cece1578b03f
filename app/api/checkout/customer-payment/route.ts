import { getSiteSession } from "@/lib/auth/server";
import { handleCustomerPayment } from "@/lib/checkout/customer-payment";
import { customerPaymentDeps } from "@/lib/checkout/server";
import { resultResponse } from "@/lib/http/errors";
import { readJsonBody } from "@/lib/security/body";

export const dynamic = "force-dynamic";

/** Starts a Customer Checkout payment for the signed-in member's basket. All the rules are in lib/checkout. */
export async function POST(request: Request) {
  const result = await handleCustomerPayment(
    {
      session: await getSiteSession(),
      origin: request.headers.get("origin"),
      fetchSite: request.headers.get("sec-fetch-site"),
      // Read (with a size ceiling) only after the session, origin and rate-limit checks.
      body: () => readJsonBody(request),
    },
    await customerPaymentDeps(),
  );
  return resultResponse(result);
}
