/**
 * The sign-in decision, as a plain function so it can be tested without next-auth or Next.
 * Order: shape check → the sign-in throttle (lib/rate-limit/sign-in.ts: per address, per account+address, the
 * account ceiling) → Spektrix verifies the password (a failure counts against the account, a success clears
 * the pair) → the account is read for name and memberships. Nothing here logs the e-mail address or the password.
 */
import { z } from "zod";
import type { SignInThrottle } from "@/lib/rate-limit/sign-in";
import type { SiteUser } from "./session";

export const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(200),
});

/** Codes next-auth passes back to the login form as `?error=`; the form turns them into sentences. */
export const SIGN_IN_ERRORS = {
  invalid: "CredentialsSignin",
  rateLimited: "RateLimited",
  unavailable: "Unavailable",
} as const;

export class SignInError extends Error {
  constructor(readonly code: (typeof SIGN_IN_ERRORS)[keyof typeof SIGN_IN_ERRORS]) {
    super(code);
    this.name = "SignInError";
  }
}

export interface AuthorizeDeps {
  throttle: SignInThrottle;
  /** Spektrix's answer to "is this the password?": the customer id, or null. */
  verifyPassword(email: string, password: string): Promise<string | null>;
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

export async function authorizeCredentials(
  input: { credentials: unknown; ip: string },
  deps: AuthorizeDeps,
): Promise<SiteUser | null> {
  const parsed = credentialsSchema.safeParse(input.credentials);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;

  const throttle = await deps.throttle.check(email, input.ip);
  if (!throttle.allowed) {
    deps.log?.("sign-in rate limited", { by: throttle.by });
    throw new SignInError(SIGN_IN_ERRORS.rateLimited);
  }

  let customerId: string | null;
  try {
    customerId = await deps.verifyPassword(email, password);
  } catch (error) {
    deps.log?.("sign-in check failed upstream", { error: error instanceof Error ? error.name : "unknown" });
    throw new SignInError(SIGN_IN_ERRORS.unavailable);
  }
  if (!customerId) {
    await deps.throttle.failed(email, input.ip);
    return null;
  }

  try {
    const { customer, memberships } = await deps.loadAccount(customerId);
    await deps.throttle.succeeded(email, input.ip);
    const name = customer.name ?? ([customer.firstName, customer.lastName].filter(Boolean).join(" ") || null);
    return {
      customerId: customer.id,
      name,
      email: customer.email ?? email,
      membershipIds: [...new Set(memberships.map((m) => m.membershipId))],
    };
  } catch (error) {
    deps.log?.("sign-in account read failed", { error: error instanceof Error ? error.name : "unknown" });
    throw new SignInError(SIGN_IN_ERRORS.unavailable);
  }
}
