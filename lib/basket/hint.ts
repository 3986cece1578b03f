/**
 * A script-readable hint that this browser has (or recently had) a Spektrix basket. The basket lives in the
 * browser's Spektrix session, on Spektrix's domain, so the site cannot see it without asking; most visitors
 * never start one, and asking costs every page a web-mode call plus the client and schemas that read the answer
 * (ADR 0016). The header asks only when this hint is set or the visitor is signed in (a member's basket can
 * come from another device). It holds no basket id and nothing an attacker could use: a forged or stale hint
 * only makes the header ask Spektrix, which then answers with the real basket.
 *
 * Set when anything announces a basket change (a web component's success, an iframe's basket message) or a read
 * finds items, or when Spektrix's own header component counts items; cleared when a read finds none.
 */
import { hasSignedInHint } from "@/lib/auth/cookies";
import { flagCookieAssignment, hasFlagCookie } from "@/lib/http/flag-cookie";

export const BASKET_HINT_COOKIE = "has-basket";

/** Long enough to outlast a Spektrix basket's idle expiry; a stale hint costs one read, which then clears it. */
const MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

export function hasBasketHint(cookieHeader: string): boolean {
  return hasFlagCookie(cookieHeader, BASKET_HINT_COOKIE);
}

/**
 * A second hint: this browser's Spektrix session had a customer while the site was signed out, which is a sign-in
 * made inside one of Spektrix's own frames (its checkout lets a new customer create an account and pay). A paid
 * order leaves the basket empty, so the basket hint is cleared, yet the header must still read the basket once
 * more to notice the customer and link the site's session to it (lib/auth/drift.ts). Set from an iframe's basket
 * message or a read that finds such a customer; cleared by a read that does not (linked, or signed out).
 */
export const UNLINKED_CUSTOMER_COOKIE = "spektrix-customer";
const UNLINKED_MAX_AGE_SECONDS = 24 * 60 * 60;

export function hasUnlinkedCustomerHint(cookieHeader: string): boolean {
  return hasFlagCookie(cookieHeader, UNLINKED_CUSTOMER_COOKIE);
}

/**
 * Whether this browser may have a basket worth reading: the hint says it had one, or a member is signed in (a
 * member's basket can come from another device). The header reads nothing without it, and the basket page
 * draws "empty" from the server without it, so a visitor who never started a basket waits for no read.
 */
export function basketWorthAsking(cookieHeader: string): boolean {
  return hasBasketHint(cookieHeader) || hasSignedInHint(cookieHeader) || hasUnlinkedCustomerHint(cookieHeader);
}

/** The `document.cookie` assignment that sets (or clears) the basket hint. */
export function basketHintCookie(has: boolean, secure: boolean): string {
  return flagCookieAssignment(BASKET_HINT_COOKIE, MAX_AGE_SECONDS, has, secure);
}

/** The `document.cookie` assignment that sets (or clears) the unlinked-customer hint. */
export function unlinkedCustomerCookie(has: boolean, secure: boolean): string {
  return flagCookieAssignment(UNLINKED_CUSTOMER_COOKIE, UNLINKED_MAX_AGE_SECONDS, has, secure);
}
