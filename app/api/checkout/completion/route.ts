import { getSiteSession } from "@/lib/auth/server";
import { checkCompletion } from "@/lib/checkout/completion";
import { completionDeps } from "@/lib/checkout/server";

export const dynamic = "force-dynamic";

/** Did the member's payment become an order? Asked when the payments component's own answer is unclear. */
export async function POST(request: Request) {
  const result = await checkCompletion(
    {
      session: await getSiteSession(),
      origin: request.headers.get("origin"),
      fetchSite: request.headers.get("sec-fetch-site"),
      readBody: () => request.json(),
    },
    completionDeps(),
  );
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if ("retryAfterSeconds" in result && result.retryAfterSeconds) headers["Retry-After"] = String(result.retryAfterSeconds);
  return Response.json(result.body, { status: result.status, headers });
}
