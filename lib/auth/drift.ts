/**
 * The site's session and the browser's Spektrix session must agree (ADR 0013): one sign-in, one sign-out. They
 * drift apart when one side ends without the other: Spektrix's web session times out (it is shorter than the
 * site's) or is signed out from one of Spektrix's own iframes, or the site's session expires while Spektrix's
 * continues (or Spektrix's checkout iframe signed the visitor in). The header notices from the basket it already
 * reads, and `repairSessionDrift` brings the two back together. Client-safe: no config, no server imports.
 */
import { routes } from "@/lib/routes";

export type SessionDrift =
  /** The site says signed in; the Spektrix session has no customer. */
  | "spektrix-signed-out"
  /** The site says signed out; the Spektrix session's basket has a customer. */
  | "site-signed-out";

/**
 * Which way the sessions disagree, or null when they agree or either side is unknown (hydrating, or the
 * basket could not be read: a failed read is never taken as "signed out").
 */
export function sessionDrift(
  siteSignedIn: boolean | null,
  basket: { customerId: string | null } | null | undefined,
): SessionDrift | null {
  if (siteSignedIn === null || !basket) return null;
  if (siteSignedIn && basket.customerId === null) return "spektrix-signed-out";
  if (!siteSignedIn && basket.customerId !== null) return "site-signed-out";
  return null;
}

/**
 * Pages where a sign-in or sign-out is under way, so the two sessions legitimately disagree for a moment:
 * the login form signs Spektrix in before the site, and Spektrix's own checkout iframe may sign the visitor
 * in mid-purchase. Repairs wait until the visitor leaves them.
 */
const PAUSED_ON = [routes.login, routes.logout, routes.guestCheckout];

export function repairPausedOn(pathname: string): boolean {
  return PAUSED_ON.some((path) => pathname === path || pathname.startsWith(`${path}/`));
}

export type DriftOutcome =
  /** The site's session ended to match Spektrix's. */
  | "signed-out-here"
  /** The site's session was linked to the Spektrix customer (the same proof the login form sends). */
  | "linked"
  /** The site refused to link (its proof was spent: this session was already used), so Spektrix's ended too. */
  | "signed-out-of-spektrix";

export interface DriftRepairs {
  /** Ends the site's session (next-auth signOut without a redirect). */
  signOutSite(): Promise<void>;
  /** The browser's session basket, read afresh: it confirms the drift, and its id and hash are the sign-in proof. */
  readBasket(): Promise<{ id: string; hash: string | null; customerId: string | null } | null>;
  /** Signs the site in from a basket proof; true when the site accepted it. */
  signInWithProof(proof: { basketId: string; basketHash: string }): Promise<boolean>;
  /** Signs the browser's Spektrix session out. */
  deauthenticateSpektrix(): Promise<void>;
}

/**
 * Brings the sessions back together. Spektrix is the authority on who the customer is, so a site session
 * without a Spektrix customer ends; a Spektrix customer without a site session is linked the way the login form
 * links one (the server checks the basket in owner mode and spends the proof once), and if the site refuses,
 * Spektrix's session ends too, so both say "signed out". Never throws: a failure leaves things as they were.
 */
export async function repairSessionDrift(drift: SessionDrift, repairs: DriftRepairs): Promise<DriftOutcome | null> {
  try {
    // Read afresh first: the drift was seen on a cached read, and another tab may have settled it meanwhile.
    const basket = await repairs.readBasket();
    if (!basket) return null;
    if (drift === "spektrix-signed-out") {
      if (basket.customerId !== null) return null;
      await repairs.signOutSite();
      return "signed-out-here";
    }
    if (basket.customerId === null) return null;
    if (basket.hash && (await repairs.signInWithProof({ basketId: basket.id, basketHash: basket.hash })))
      return "linked";
    await repairs.deauthenticateSpektrix();
    return "signed-out-of-spektrix";
  } catch {
    return null;
  }
}
