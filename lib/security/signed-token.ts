import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";

/**
 * The site's one signed-token format: `base64url(json).base64url(hmac-sha256)`, keyed by HKDF from a secret and a
 * purpose label. Each purpose gets its own key, so a token minted for one use (a studio session, a form's start
 * time) can never verify as another, even under the same secret. Pure: no cookies, no clock.
 */

const MAX_TOKEN_LENGTH = 2048;

function mac(payload: string, secret: string, purpose: string): Buffer {
  const key = Buffer.from(hkdfSync("sha256", secret, "spektrix-storefront", purpose, 32));
  return createHmac("sha256", key).update(payload).digest();
}

export function signToken(claims: object, secret: string, purpose: string): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString("base64url");
  return `${payload}.${mac(payload, secret, purpose).toString("base64url")}`;
}

/** The parsed claims of a well-signed token for this purpose (not yet checked for shape or age), or null. */
export function verifyToken(token: string | undefined | null, secret: string, purpose: string): unknown {
  if (!token || token.length > MAX_TOKEN_LENGTH) return null;
  const dot = token.indexOf(".");
  if (dot <= 0 || dot !== token.lastIndexOf(".")) return null;
  const payload = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1), "base64url");
  const expected = mac(payload, secret, purpose);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    return claims && typeof claims === "object" ? claims : null;
  } catch {
    return null;
  }
}
