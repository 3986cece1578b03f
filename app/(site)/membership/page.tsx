import { AccountLink } from "@/components/site/account-link-client";
import type { Metadata } from "next";
import { routes } from "@/lib/routes";
import { pageMetadata } from "@/lib/seo/metadata";
import { connection } from "next/server";
import { BoxOfficeNotice, EditorNotice } from "@/components/spektrix/box-office-notice";
import { FlowPageHero } from "@/components/spektrix/flow-page-hero";
import { Membership } from "@/components/spektrix/membership-client";
import { getSiteSession } from "@/lib/auth/server";
import { siteInfo } from "@/lib/site";
import { loadMembershipTypes } from "@/lib/spektrix-flows/catalogue";
import { isEditorView } from "@/lib/spektrix-flows/editor";
import { formatMoney } from "@/lib/spektrix-flows/money";
import { getFlowSettings } from "@/lib/spektrix-flows/settings";

/** Its canonical address is its own, whatever query a link adds (campaign tags). */
export function generateMetadata(): Metadata {
  return pageMetadata({
    title: "Membership",
    description: "Join as a member for priority booking, ticket discounts and events behind the scenes.",
    path: routes.membership,
  });
}

export default async function MembershipPage() {
  await connection();
  const site = siteInfo();
  const [types, settings, editor, session] = await Promise.all([
    loadMembershipTypes(),
    getFlowSettings(),
    isEditorView(),
    getSiteSession(),
  ]);
  // What a signed-in member already holds, so the page greets them as one instead of only offering to join. The
  // session's membership ids are those read at sign-in: joining during the session shows here after the next one.
  const held = types.ok ? types.items.filter((t) => session?.membershipIds.includes(t.id)) : [];

  let shown = types.ok ? types.items : [];
  let missing: string[] = [];
  if (types.ok && settings.membershipIds.length) {
    const chosen = settings.membershipIds.map((id) => types.items.find((t) => t.id === id));
    missing = settings.membershipIds.filter((_, i) => !chosen[i]);
    const found = chosen.filter((t) => t !== undefined);
    // Visitors never see an empty page because of a stale setting: fall back to every membership.
    shown = found.length ? found : types.items;
  }

  return (
    <>
      <FlowPageHero eyebrow="Membership" title="Be part of the company">
        Members book first, pay less and get closer to the work, from open rehearsals to season previews. Every
        membership supports the theatre directly.
      </FlowPageHero>
      <div className="container-page space-y-6 py-12">
        {held.length > 0 && (
          <p data-testid="member-greeting" className="rounded-card border border-brand/30 bg-white p-5">
            <span className="font-semibold">
              You&rsquo;re already a member: {held.map((t) => t.name).join(" and ")}.
            </span>{" "}
            Your <AccountLink className="text-brand underline underline-offset-4">account</AccountLink> shows when{" "}
            {held.length === 1 ? "it renews" : "they renew"}.
          </p>
        )}
        {missing.length > 0 && editor && (
          <EditorNotice>
            The membership page lists {missing.length === 1 ? "a membership" : "memberships"} Spektrix no longer has (
            {missing.join(", ")}). Update the list in the studio (Spektrix flows → memberships).
          </EditorNotice>
        )}
        {!types.ok ? (
          <BoxOfficeNotice boxOffice={site.boxOffice}>
            Joining online is temporarily unavailable. The box office can sign you up by phone.
          </BoxOfficeNotice>
        ) : shown.length === 0 ? (
          <BoxOfficeNotice boxOffice={site.boxOffice} title="Memberships are not on sale online right now">
            Please contact the box office to join or renew.
          </BoxOfficeNotice>
        ) : (
          <ul className="grid grid-cols-1 gap-6 md:grid-cols-2 lg:grid-cols-3">
            {shown.map((m, index) => (
              <li
                key={m.id}
                className={`flex flex-col rounded-[var(--radius-card)] border bg-white p-6 shadow-sm ${index === 1 ? "border-brand ring-1 ring-brand" : "border-line"}`}
              >
                {held.includes(m) && <p className="eyebrow mb-2 text-brand">Your membership</p>}
                <h2 className="text-2xl font-semibold">{m.name}</h2>
                <p className="mt-2 font-display text-3xl font-semibold text-brand tabular-nums">
                  {m.price === null ? "—" : m.price === 0 ? "Free" : formatMoney(m.price, { compact: true })}
                  {m.price !== null && m.price > 0 && (
                    <span className="ml-1 font-sans text-base font-medium text-ink-soft">a year</span>
                  )}
                </p>
                {m.renewalPrice !== null && m.price !== null && m.renewalPrice < m.price && (
                  <p className="text-sm text-ink-soft">Renews at {formatMoney(m.renewalPrice, { compact: true })}</p>
                )}
                {m.description && <p className="mt-4 flex-1 text-ink">{m.description}</p>}
                <div className="mt-6">
                  {/* Spektrix refuses a second of what a member holds, so theirs offers its account page instead. */}
                  {held.includes(m) ? (
                    <AccountLink className="btn btn-ghost w-full">Manage it in your account</AccountLink>
                  ) : (
                    <>
                      {held.length > 0 && (
                        // Spektrix keeps each membership a customer holds; joining another does not end theirs.
                        <p data-testid="second-membership-note" className="mb-3 text-sm text-ink-soft">
                          This adds {m.name} beside your {held.map((t) => t.name).join(" and ")} membership. To change
                          from one to the other instead, call the box office on {site.boxOffice.phone}.
                        </p>
                      )}
                      <Membership membership={{ id: m.id, name: m.name, price: m.price }} />
                    </>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
        {held.length === 0 && (
          <p className="text-sm text-ink-soft">
            Already a member? Your membership renews from your account, or call the box office on {site.boxOffice.phone}
            .
          </p>
        )}
      </div>
    </>
  );
}
