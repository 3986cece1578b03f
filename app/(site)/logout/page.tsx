import { AccountLink } from "@/components/site/account-link-client";
import type { Metadata } from "next";
import { SiteLink } from "@/components/site/site-link-client";
import { SignOutButton } from "@/components/auth/sign-out-button-client";
import { getSiteSession } from "@/lib/auth/server";
import { greetingName } from "@/lib/auth/session";
import { spektrixPublicConfig } from "@/lib/spektrix-flows/config";
import { routes } from "@/lib/routes";

export const metadata: Metadata = { title: "Sign out", robots: { index: false } };

/** Signing out is a button press (a POST), never a plain link, so another site cannot sign a member out. */
export default async function LogoutPage() {
  const session = await getSiteSession();
  const spektrix = await spektrixPublicConfig();
  return (
    <div className="container-page max-w-xl py-16 md:py-24">
      {session ? (
        <>
          <p className="eyebrow text-brand">Your account</p>
          <h1 className="mt-3 text-4xl font-semibold">
            Sign out{greetingName(session) ? `, ${greetingName(session)}` : ""}?
          </h1>
          <p className="mt-4 text-ink-soft">
            You’ll be signed out of this site and of the box office on this device. Anything in your basket stays held
            until it times out.
          </p>
          <div className="mt-8 flex flex-wrap gap-3">
            <SignOutButton
              spektrix={{ baseUrl: spektrix.baseUrl, clientName: spektrix.clientName }}
              className="btn btn-primary"
            />
            <AccountLink className="btn btn-ghost text-brand">Back to my account</AccountLink>
          </div>
        </>
      ) : (
        <>
          <h1 className="text-4xl font-semibold">You’re signed out</h1>
          <p className="mt-4 text-ink-soft">Thanks for visiting. See you at the theatre.</p>
          <div className="mt-8 flex flex-wrap gap-3">
            <SiteLink href={routes.whatsOn} className="btn btn-primary">
              See what’s on
            </SiteLink>
            <SiteLink href={routes.login} className="btn btn-ghost text-brand">
              Sign in again
            </SiteLink>
          </div>
        </>
      )}
    </div>
  );
}
