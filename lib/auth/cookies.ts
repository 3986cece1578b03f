/**
 * The site session cookie's attributes in one place. httpOnly always (no script reads it), SameSite=Lax
 * (sent on top-level navigations to the site, not on cross-site POSTs), Secure whenever the site is served
 * over https and in every production deployment except one on a loopback address (the local production
 * build the end-to-end tests run over plain http).
 */
import type { CookiesOptions } from "next-auth";

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
