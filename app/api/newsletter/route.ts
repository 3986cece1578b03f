import { newFormToken, signUpDeps } from "@/lib/newsletter/server";
import { handleNewsletterSignUp } from "@/lib/newsletter/sign-up";
import { resultResponse } from "@/lib/http/errors";
import { readJsonBody } from "@/lib/security/body";
import { clientIp } from "@/lib/security/client-ip";

export const dynamic = "force-dynamic";

/** A form token: the signed time the sign-up form was shown (lib/newsletter/form-token). Never cached. */
export function GET() {
  return Response.json({ token: newFormToken() }, { headers: { "Cache-Control": "no-store" } });
}

/** A newsletter sign-up. All the rules are in lib/newsletter/sign-up. */
export async function POST(request: Request) {
  const result = await handleNewsletterSignUp(
    {
      origin: request.headers.get("origin"),
      fetchSite: request.headers.get("sec-fetch-site"),
      ip: clientIp(request.headers),
      // Read (with a size ceiling) only after the origin and rate-limit checks.
      body: () => readJsonBody(request),
    },
    await signUpDeps(),
  );
  return resultResponse(result);
}
