import { getSiteSession } from "@/lib/auth/server";
import { redeemGiftVoucher } from "@/lib/checkout/gift-voucher";
import { giftVoucherDeps } from "@/lib/checkout/server";
import { resultResponse } from "@/lib/http/errors";
import { readJsonBody } from "@/lib/security/body";
import { clientIp } from "@/lib/security/client-ip";

export const dynamic = "force-dynamic";

/** Redeems a gift voucher code into the signed-in member's account credit. All the rules are in lib/checkout. */
export async function POST(request: Request) {
  const result = await redeemGiftVoucher(
    {
      session: await getSiteSession(),
      origin: request.headers.get("origin"),
      fetchSite: request.headers.get("sec-fetch-site"),
      ip: clientIp(request.headers),
      body: () => readJsonBody(request),
    },
    await giftVoucherDeps(),
  );
  return resultResponse(result);
}
