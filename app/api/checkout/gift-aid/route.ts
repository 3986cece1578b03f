import { getSiteSession } from "@/lib/auth/server";
import { declareGiftAid } from "@/lib/checkout/gift-aid";
import { giftAidDeps } from "@/lib/checkout/server";
import { resultResponse } from "@/lib/http/errors";
import { readJsonBody } from "@/lib/security/body";

export const dynamic = "force-dynamic";

/** Records the signed-in member's Gift Aid declaration in Spektrix. All the rules are in lib/checkout. */
export async function POST(request: Request) {
  const result = await declareGiftAid(
    {
      session: await getSiteSession(),
      origin: request.headers.get("origin"),
      fetchSite: request.headers.get("sec-fetch-site"),
      body: () => readJsonBody(request),
    },
    await giftAidDeps(),
  );
  return resultResponse(result);
}
