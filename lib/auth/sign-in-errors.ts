/**
 * The codes a member sign-in fails with. next-auth passes a thrown error's message back as `?error=` (and as
 * `signIn()`'s `error`); the login form turns them into sentences and the header's drift repair tells a refused
 * proof from an outage by them. Client-safe.
 */
export const SIGN_IN_ERRORS = {
  /** next-auth's own code when `authorize` returns null: the proof is no good. */
  invalid: "CredentialsSignin",
  rateLimited: "RateLimited",
  unavailable: "Unavailable",
} as const;

export type SignInErrorCode = (typeof SIGN_IN_ERRORS)[keyof typeof SIGN_IN_ERRORS];

const KNOWN = new Set<string>(Object.values(SIGN_IN_ERRORS));

export function isSignInErrorCode(value: unknown): value is SignInErrorCode {
  return typeof value === "string" && KNOWN.has(value);
}
