/**
 * The site session cookie's attributes in one place. httpOnly always (no script reads it), SameSite=Lax
 * (sent on top-level navigations to the site, not on cross-site POSTs), Secure whenever the site is served
 * over https and in every production deployment except one on a loopback address (the local production
 * build the end-to-end tests run over plain http).
 */
import type { CookiesOptions } from "next-auth";
import { hasFlagCookie } from "@/lib/http/flag-cookie";

export function shouldUseSecureCookies(siteUrl: string, nodeEnv: string): boolean {
  const url = new URL(siteUrl);
  if (url.protocol === "https:") return true;
  const loopback = ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
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
 * Mirrors the session cookie that next-auth set on `response` into the hint cookie: set (with the same
 * lifetime) when a session is issued, cleared when the session is cleared. Responses that do not touch the
 * session are returned as they are.
 */
export function withSignedInHint(response: Response, sessionCookieName: string, secure: boolean): Response {
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
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
