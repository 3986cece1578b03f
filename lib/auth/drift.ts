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
 * Pages where a sign-in, a sign-out or a payment is under way, so the two sessions legitimately disagree for a
 * moment, or a repair would cost the visitor more than the drift: the login form signs Spektrix in before the
 * site; Spektrix's own checkout iframe may sign the visitor in mid-purchase; and a repair on the payment or
 * confirmation page would re-render the card form or the order under the visitor's hands. Repairs wait until
 * the visitor leaves them.
 */
const PAUSED_ON = [routes.login, routes.logout, routes.guestCheckout, routes.checkout];

export function repairPausedOn(pathname: string): boolean {
  return PAUSED_ON.some((path) => pathname === path || pathname.startsWith(`${path}/`));
}

export type DriftOutcome =
  /** The site's session ended to match Spektrix's. */
  | "signed-out-here"
  /** The browser only carried a stale signed-in hint (no site session behind it): the hint was cleared. */
  | "hint-cleared"
  /** The site's session was linked to the Spektrix customer (the same proof the login form sends). */
  | "linked"
  /** The site refused to link (its proof was spent: this session was already used), so Spektrix's ended too. */
  | "signed-out-of-spektrix"
  /** The visitor signed out here, but Spektrix's session outlived it (its sign-out failed): it ends now. */
  | "sign-out-finished"
  /** The site could not check the proof just now (Spektrix unavailable, or too many sign-ins): try later. */
  | "deferred";

/** How the site answered a sign-in proof. Only "refused" is an answer about the proof itself. */
export type ProofAnswer = "linked" | "refused" | "unavailable";

export interface DriftRepairs {
  /** The browser's session basket, read afresh: it confirms the drift, and its id and hash are the sign-in proof. */
  readBasket(): Promise<{ id: string; hash: string | null; customerId: string | null } | null>;
  /** Whether Spektrix's web session has a customer (`GET customer`); null when Spektrix did not say. */
  spektrixSignedIn(): Promise<boolean | null>;
  /** Whether the site really has a session behind the signed-in hint (the hint cookie is script-writable). */
  siteSignedIn(): Promise<boolean>;
  /** Ends the site's session on this device only: a drift is this browser's, not the account's. */
  signOutSite(): Promise<void>;
  /** Signs the site in from a basket proof. */
  signInWithProof(proof: { basketId: string; basketHash: string }): Promise<ProofAnswer>;
  /** Whether the visitor signed out of the site on purpose recently (so Spektrix's session should have ended). */
  signedOutOnPurpose(): boolean;
  /** Signs the browser's Spektrix session out. */
  deauthenticateSpektrix(): Promise<void>;
}

/**
 * Brings the sessions back together. Spektrix is the authority on who the customer is, so a site session
 * whose Spektrix session has really ended (the basket and `GET customer` agree) ends too; a Spektrix customer
 * without a site session is linked the way the login form links one (the server checks the basket in owner
 * mode and spends the proof once), unless the visitor signed out here on purpose, and if the site refuses the
 * proof, Spektrix's session ends too, so both say "signed out". Never throws: a failure leaves things as they
 * were.
 */
export async function repairSessionDrift(drift: SessionDrift, repairs: DriftRepairs): Promise<DriftOutcome | null> {
  try {
    // Read afresh first: the drift was seen on a cached read, and another tab may have settled it meanwhile.
    const basket = await repairs.readBasket();
    if (!basket) return null;
    if (drift === "spektrix-signed-out") {
      if (basket.customerId !== null) return null;
      // A basket without a customer is strong evidence, not proof; Spektrix's own answer is.
      if ((await repairs.spektrixSignedIn()) !== false) return null;
      const hadSession = await repairs.siteSignedIn();
      await repairs.signOutSite();
      return hadSession ? "signed-out-here" : "hint-cleared";
    }
    if (basket.customerId === null) return null;
    if (repairs.signedOutOnPurpose()) {
      await repairs.deauthenticateSpektrix();
      return "sign-out-finished";
    }
    const answer = basket.hash
      ? await repairs.signInWithProof({ basketId: basket.id, basketHash: basket.hash })
      : "refused";
    if (answer === "linked") return "linked";
    if (answer === "unavailable") return "deferred";
    await repairs.deauthenticateSpektrix();
    return "signed-out-of-spektrix";
  } catch {
    return null;
  }
}
