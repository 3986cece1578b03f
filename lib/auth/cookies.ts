/**
 * The site session cookie's attributes in one place. httpOnly always (no script reads it), SameSite=Lax
 * (sent on top-level navigations to the site, not on cross-site POSTs), Secure whenever the site is served
 * over https and in every production deployment except one on a loopback address (the local production
 * build the end-to-end tests run over plain http).
 */
import type { CookiesOptions } from "next-auth";
import { hasFlagCookie } from "@/lib/http/flag-cookie";
import { LOOPBACK_HOSTS } from "@/lib/http/loopback.mjs";

export function shouldUseSecureCookies(siteUrl: string, nodeEnv: string): boolean {
  const url = new URL(siteUrl);
  if (url.protocol === "https:") return true;
  const loopback = LOOPBACK_HOSTS.has(url.hostname);
  return nodeEnv === "production" && !loopback;
}

export function sessionCookies(secure: boolean): Partial<CookiesOptions> {
  const options = { httpOnly: true, sameSite: "lax" as const, path: "/", secure };
  // `__Secure-`/`__Host-` prefixes make the browser refuse these cookies from plain http or another path.
  const secureName = (name: string) => (secure ? `__Secure-${name}` : name);
  return {
    sessionToken: { name: secureName("next-auth.session-token"), options },
    callbackUrl: { name: secureName("next-auth.callback-url"), options },
    csrfToken: { name: secure ? "__Host-next-auth.csrf-token" : "next-auth.csrf-token", options },
  };
}

/**
 * A script-readable hint that this browser has a site session, so the header can skip asking Spektrix
 * `GET customer` for visitors who are certainly signed out (most of them): that call answers 401 and logs a
 * console error on every page otherwise. It says nothing an attacker could use: the session itself stays in
 * the httpOnly cookie, and a forged hint only makes the header ask Spektrix, which then says "not logged in".
 */
export const SIGNED_IN_HINT_COOKIE = "signed-in";

/** Whether a cookie string (`document.cookie`) carries the signed-in hint. */
export function hasSignedInHint(cookieHeader: string): boolean {
  return hasFlagCookie(cookieHeader, SIGNED_IN_HINT_COOKIE);
}

/**
 * Set when a member signs out on purpose (the sign-out button), cleared by the next sign-in; lasts as long as
 * a session could. It tells the header's drift repair (lib/auth/drift.ts) that a Spektrix session still
 * holding a customer is one whose sign-out failed, to be ended, not a sign-in to link. Script-readable for that
 * reason; forging it only signs the forger's own browser out of Spektrix.
 */
export const SIGNED_OUT_ON_PURPOSE_COOKIE = "signed-out";
const SIGNED_OUT_ON_PURPOSE_SECONDS = 8 * 60 * 60;

/** Whether a cookie string (`document.cookie`) carries the signed-out-on-purpose marker. */
export function hasSignedOutOnPurpose(cookieHeader: string): boolean {
  return hasFlagCookie(cookieHeader, SIGNED_OUT_ON_PURPOSE_COOKIE);
}

/** The `document.cookie` assignment that forgets the marker (the visitor may sign in inside Spektrix's checkout). */
export const FORGET_SIGNED_OUT_ON_PURPOSE = `${SIGNED_OUT_ON_PURPOSE_COOKIE}=; Path=/; Max-Age=0; SameSite=Lax`;

/**
 * Mirrors the session cookie that next-auth set on `response` into the hint cookie: set (with the same
 * lifetime) when a session is issued, cleared when the session is cleared. A session issued also forgets the
 * signed-out-on-purpose marker; a session cleared by a sign-out on purpose sets it. Responses that do not touch
 * the session are returned as they are.
 */
export function withSignedInHint(
  response: Response,
  sessionCookieName: string,
  secure: boolean,
  options: { signOutOnPurpose?: boolean } = {},
): Response {
  // A large token is split into `name.0`, `name.1`…; the first part tells as much as the whole.
  const session = response.headers
    .getSetCookie()
    .find((cookie) => cookie.startsWith(`${sessionCookieName}=`) || cookie.startsWith(`${sessionCookieName}.0=`));
  if (!session) return response;
  const [pair = "", ...attributes] = session.split(";").map((part) => part.trim());
  const value = pair.slice(pair.indexOf("=") + 1);
  const lifetime = attributes.filter((a) => /^(max-age|expires)=/i.test(a));
  const cleared =
    value === "" ||
    lifetime.some((a) => /^max-age=(0|-)/i.test(a) || (/^expires=/i.test(a) && Date.parse(a.slice(8)) <= Date.now()));
  const hint = [
    `${SIGNED_IN_HINT_COOKIE}=${cleared ? "" : "1"}`,
    "Path=/",
    "SameSite=Lax",
    ...(cleared ? ["Max-Age=0"] : lifetime),
    ...(secure ? ["Secure"] : []),
  ].join("; ");
  const headers = new Headers(response.headers);
  headers.append("Set-Cookie", hint);
  if (!cleared || options.signOutOnPurpose) {
    const marker = cleared
      ? [`${SIGNED_OUT_ON_PURPOSE_COOKIE}=1`, `Max-Age=${SIGNED_OUT_ON_PURPOSE_SECONDS}`]
      : [`${SIGNED_OUT_ON_PURPOSE_COOKIE}=`, "Max-Age=0"];
    headers.append("Set-Cookie", [...marker, "Path=/", "SameSite=Lax", ...(secure ? ["Secure"] : [])].join("; "));
  }
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
