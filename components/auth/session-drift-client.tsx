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
import { MEMBER_SIGN_IN_PROVIDER } from "@/lib/auth/paths";
import { repairPausedOn, repairSessionDrift, sessionDrift, type DriftOutcome } from "@/lib/auth/drift";
import { routes } from "@/lib/routes";
import {
  announceHintsChanged,
  basketQueryKey,
  useBasketReadContext,
  useSignedInHint,
  useSpektrixBasket,
  useSpektrixWebClient,
} from "@/components/spektrix/spektrix-loader-client";

const NOTICES: Record<Exclude<DriftOutcome, "linked">, string> = {
  "signed-out-here":
    "Your box office session ended, so you’ve been signed out here too. Your basket is kept; log in again to see your account and member prices.",
  "signed-out-of-spektrix":
    "Your session on this site had ended, so you’ve been signed out of the box office too. Your basket is kept; log in again to book as a member.",
};

// One repair per state a page load meets, so a repair that does not take cannot loop.
const attempted = new Set<string>();

export function SessionDriftRepair() {
  const signedIn = useSignedInHint();
  const basket = useSpektrixBasket({ onlyIfWorthAsking: true });
  const client = useSpektrixWebClient();
  const queryClient = useQueryClient();
  const router = useRouter();
  const pathname = usePathname();
  const [outcome, setOutcome] = useState<Exclude<DriftOutcome, "linked"> | null>(null);

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

  useEffect(() => {
    if (!drift || !key || repairPausedOn(pathname) || attempted.has(key)) return;
    attempted.add(key);
    void (async () => {
      const auth = await import("next-auth/react");
      const result = await repairSessionDrift(drift, {
        signOutSite: async () => void (await auth.signOut({ redirect: false })),
        readBasket: async () => (await client()).getBasket(),
        signInWithProof: async (proof) => {
          const res = await auth.signIn(MEMBER_SIGN_IN_PROVIDER, { ...proof, redirect: false });
          return Boolean(res?.ok && !res.error);
        },
        deauthenticateSpektrix: async () => (await client()).deauthenticate(),
      });
      if (!result) return;
      // The hint cookies changed without a page load: the header reads them again, and the basket with them.
      announceHintsChanged();
      void queryClient.invalidateQueries({ queryKey: basketQueryKey });
      if (result !== "linked") setOutcome(result);
      router.refresh();
    })();
  }, [drift, key, pathname, client, queryClient, router]);

  const login = `${routes.login}?callbackUrl=${encodeURIComponent(repairPausedOn(pathname) ? routes.account : pathname)}`;
  // The live region is always there, so screen readers announce the notice when it appears.
  return (
    <div role="status" data-testid="session-drift">
      {outcome && (
        <div className="border-t border-line bg-paper-deep">
          <div className="container-page flex flex-wrap items-center gap-x-4 gap-y-2 py-3 text-sm">
            <p className="min-w-0 flex-1 basis-72">{NOTICES[outcome]}</p>
            <div className="flex gap-2">
              <SiteLink href={login} className="btn btn-primary !py-2 text-sm">
                Log in again
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
