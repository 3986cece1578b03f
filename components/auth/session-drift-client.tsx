"use client";

/**
 * Notices when the site's session and the browser's Spektrix session disagree and repairs it
 * (lib/auth/drift.ts), then says what happened. It reads nothing of its own: the header's basket query already
 * holds the Spektrix customer, and next-auth's client is loaded only when a repair is needed.
 */
import { useEffect, useState } from "react";
import { usePathname, useRouter } from "next/navigation";
import { useQueryClient } from "@tanstack/react-query";
import { SiteLink } from "@/components/site/site-link-client";
import { FORGET_SIGNED_OUT_ON_PURPOSE, hasSignedOutOnPurpose } from "@/lib/auth/cookies";
import { MEMBER_SIGN_IN_PROVIDER, SIGN_OUT_THIS_DEVICE } from "@/lib/auth/paths";
import { SIGN_IN_ERRORS } from "@/lib/auth/sign-in-errors";
import { repairPausedOn, repairSessionDrift, sessionDrift, type ProofAnswer } from "@/lib/auth/drift";
import { routes } from "@/lib/routes";
import {
  announceHintsChanged,
  useSignedInHint,
  useSpektrixWebClient,
} from "@/components/spektrix/spektrix-loader-client";
import {
  basketQueryKey,
  LiveQueries,
  useBasketReadContext,
  useSpektrixBasket,
} from "@/components/spektrix/live-queries-client";

type NoticeOutcome = "signed-out-here" | "signed-out-of-spektrix";

const NOTICES: Record<NoticeOutcome, string> = {
  "signed-out-here":
    "Your box office session ended, so you’ve been signed out here too. Your basket is kept; sign in again to see your account and member prices.",
  "signed-out-of-spektrix":
    "Your session on this site had ended, so you’ve been signed out of the box office too. Your basket is kept; sign in again to book as a member.",
};

// One repair per state a page load meets, so a repair that does not take cannot loop.
const attempted = new Set<string>();

// A repair the site could not finish (Spektrix unavailable, or the address's sign-in allowance spent) waits this
// long before the same state is tried again, across page loads, so browsing does not spend the allowance.
const DEFERRED_KEY = "site:session-drift-deferred";
const DEFER_MS = 10 * 60_000;

function deferredNow(key: string): boolean {
  try {
    const saved = JSON.parse(sessionStorage.getItem(DEFERRED_KEY) ?? "null") as { key?: string; until?: number } | null;
    return saved?.key === key && typeof saved.until === "number" && saved.until > Date.now();
  } catch {
    return false;
  }
}

function defer(key: string): void {
  try {
    sessionStorage.setItem(DEFERRED_KEY, JSON.stringify({ key, until: Date.now() + DEFER_MS }));
  } catch {
    // Storage refused (private mode): the in-memory record still stops a loop on this page.
  }
}

/** Ends this browser's site session only (next-auth's sign-out with the device scope; see lib/auth/paths.ts). */
async function signOutThisDevice(getCsrfToken: () => Promise<string | undefined>): Promise<void> {
  const csrfToken = await getCsrfToken();
  if (!csrfToken) throw new Error("No sign-out token");
  const url = `${routes.api.authSignOut}?${SIGN_OUT_THIS_DEVICE.param}=${SIGN_OUT_THIS_DEVICE.value}`;
  const response = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Auth-Return-Redirect": "1" },
    body: new URLSearchParams({ csrfToken, json: "true" }),
  });
  if (!response.ok) throw new Error(`Sign-out answered ${response.status}`);
}

function proofAnswer(result: { ok: boolean; error: string | null } | undefined): ProofAnswer {
  if (result?.ok && !result.error) return "linked";
  // Only "that proof is no good" is a refusal; a rate limit or an outage says nothing about the proof.
  return result?.error === SIGN_IN_ERRORS.invalid ? "refused" : "unavailable";
}

export function SessionDriftRepair() {
  return (
    <LiveQueries>
      <Repair />
    </LiveQueries>
  );
}

function Repair() {
  const signedIn = useSignedInHint();
  const basket = useSpektrixBasket({ onlyIfWorthAsking: true });
  const client = useSpektrixWebClient();
  const queryClient = useQueryClient();
  const router = useRouter();
  const pathname = usePathname();
  const [outcome, setOutcome] = useState<NoticeOutcome | null>(null);

  const read = useBasketReadContext();
  // Judge a read only against the session it was made in: right after a sign-in, the basket read before it
  // still shows no customer, and is read again below rather than taken for a drift.
  const current = read !== null && read.signedIn === signedIn && read.basketId === (basket.data?.id ?? null);
  const drift = current ? sessionDrift(signedIn, basket.data) : null;

  useEffect(() => {
    if (signedIn === null || read === null || read.signedIn === signedIn) return;
    void queryClient.invalidateQueries({ queryKey: basketQueryKey });
  }, [signedIn, read, queryClient]);

  const key = drift && basket.data ? `${drift}:${basket.data.id}:${basket.data.hash ?? ""}` : null;

  // Spektrix's checkout iframe lets a visitor sign in there: after that, a Spektrix customer is a sign-in to
  // link, not a sign-out that failed.
  useEffect(() => {
    if (pathname === routes.guestCheckout && hasSignedOutOnPurpose(document.cookie))
      document.cookie = FORGET_SIGNED_OUT_ON_PURPOSE;
  }, [pathname]);

  useEffect(() => {
    if (!drift || !key || repairPausedOn(pathname) || attempted.has(key) || deferredNow(key)) return;
    attempted.add(key);
    void (async () => {
      const auth = await import("next-auth/react");
      const result = await repairSessionDrift(drift, {
        readBasket: async () => (await client()).getBasket(),
        spektrixSignedIn: async () => (await client()).isSignedIn(),
        siteSignedIn: async () => Boolean((await auth.getSession())?.user?.customerId),
        signOutSite: () => signOutThisDevice(auth.getCsrfToken),
        signInWithProof: async (proof) =>
          proofAnswer(await auth.signIn(MEMBER_SIGN_IN_PROVIDER, { ...proof, redirect: false })),
        signedOutOnPurpose: () => hasSignedOutOnPurpose(document.cookie),
        deauthenticateSpektrix: async () => (await client()).deauthenticate(),
      });
      if (!result) return;
      if (result === "deferred") return defer(key);
      // The hint cookies changed without a page load: the header reads them again, and the basket with them.
      announceHintsChanged();
      void queryClient.invalidateQueries({ queryKey: basketQueryKey });
      if (result === "signed-out-here" || result === "signed-out-of-spektrix") setOutcome(result);
      router.refresh();
    })();
  }, [drift, key, pathname, client, queryClient, router]);

  const login = routes.signInThen(repairPausedOn(pathname) ? routes.account : pathname);
  // The live region is always there, so screen readers announce the notice when it appears.
  return (
    <div role="status" data-testid="session-drift">
      {outcome && (
        <div className="border-t border-line bg-paper-deep">
          <div className="container-page flex flex-wrap items-center gap-x-4 gap-y-2 py-3 text-sm">
            <p className="min-w-0 flex-1 basis-72">{NOTICES[outcome]}</p>
            <div className="flex gap-2">
              <SiteLink href={login} className="btn btn-primary !py-2 text-sm">
                Sign in again
              </SiteLink>
              <button type="button" className="btn btn-ghost !py-2 text-sm" onClick={() => setOutcome(null)}>
                Dismiss
              </button>
            </div>
          </div>
        </div>
      )}
    </div>
  );
}
