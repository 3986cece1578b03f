"use client";

import { useRef, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { BusyButton } from "@/components/site/busy-button-client";
import { MEMBER_SIGN_IN_PROVIDER } from "@/lib/auth/paths";
import { SIGN_IN_ERRORS, type SignInErrorCode } from "@/lib/auth/sign-in-errors";
import { SpektrixHttpError } from "@/lib/spektrix/errors";
import { loadSpektrixClient } from "@/lib/spektrix/load";
import type { SpektrixClient } from "@/lib/spektrix";
import { focusAfterRender } from "@/components/site/focus";

export interface LoginFormProps {
  /** A path on this site, already checked on the server. */
  callbackUrl: string;
  spektrix: { baseUrl: string; clientName: string };
  /** Error code from a previous attempt (`?error=` set by next-auth). */
  initialError?: string | null;
  forgotPasswordHref: string;
  signUpHref: string;
}

type FieldErrors = { email?: string; password?: string };

const MESSAGES: Record<SignInErrorCode | "ProofRefused" | "SessionNotKept", string> = {
  [SIGN_IN_ERRORS.invalid]:
    "That e-mail address and password don’t match our records. Check them and try again, or reset your password.",
  [SIGN_IN_ERRORS.rateLimited]:
    "Too many sign-in attempts. For your security, please wait 15 minutes before trying again, or reset your password.",
  [SIGN_IN_ERRORS.unavailable]: "We can’t reach the box office right now. Please try again in a few minutes.",
  ProofRefused: "We couldn’t sign you in just now. Please try again, or call the box office if it keeps happening.",
  SessionNotKept:
    "Your password was right, but your browser blocked the box office’s sign-in on this site, so we couldn’t finish signing you in. Please try another browser, or call the box office and we’ll help.",
};

function messageFor(code: string): string {
  return (MESSAGES as Record<string, string>)[code] ?? "Something went wrong while signing you in. Please try again.";
}

/** True when Spektrix says this browser's session is signed out moments after it accepted the password. */
async function sessionWasDropped(web: SpektrixClient): Promise<boolean> {
  const dropped = (await web.isSignedIn()) === false;
  if (dropped)
    console.warn(
      "Spektrix accepted the password but its session cookie did not come back: the browser treats Spektrix as a " +
        "third-party site. Serve Spektrix on the site's own domain (for the demo, open the site at the same host " +
        "name as the emulator, e.g. localhost).",
    );
  return dropped;
}

/**
 * Signs this browser's Spektrix session in (Spektrix checks the password), then the site's session from the
 * proof that leaves on the session basket. If the second step fails, the first is undone: the visitor is
 * either signed in to both or to neither.
 */
export function LoginForm({ callbackUrl, spektrix, initialError, forgotPasswordHref, signUpHref }: LoginFormProps) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(initialError ? messageFor(initialError) : null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [pending, setPending] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  function fail(message: string) {
    setError(message);
    setPending(false);
    focusAfterRender(() => alertRef.current);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    const problems: FieldErrors = {};
    if (!email) problems.email = "Enter your e-mail address.";
    else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
      problems.email = "Enter an e-mail address like name@example.com.";
    if (!password) problems.password = "Enter your password.";
    setFieldErrors(problems);
    if (problems.email || problems.password) {
      setError(null);
      (problems.email ? emailRef : passwordRef).current?.focus();
      return;
    }

    setPending(true);
    setError(null);
    // 1. This browser's own Spektrix session signs in, on the venue's domain: Spektrix checks the password
    //    (the site's server never sees it) and attaches the customer to the session's basket.
    let web: SpektrixClient | undefined;
    let proof: { basketId: string; basketHash: string };
    let authenticated = false;
    try {
      web = await loadSpektrixClient({ ...spektrix, retries: 0 });
      await web.authenticate(email, password);
      authenticated = true;
      const basket = await web.getBasket();
      if (!basket?.hash) throw new Error("no session basket to prove the sign-in");
      proof = { basketId: basket.id, basketHash: basket.hash };
    } catch (e) {
      // Only the log-in call's refusal means a wrong password; after it, signed in to neither side.
      const wrong = !authenticated && e instanceof SpektrixHttpError && [400, 401, 404].includes(e.status);
      // No basket right after a good password can be the same dropped cookie as a refused proof (below).
      const notKept = authenticated && web !== undefined && (await sessionWasDropped(web));
      if (authenticated) await web?.deauthenticate().catch(() => undefined);
      fail(messageFor(notKept ? "SessionNotKept" : wrong ? SIGN_IN_ERRORS.invalid : SIGN_IN_ERRORS.unavailable));
      return;
    }
    // 2. The site's session: the server reads that basket in owner mode to learn who signed in (ADR 0013).
    const result = await signIn(MEMBER_SIGN_IN_PROVIDER, { ...proof, redirect: false }).catch(() => null);
    if (!result || result.error || !result.ok) {
      const refused = result?.error === SIGN_IN_ERRORS.invalid;
      // A refused proof right after a good password usually means the log-in's session cookie never came back:
      // the browser blocks it as third-party when Spektrix is not on the site's own domain. Retrying cannot help.
      const notKept = refused && (await sessionWasDropped(web));
      // Signed in to both or to neither: undo the Spektrix side.
      await web.deauthenticate().catch(() => undefined);
      fail(
        messageFor(
          notKept ? "SessionNotKept" : refused ? "ProofRefused" : (result?.error ?? SIGN_IN_ERRORS.unavailable),
        ),
      );
      return;
    }

    router.replace(callbackUrl);
    router.refresh();
  }

  const describe = (field: keyof FieldErrors) => (fieldErrors[field] ? `${field}-error` : undefined);

  return (
    <form
      method="post"
      noValidate
      onSubmit={onSubmit}
      className="space-y-5"
      aria-describedby={error ? "login-error" : undefined}
    >
      <div
        id="login-error"
        ref={alertRef}
        tabIndex={-1}
        role="alert"
        className={
          error
            ? "rounded-card border border-danger/40 bg-danger/5 px-4 py-3 text-sm text-danger focus:outline-none"
            : "sr-only"
        }
      >
        {error}
      </div>

      <div>
        <label htmlFor="email" className="block text-sm font-semibold text-ink">
          E-mail address
        </label>
        <input
          ref={emailRef}
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          inputMode="email"
          required
          aria-invalid={fieldErrors.email ? true : undefined}
          aria-describedby={describe("email")}
          className="mt-1.5 block w-full rounded-lg border border-line bg-white px-3.5 py-2.5 text-base text-ink shadow-inner shadow-black/[0.02] focus:border-brand aria-[invalid]:border-danger"
        />
        {fieldErrors.email ? (
          <p id="email-error" className="mt-1.5 text-sm text-danger">
            {fieldErrors.email}
          </p>
        ) : null}
      </div>

      <div>
        <label htmlFor="password" className="block text-sm font-semibold text-ink">
          Password
        </label>
        <input
          ref={passwordRef}
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={fieldErrors.password ? true : undefined}
          aria-describedby={describe("password")}
          className="mt-1.5 block w-full rounded-lg border border-line bg-white px-3.5 py-2.5 text-base text-ink shadow-inner shadow-black/[0.02] focus:border-brand aria-[invalid]:border-danger"
        />
        {fieldErrors.password ? (
          <p id="password-error" className="mt-1.5 text-sm text-danger">
            {fieldErrors.password}
          </p>
        ) : null}
        {/* After the field, so Tab goes from the e-mail to the password, and Enter there signs in. */}
        <p className="mt-2 text-right text-sm">
          <a href={forgotPasswordHref} className="font-medium text-brand underline-offset-4 hover:underline">
            Forgotten your password?
          </a>
        </p>
      </div>

      <BusyButton type="submit" className="btn btn-primary w-full" busy={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </BusyButton>

      <p className="text-center text-sm text-ink-soft">
        New to us?{" "}
        <a href={signUpHref} className="font-semibold text-brand underline-offset-4 hover:underline">
          Create an account
        </a>
      </p>
    </form>
  );
}
