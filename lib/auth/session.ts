/**
 * What the site's own session knows about a signed-in customer, and the role checks built on it.
 * Safe to import anywhere: no secrets, no server APIs.
 */

export interface SiteUser {
  /** The Spektrix customer id, e.g. `I-KS22-363P`. The only thing the checkout trusts. */
  customerId: string;
  name: string | null;
  email: string | null;
  /** Ids of the membership types this customer holds today (Spektrix `subscriptions[].membership.id`). */
  membershipIds: string[];
}

export type SiteSession = SiteUser | null;

/** Anyone who signed in with their Spektrix account. Customer Checkout needs nothing more. */
export function isSignedIn(session: SiteSession): session is SiteUser {
  return session !== null && typeof session.customerId === "string" && session.customerId.length > 0;
}

/** A signed-in customer holding at least one membership (or, given ids, one of those). */
export function isMember(session: SiteSession, membershipIds?: readonly string[]): session is SiteUser {
  if (!isSignedIn(session) || session.membershipIds.length === 0) return false;
  if (!membershipIds || membershipIds.length === 0) return true;
  return session.membershipIds.some((id) => membershipIds.includes(id));
}

/** "Morgan" for greetings: the first word of the name, else nothing rather than an e-mail address. */
export function greetingName(session: SiteSession): string | null {
  const first = session?.name?.trim().split(/\s+/)[0];
  return first && first.length > 0 ? first : null;
}
