/**
 * The member sign-in decision (docs/adr/0013), as a plain function so it can be tested without next-auth or Next.
 *
 * The browser signs in to Spektrix itself (web mode, on the venue's domain: the password never reaches this
 * server), reads its session basket and sends us the basket's id and hash. Here: shape check → the per-address
 * limit → the basket read in owner mode (the hash must match, and Spektrix must have attached a customer) →
 * the proof is spent (one use) → the account is read for name and memberships. The server trusts only what
 * Spektrix says in owner mode; nothing here logs a basket id, customer id or e-mail address.
 */
import { z } from "zod";
import { isOpaqueId } from "@/lib/spektrix/ids";
import type { SiteUser } from "./session";
import { SIGN_IN_ERRORS, type SignInErrorCode } from "./sign-in-errors";

export const basketProofSchema = z.object({
  basketId: z.string().trim().max(100).refine(isOpaqueId),
  basketHash: z.string().trim().min(1).max(200),
});

export { SIGN_IN_ERRORS };

export class SignInError extends Error {
  constructor(readonly code: SignInErrorCode) {
    super(code);
    this.name = "SignInError";
  }
}

export interface AuthorizeDeps {
  /** Spends one attempt for this address: false once its allowance is used. */
  allowAddress(ip: string): Promise<boolean>;
  /** Records a proof as used: true the first time, false for any replay. */
  spendProof(key: string): Promise<boolean>;
  /** Gives a spent proof back when the sign-in failed after spending it (the account could not be read). */
  releaseProof(key: string): Promise<void>;
  /** The basket as owner mode sees it, or null when Spektrix does not know the id. */
  readBasket(basketId: string): Promise<{ hash: string | null; customerId: string | null } | null>;
  loadAccount(customerId: string): Promise<{
    customer: {
      id: string;
      name: string | null;
      firstName: string | null;
      lastName: string | null;
      email: string | null;
    };
    memberships: { membershipId: string }[];
  }>;
  log?: (event: string, fields?: Record<string, unknown>) => void;
}

export async function authorizeBasketProof(
  input: { proof: unknown; ip: string },
  deps: AuthorizeDeps,
): Promise<SiteUser | null> {
  const parsed = basketProofSchema.safeParse(input.proof);
  if (!parsed.success) return null;
  const { basketId, basketHash } = parsed.data;

  if (!(await deps.allowAddress(input.ip))) {
    deps.log?.("sign-in rate limited", { by: "address" });
    throw new SignInError(SIGN_IN_ERRORS.rateLimited);
  }

  let basket: Awaited<ReturnType<AuthorizeDeps["readBasket"]>>;
  try {
    basket = await deps.readBasket(basketId);
  } catch (error) {
    deps.log?.("sign-in basket read failed upstream", { error: error instanceof Error ? error.name : "unknown" });
    throw new SignInError(SIGN_IN_ERRORS.unavailable);
  }
  // An unknown basket, a stale hash and a basket with no customer are one answer: no oracle for guessers.
  if (!basket || basket.hash !== basketHash || !basket.customerId) {
    deps.log?.("sign-in proof refused", { reason: !basket ? "unknown" : basket.customerId ? "stale" : "anonymous" });
    return null;
  }
  // The hash changes whenever Spektrix sets a customer on the basket, so each real sign-in is a new proof
  // (assumed; `npm run spektrix:check` confirms it on a venue's system).
  const proofKey = `${basketId}:${basketHash}`;
  if (!(await deps.spendProof(proofKey))) {
    deps.log?.("sign-in proof replayed");
    return null;
  }

  try {
    const { customer, memberships } = await deps.loadAccount(basket.customerId);
    const name = customer.name ?? ([customer.firstName, customer.lastName].filter(Boolean).join(" ") || null);
    return {
      customerId: customer.id,
      name,
      email: customer.email,
      membershipIds: [...new Set(memberships.map((m) => m.membershipId))],
    };
  } catch (error) {
    deps.log?.("sign-in account read failed", { error: error instanceof Error ? error.name : "unknown" });
    // Spektrix, not the visitor, failed: the same proof may try again.
    await deps.releaseProof(proofKey).catch(() => undefined);
    throw new SignInError(SIGN_IN_ERRORS.unavailable);
  }
}
