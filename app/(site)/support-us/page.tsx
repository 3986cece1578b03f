import type { Metadata } from "next";
import { SiteLink } from "@/components/site/site-link-client";
import { connection } from "next/server";
import { BoxOfficeNotice, EditorNotice } from "@/components/spektrix/box-office-notice";
import { Donate } from "@/components/spektrix/donate-client";
import { FlowPageHero } from "@/components/spektrix/flow-page-hero";
import { routes } from "@/lib/routes";
import { pageMetadata } from "@/lib/seo/metadata";
import { siteInfo } from "@/lib/site";
import { loadFunds, pickConfigured } from "@/lib/spektrix-flows/catalogue";
import { isEditorView } from "@/lib/spektrix-flows/editor";
import { getFlowSettings } from "@/lib/spektrix-flows/settings";
import { telHref } from "@/lib/text/phone";

/** Its canonical address is its own, whatever query a link adds (campaign tags, `?fund=`). */
export function generateMetadata(): Metadata {
  return pageMetadata({
    title: "Support us",
    description: "Give to the theatre: every gift keeps the stage lit, the workshops free and the building open.",
    path: routes.support,
  });
}

export default async function SupportUsPage({ searchParams }: { searchParams: Promise<{ fund?: string | string[] }> }) {
  await connection();
  const site = siteInfo();
  const [{ fund: fundParam }, funds, settings, editor] = await Promise.all([
    searchParams,
    loadFunds(),
    getFlowSettings(),
    isEditorView(),
  ]);
  // A campaign link (?fund=…) wins over the editor's default fund.
  const wanted = (typeof fundParam === "string" ? fundParam : null) ?? settings.donateFundId;
  const picked = funds.ok ? pickConfigured(funds.items, wanted) : { item: null, missing: null };

  return (
    <>
      <FlowPageHero eyebrow="Support us" title="Keep the curtain rising" tone="stage">
        Ticket sales cover less than half of what it costs to put on a season. Gifts of every size pay for new work,
        free youth workshops and the care of our historic auditorium.
      </FlowPageHero>
      <div className="container-page grid grid-cols-1 gap-10 py-12 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)] lg:gap-14">
        <section
          aria-labelledby="give-heading"
          className="rounded-[var(--radius-card)] border border-line bg-white/70 p-5 shadow-sm md:p-8"
        >
          <h2 id="give-heading" className="text-3xl font-semibold">
            Make a donation
          </h2>
          <p className="mt-2 text-ink-soft">
            Choose a fund and an amount. Your gift goes into your basket and you pay at checkout.
          </p>
          <div className="mt-6 space-y-4">
            {picked.missing && editor && (
              <EditorNotice>
                The donation block is set to fund “{picked.missing}”, which Spektrix no longer has. Choose another fund
                in the studio (Spektrix flows → donate fund), or remove the ?fund= link.
              </EditorNotice>
            )}
            {funds.ok ? (
              <Donate
                funds={funds.items.map((f) => ({
                  id: f.id,
                  name: f.name,
                  description: f.description,
                  defaultAmount: f.defaultDonationAmount,
                }))}
                initialFundId={picked.item?.id ?? null}
              />
            ) : (
              <BoxOfficeNotice boxOffice={site.boxOffice}>
                Online donations are temporarily unavailable. You can still give by phone or e-mail.
              </BoxOfficeNotice>
            )}
          </div>
        </section>
        <aside aria-labelledby="other-ways" className="space-y-6">
          <h2 id="other-ways" className="text-2xl font-semibold">
            Other ways to give
          </h2>
          <ul className="space-y-4">
            <li className="rounded-[var(--radius-card)] border border-line bg-white/60 p-5">
              <p className="font-display text-lg font-semibold">Become a member</p>
              <p className="mt-1 text-sm text-ink-soft">
                Priority booking, ticket discounts and a closer view of the work you make possible.
              </p>
              <SiteLink
                href={routes.membership}
                className="mt-3 inline-block font-semibold text-brand underline underline-offset-2"
              >
                See memberships
              </SiteLink>
            </li>
            <li className="rounded-[var(--radius-card)] border border-line bg-white/60 p-5">
              <p className="font-display text-lg font-semibold">Give a gift voucher</p>
              <p className="mt-1 text-sm text-ink-soft">For tickets, memberships or the shop, delivered by e-mail.</p>
              <SiteLink
                href={routes.giftVouchers}
                className="mt-3 inline-block font-semibold text-brand underline underline-offset-2"
              >
                Buy a voucher
              </SiteLink>
            </li>
            <li className="rounded-[var(--radius-card)] border border-line bg-white/60 p-5">
              <p className="font-display text-lg font-semibold">Leave a legacy, or give as a company</p>
              <p className="mt-1 text-sm text-ink-soft">
                Our development team would love to talk: call{" "}
                <a className="text-brand underline underline-offset-2" href={telHref(site.boxOffice.phone)}>
                  {site.boxOffice.phone}
                </a>
                .
              </p>
            </li>
          </ul>
        </aside>
      </div>
    </>
  );
}
