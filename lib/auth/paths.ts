/**
 * Routes owned by sign-in and checkout. `login` lives in `lib/site.ts` with the other public routes; these
 * belong there too once the header links to them.
 */
export const authRoutes = {
  login: "/login",
  logout: "/logout",
  members: "/members",
  account: "/account",
  checkout: "/checkout",
  /** Spektrix's own checkout iframe on a page of its own (the flows work owns that page). */
  guestCheckout: "/basket/guest-checkout",
  confirmation: (orderId: string) => `/checkout/confirmation/${encodeURIComponent(orderId)}`,
  calendarFile: (orderId: string, performanceId: string) =>
    `/checkout/confirmation/${encodeURIComponent(orderId)}/calendar/${encodeURIComponent(performanceId)}`,
} as const;

/**
 * Where to go after signing in: only a path on this site, never another origin (`//evil.example`,
 * `https://…`, `/\evil`), so a crafted link cannot bounce a member elsewhere.
 */
export function safeCallbackPath(value: string | string[] | null | undefined, fallback = "/account"): string {
  const raw = Array.isArray(value) ? value[0] : value;
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 512) return fallback;
  if (!raw.startsWith("/") || raw.startsWith("//") || raw.includes("\\") || /[\u0000-\u001f]/.test(raw)) return fallback;
  try {
    const parsed = new URL(raw, "http://site.invalid");
    if (parsed.origin !== "http://site.invalid") return fallback;
    return `${parsed.pathname}${parsed.search}${parsed.hash}`;
  } catch {
    return fallback;
  }
}
