import { signToken, verifyToken } from "@/lib/security/signed-token";

/**
 * The sign-up form's start time, signed. The browser fetches a token when the form appears and sends it back with
 * the sign-up; the server then knows when the form was first shown without keeping any state, so a script that
 * posts at once (or never asked for a token) is told apart from a person filling the form in.
 *
 * Fetched, not rendered into the page: published pages are cached, so a time printed into their HTML would be
 * the render's, not the visitor's.
 */

const PURPOSE = "newsletter-form-v1";

/** Faster than this from showing the form to sending it is a script: nobody reads, types and ticks in 3 s. */
export const MIN_FILL_MS = 3_000;
/** A token older than this is refused, so one fetched token cannot be replayed for days. */
export const MAX_FORM_AGE_MS = 6 * 60 * 60 * 1000;

export function issueFormToken(secret: string, now = new Date()): string {
  return signToken({ t: now.getTime() }, secret, PURPOSE);
}

export type FormTokenCheck = "ok" | "too-fast" | "expired" | "invalid";

export function checkFormToken(token: string | null | undefined, secret: string, now = new Date()): FormTokenCheck {
  const claims = verifyToken(token, secret, PURPOSE) as { t?: unknown } | null;
  if (!claims || typeof claims.t !== "number" || !Number.isFinite(claims.t)) return "invalid";
  const age = now.getTime() - claims.t;
  // A start time in the future cannot come from this server's clock: treat it as forged.
  if (age < 0) return "invalid";
  if (age < MIN_FILL_MS) return "too-fast";
  if (age > MAX_FORM_AGE_MS) return "expired";
  return "ok";
}
