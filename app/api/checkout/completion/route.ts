import { getSiteSession } from "@/lib/auth/server";
import { checkCompletion } from "@/lib/checkout/completion";
import { completionDeps } from "@/lib/checkout/server";
import { resultResponse } from "@/lib/http/errors";
import { readJsonBody } from "@/lib/security/body";

export const dynamic = "force-dynamic";

/** Did the member's payment become an order? Asked when the payments component's own answer is unclear. */
export async function POST(request: Request) {
  const result = await checkCompletion(
    {
      session: await getSiteSession(),
      origin: request.headers.get("origin"),
      fetchSite: request.headers.get("sec-fetch-site"),
      // With a size ceiling, like every body the site reads; too large reads as no body (400).
      readBody: async () => {
        const read = await readJsonBody(request);
        return read.ok ? read.value : undefined;
      },
    },
    await completionDeps(),
  );
  return resultResponse(result);
}
