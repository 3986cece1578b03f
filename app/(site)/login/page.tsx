import type { Metadata } from "next";
import { SiteLink } from "@/components/site/site-link-client";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form-client";
import { safeCallbackPath } from "@/lib/auth/paths";
import { getSiteSession } from "@/lib/auth/server";
import { spektrixPublicConfig } from "@/lib/spektrix-flows/config";
import { getFlowSettings } from "@/lib/spektrix-flows/settings";
import { isSignInErrorCode } from "@/lib/auth/sign-in-errors";
import { routes } from "@/lib/routes";
import { siteInfo } from "@/lib/site";
import { StarIcon } from "@/components/icons";
import { telHref } from "@/lib/text/phone";

export const metadata: Metadata = {
  title: "Sign in",
  description: "Sign in to your account to book with your member benefits, see your tickets and manage your details.",
  robots: { index: false },
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LoginPage({ searchParams }: Props) {
  const params = await searchParams;
  // After sign-in with nowhere asked for: the account page, where the studio's Connection page put it.
  const { pagePaths } = await getFlowSettings();
  const callbackUrl = safeCallbackPath(params.callbackUrl, pagePaths.account);
  if (await getSiteSession()) redirect(callbackUrl);

  const rawError = typeof params.error === "string" ? params.error : null;
  const initialError = rawError ? (isSignInErrorCode(rawError) ? rawError : "Unknown") : null;
  const spektrix = await spektrixPublicConfig();
  const site = siteInfo();
  // The checkout page itself, not its confirmation (a shared link to an order is not a checkout).
  const callbackPath = callbackUrl.split(/[?#]/, 1)[0];
  const fromCheckout = callbackPath === routes.checkout || callbackPath === pagePaths.checkout;

  return (
    <div className="bg-paper-deep/60">
      <div className="container-page grid grid-cols-1 gap-10 py-12 md:py-16 lg:grid-cols-[minmax(0,1fr)_minmax(0,0.9fr)] lg:gap-16">
        <section aria-labelledby="sign-in-heading" className="max-w-lg">
          <p className="eyebrow text-brand">Your account</p>
          <h1 id="sign-in-heading" className="mt-3 text-4xl font-semibold md:text-5xl">
            Sign in
          </h1>
          <p className="mt-4 text-ink-soft">
            {fromCheckout
              ? "Sign in to check out with your saved addresses and any member discounts."
              : `Use the e-mail address and password you book with at ${site.name}.`}
          </p>
          <div className="mt-8 rounded-card border border-line bg-white p-6 shadow-sm md:p-8">
            <LoginForm
              callbackUrl={callbackUrl}
              spektrix={{ baseUrl: spektrix.baseUrl, clientName: spektrix.clientName }}
              initialError={initialError}
              forgotPasswordHref="/login/forgot-password"
              signUpHref="/login/sign-up"
            />
          </div>
          {fromCheckout ? (
            <p className="mt-6 text-sm text-ink-soft">
              New here?{" "}
              <SiteLink
                href={pagePaths.guestCheckout}
                className="font-semibold text-brand underline-offset-4 hover:underline"
              >
                Check out as a new customer
              </SiteLink>
              .
            </p>
          ) : null}
        </section>

        <aside
          aria-labelledby="members-heading"
          className="relative overflow-hidden rounded-card bg-stage p-8 text-paper md:p-10 lg:mt-14"
        >
          <div
            aria-hidden
            className="absolute inset-0 bg-[radial-gradient(36rem_20rem_at_100%_0%,rgba(184,134,47,0.3),transparent_60%),radial-gradient(30rem_18rem_at_0%_100%,rgba(122,31,53,0.55),transparent_60%)]"
          />
          <div className="relative">
            <p className="eyebrow text-gold">Members</p>
            <h2 id="members-heading" className="mt-3 text-3xl font-semibold">
              Closer to the stage
            </h2>
            <ul className="mt-6 space-y-4 text-paper/85">
              <li className="flex gap-3">
                <StarIcon className="mt-0.5 shrink-0 text-gold" />{" "}
                <span>Priority booking before tickets go on general sale.</span>
              </li>
              <li className="flex gap-3">
                <StarIcon className="mt-0.5 shrink-0 text-gold" />{" "}
                <span>Member prices applied at checkout when you’re signed in.</span>
              </li>
              <li className="flex gap-3">
                <StarIcon className="mt-0.5 shrink-0 text-gold" />{" "}
                <span>Your tickets, orders and addresses in one place.</span>
              </li>
            </ul>
            <SiteLink href={routes.membership} className="btn btn-ghost mt-8 text-paper">
              Explore membership
            </SiteLink>
            <p className="mt-8 border-t border-paper/15 pt-6 text-sm text-paper/70">
              Need a hand? Call the box office on{" "}
              <a className="text-paper underline underline-offset-4" href={telHref(site.boxOffice.phone)}>
                {site.boxOffice.phone}
              </a>{" "}
              ({site.boxOffice.hours}).
            </p>
          </div>
        </aside>
      </div>
    </div>
  );
}
