import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { withSignedInHint } from "@/lib/auth/cookies";
import { authOptions } from "@/lib/auth/options";
import { SIGN_OUT_THIS_DEVICE } from "@/lib/auth/paths";
import { BODY_TOO_LARGE, readBodyText } from "@/lib/security/body";
import { refusalResponse } from "@/lib/security/request-guard";

// next-auth's own endpoints: csrf, session, the Credentials callback and sign-out.
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ nextauth: string[] }> };

/** Sign-in and sign-out forms are a few hundred bytes; nothing bigger is read, let alone parsed. */
const AUTH_BODY_LIMIT = 8 * 1024;

async function handler(request: NextRequest, context: Context) {
  const { nextauth = [] } = await context.params;
  // next-auth throws (a 500) on a GET to a Credentials callback; it only ever takes the form's POST.
  if (request.method === "GET" && nextauth[0] === "callback") {
    return new Response(JSON.stringify({ error: "method-not-allowed", message: "Sign in with the form." }), {
      status: 405,
      headers: { "Content-Type": "application/json", Allow: "POST", "Cache-Control": "no-store" },
    });
  }
  let forwarded: NextRequest = request;
  // next-auth's forms post url-encoded fields; it would parse any other body as JSON and answer a bad one 500.
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (request.method === "POST" && type !== "application/x-www-form-urlencoded") {
    return refusalResponse({
      status: 415,
      error: "unsupported-media-type",
      message: "Send the sign-in or sign-out form as application/x-www-form-urlencoded.",
    });
  }
  if (request.method === "POST") {
    const body = await readBodyText(request, AUTH_BODY_LIMIT);
    if (!body.ok) {
      return refusalResponse(
        body.reason === "too-large"
          ? BODY_TOO_LARGE
          : { status: 400, error: "bad-body", message: "That form could not be read. Please try again." },
      );
    }
    // next-auth reads the query from `nextUrl`, so the capped copy must be a NextRequest too.
    forwarded = new NextRequest(request.url, { method: "POST", headers: request.headers, body: body.text });
  }
  const signingOut = request.method === "POST" && nextauth[0] === "signout";
  const thisDeviceOnly =
    signingOut && request.nextUrl.searchParams.get(SIGN_OUT_THIS_DEVICE.param) === SIGN_OUT_THIS_DEVICE.value;
  const options = authOptions({ signOutEverywhere: !thisDeviceOnly });
  const response: Response = await NextAuth(options)(forwarded, context);
  return withSignedInHint(response, options.cookies!.sessionToken!.name, options.useSecureCookies === true, {
    signOutOnPurpose: signingOut && !thisDeviceOnly,
  });
}

export { handler as GET, handler as POST };
