import NextAuth from "next-auth";
import { withSignedInHint } from "@/lib/auth/cookies";
import { authOptions } from "@/lib/auth/options";

// next-auth's own endpoints: csrf, session, the Credentials callback and sign-out.
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ nextauth: string[] }> };

async function handler(request: Request, context: Context) {
  const options = authOptions();
  const response: Response = await NextAuth(options)(request, context);
  return withSignedInHint(response, options.cookies!.sessionToken!.name, options.useSecureCookies === true);
}

export { handler as GET, handler as POST };
