import { routes } from "@/lib/routes";

/**
 * Where to go after signing in: only a path on this site, never another origin (`//evil.example`,
 * `https://…`, `/\evil`), so a crafted link cannot bounce a member elsewhere.
 */
export function safeCallbackPath(
  value: string | string[] | null | undefined,
  fallback: string = routes.account,
): string {
  const raw = Array.isArray(value) ? value[0] : value;
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 512) return fallback;
  if (!raw.startsWith("/") || raw.startsWith("//") || raw.includes("\\") || /[\u0000-\u001f]/.test(raw))
    return fallback;
  try {
    const parsed = new URL(raw, "http://site.invalid");
    if (parsed.origin !== "http://site.invalid") return fallback;
    return `${parsed.pathname}${parsed.search}${parsed.hash}`;
  } catch {
    return fallback;
  }
}

/** The next-auth provider a member signs in through (its callback is `/api/auth/callback/credentials`). */
export const MEMBER_SIGN_IN_PROVIDER = "credentials";

/**
 * The query that makes a next-auth sign-out end this device's session only. A member's sign-out ends the
 * account's sessions everywhere (lib/auth/revocation.ts); the header's drift repair ends just this browser's,
 * because only this browser's Spektrix session ended.
 */
export const SIGN_OUT_THIS_DEVICE = { param: "scope", value: "device" } as const;
