import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";

/**
 * The studio session cookie's value: `base64url(json).base64url(hmac-sha256)`. The key is derived from
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

function keyFor(secret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "spektrix-storefront", "studio-session-v1", 32));
}

function mac(payload: string, secret: string): Buffer {
  return createHmac("sha256", keyFor(secret)).update(payload).digest();
}

export function signSessionToken(claims: StudioSessionClaims, secret: string): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString("base64url");
  return `${payload}.${mac(payload, secret).toString("base64url")}`;
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
  if (!token || token.length > 2048) return null;
  const dot = token.indexOf(".");
  if (dot <= 0 || dot !== token.lastIndexOf(".")) return null;
  const payload = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1), "base64url");
  const expected = mac(payload, secret);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  if (!claims || typeof claims !== "object") return null;
  const c = claims as Partial<StudioSessionClaims>;
  if (typeof c.sub !== "string" || c.role !== "editor" || typeof c.exp !== "number" || typeof c.iat !== "number")
    return null;
  if (c.exp * 1000 <= now.getTime()) return null;
  return c as StudioSessionClaims;
}
