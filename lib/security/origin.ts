/**
 * Same-origin check for state-changing requests that carry the session cookie. SameSite=Lax already keeps
 * the cookie off cross-site POSTs in current browsers; this is the second lock, and the one that holds for
 * older browsers and same-site-but-cross-origin attackers (another subdomain).
 */
export function isSameOrigin({
  origin,
  fetchSite,
  siteUrl,
}: {
  origin: string | null;
  fetchSite: string | null;
  siteUrl: string;
}): boolean {
  const expected = new URL(siteUrl).origin;
  if (origin !== null && origin !== "") {
    // "null" is what sandboxed frames and some redirects send: never ours.
    if (origin === "null") return false;
    try {
      return new URL(origin).origin === expected;
    } catch {
      return false;
    }
  }
  // Every browser sends Origin on fetch POSTs; without it, trust only the browser's own same-origin mark.
  return fetchSite === "same-origin";
}
