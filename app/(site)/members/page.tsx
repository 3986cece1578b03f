import { AccountLink } from "@/components/site/account-link-client";
import type { Metadata } from "next";
import { SiteLink } from "@/components/site/site-link-client";
import { requireCustomer } from "@/lib/auth/server";
import { greetingName } from "@/lib/auth/session";
import { accountService } from "@/lib/auth/services";
import { unlessSpektrixFails } from "@/lib/auth/account-view";
import { AccountUnavailable } from "@/components/account/account-unavailable";
import { routes } from "@/lib/routes";
import { siteInfo } from "@/lib/site";

export const metadata: Metadata = { title: "Members’ area", robots: { index: false } };
export const dynamic = "force-dynamic";

/**
 * Members only. The gate reads the customer's memberships from Spektrix on every visit rather than trusting
 * the session alone, so a membership bought or lapsed since sign-in counts straight away.
 */
export default async function MembersPage() {
  const user = await requireCustomer(routes.members);
  const service = await accountService();
  const account = await unlessSpektrixFails(() => service.getAccount(user.customerId), "members");
  const site = siteInfo();
  if (account === "unavailable") return <AccountUnavailable retryHref={routes.members} site={site} />;

  if (account.memberships.length === 0) {
    return (
      <div className="container-page max-w-2xl py-16 md:py-24">
        <p className="eyebrow text-brand">Members only</p>
        <h1 className="mt-3 text-4xl font-semibold">This page is for members</h1>
        <p className="mt-4 text-ink-soft">
          Join to get priority booking, savings on every ticket and invitations to members’ events. If you’ve just
          joined, it can take a few minutes for your membership to appear.
        </p>
        <div className="mt-8 flex flex-wrap gap-3">
          <SiteLink href={routes.membership} className="btn btn-primary">
            Become a member
          </SiteLink>
          <AccountLink className="btn btn-ghost text-brand">My account</AccountLink>
        </div>
      </div>
    );
  }

  const name = greetingName(user);
  return (
    <div>
      <section className="relative overflow-hidden bg-stage text-paper">
        <div
          aria-hidden
          className="absolute inset-0 bg-[radial-gradient(50rem_24rem_at_80%_-10%,rgba(184,134,47,0.4),transparent_60%),radial-gradient(36rem_20rem_at_0%_110%,rgba(122,31,53,0.6),transparent_60%)]"
        />
        <div className="container-page relative py-16 md:py-20">
          <p className="eyebrow text-gold">Members’ area</p>
          <h1 className="mt-3 max-w-3xl text-4xl font-semibold md:text-6xl">
            {name ? `Welcome back, ${name}` : "Welcome back"}
          </h1>
          <p className="mt-5 max-w-xl text-lg text-paper/80">
            Thank you for supporting {site.name}. Here’s what your membership gets you this season.
          </p>
        </div>
      </section>
      <div className="container-page grid grid-cols-1 gap-6 py-12 md:grid-cols-3">
        {[
          {
            title: "Priority booking",
            body: "Book new seasons before tickets go on general sale. We’ll e-mail you when your priority window opens.",
          },
          {
            title: "Member prices",
            body: "Your discount is applied automatically at checkout whenever you’re signed in. No codes to remember.",
          },
          {
            title: "Backstage and previews",
            body: "Open rehearsals, post-show talks and members’ evenings. Invitations arrive by e-mail about a month ahead.",
          },
        ].map((benefit) => (
          <section key={benefit.title} className="rounded-card border border-line bg-white p-6">
            <h2 className="text-2xl font-semibold">{benefit.title}</h2>
            <p className="mt-3 text-ink-soft">{benefit.body}</p>
          </section>
        ))}
      </div>
      <div className="container-page pb-16">
        <div className="flex flex-wrap items-center justify-between gap-4 rounded-card bg-brand-tint p-6 md:p-8">
          <p className="font-display text-2xl font-semibold">Ready for your next night out?</p>
          <SiteLink href={routes.whatsOn} className="btn btn-primary">
            Book with your member price
          </SiteLink>
        </div>
      </div>
    </div>
  );
}
