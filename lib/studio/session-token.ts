import { signToken, verifyToken } from "@/lib/security/signed-token";

/**
 * The studio session cookie's value, a signed token (lib/security/signed-token.ts). The key is derived from
 * AUTH_SECRET with HKDF and a studio-only label, so a token minted for anything else (members' next-auth JWTs
 * included) can never verify here. Pure: no cookies, no clock of its own.
 */

export const STUDIO_SESSION_COOKIE = "studio_session";
/** Sessions last 8 hours: a working day, then sign in again. */
export const STUDIO_SESSION_SECONDS = 8 * 60 * 60;

export interface StudioSessionClaims {
  /** The studio user's e-mail, lower-cased. */
  sub: string;
  role: "editor";
  /** Issued/expires, seconds since epoch. */
  iat: number;
  exp: number;
  /** When the session began, in ms: what sign-out and a password change revoke (lib/auth/revocation.ts). */
  at?: number;
}

const PURPOSE = "studio-session-v1";

export function signSessionToken(claims: StudioSessionClaims, secret: string): string {
  return signToken(claims, secret, PURPOSE);
}

export function issueSessionToken(email: string, secret: string, now = new Date()): string {
  const iat = Math.floor(now.getTime() / 1000);
  return signSessionToken(
    { sub: email.toLowerCase(), role: "editor", iat, exp: iat + STUDIO_SESSION_SECONDS, at: now.getTime() },
    secret,
  );
}

/** The claims of a well-signed, unexpired token, or null. Never throws on junk input. */
export function verifySessionToken(
  token: string | undefined | null,
  secret: string,
  now = new Date(),
): StudioSessionClaims | null {
  const claims = verifyToken(token, secret, PURPOSE);
  if (!claims) return null;
  const c = claims as Partial<StudioSessionClaims>;
  if (typeof c.sub !== "string" || c.role !== "editor" || typeof c.exp !== "number" || typeof c.iat !== "number")
    return null;
  if (c.exp * 1000 <= now.getTime()) return null;
  return c as StudioSessionClaims;
}
