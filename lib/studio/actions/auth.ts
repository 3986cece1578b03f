"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { shouldUseSecureCookies } from "@/lib/auth/cookies";
import { env } from "@/lib/config";
import { clientIp } from "@/lib/security/client-ip";
import { formObject, type ActionResult } from "../forms";
import { safeReturnPath } from "../guard";
import { sharedSignInThrottle } from "@/lib/rate-limit/sign-in";
import { revokeSessions } from "@/lib/auth/revocation";
import { STUDIO_SESSION_COOKIE, STUDIO_SESSION_SECONDS, issueSessionToken, verifySessionToken } from "../session-token";
import { checkCredentials } from "../users";
import { routes } from "@/lib/routes";

const signInSchema = z.object({
  email: z
    .string({ error: "must be text" })
    .trim()
    .toLowerCase()
    .min(1, { message: "is required" })
    .max(254, { message: "is too long" })
    .email({ message: "must be an e-mail address" }),
  password: z.string({ error: "must be text" }).min(1, { message: "is required" }).max(200, { message: "is too long" }),
});

/**
 * The e-mail address, for the form to show again after a refusal (a wrong password): only one that is a valid
 * address, so nothing else typed is ever sent back. Never the password.
 */
const keep = (fields: Record<string, string>) =>
  signInSchema.shape.email.safeParse(fields.email).success ? { email: fields.email!.trim() } : undefined;

/** Studio sign-in. Throttled by lib/rate-limit/sign-in.ts; the same message for every wrong combination. */
export async function signInAction(_prev: ActionResult | undefined, form: FormData): Promise<ActionResult> {
  const fields = formObject(form) ?? {};
  const parsed = signInSchema.safeParse({ email: fields.email ?? "", password: fields.password ?? "" });
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const i of parsed.error.issues) (fieldErrors[String(i.path[0])] ??= []).push(i.message);
    return { ok: false, message: "Enter your e-mail address and password.", fieldErrors, values: keep(fields) };
  }
  const { email, password } = parsed.data;
  const ip = clientIp(await headers());
  const signIns = sharedSignInThrottle("studio-signin");
  const throttle = await signIns.check(email, ip);
  if (!throttle.allowed) {
    return {
      ok: false,
      message: `Too many attempts. Try again in ${Math.ceil(throttle.retryAfterSeconds / 60)} minute(s).`,
      values: keep(fields),
    };
  }
  const user = await checkCredentials(email, password);
  if (!user) {
    await signIns.failed(email, ip);
    return {
      ok: false,
      message: "That e-mail address and password do not match a studio editor.",
      values: keep(fields),
    };
  }
  await signIns.succeeded(email, ip);
  const store = await cookies();
  store.set(STUDIO_SESSION_COOKIE, issueSessionToken(user.email, env().AUTH_SECRET), {
    httpOnly: true,
    sameSite: "strict",
    secure: shouldUseSecureCookies(env().SITE_URL, env().NODE_ENV),
    path: "/",
    maxAge: STUDIO_SESSION_SECONDS,
  });
  redirect(safeReturnPath(fields.next));
}

export async function signOutAction(): Promise<void> {
  const store = await cookies();
  // Ends the session on the server too: a copy of the cookie is refused from now on, on every instance.
  const claims = verifySessionToken(store.get(STUDIO_SESSION_COOKIE)?.value, env().AUTH_SECRET);
  if (claims) await revokeSessions("studio", claims.sub);
  store.delete(STUDIO_SESSION_COOKIE);
  redirect(routes.studio.signIn);
}
