import { basketLabels, labelsQuerySchema } from "@/lib/spektrix-flows/basket-labels";
import { errorResponse } from "@/lib/http/errors";
import { clientIp } from "@/lib/security/client-ip";

/** Public names for the ids in a basket (event titles and dates, fund, membership and item names). */
export async function GET(request: Request) {
  const url = new URL(request.url);
  const parsed = labelsQuerySchema.safeParse({ performances: url.searchParams.get("performances") ?? undefined });
  if (!parsed.success) return errorResponse(400, "invalid-query", "Ask for labels of Spektrix performance ids.");
  const labels = await basketLabels(parsed.data.performances, clientIp(request.headers));
  // Private: what Spektrix is asked depends on the caller's allowance, so one visitor's answer is not another's.
  return Response.json(labels, { headers: { "Cache-Control": "private, max-age=60" } });
}
