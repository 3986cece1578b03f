import type { Metadata } from "next";
import { routes } from "@/lib/routes";
import { pageMetadata } from "@/lib/seo/metadata";
import { connection } from "next/server";
import { BoxOfficeNotice } from "@/components/spektrix/box-office-notice";
import { FlowPageHero } from "@/components/spektrix/flow-page-hero";
import { GiftVoucher } from "@/components/spektrix/gift-voucher-client";
import { localDateOf } from "@/lib/events/dates";
import { siteInfo } from "@/lib/site";
import { loadGiftVoucherTypes } from "@/lib/spektrix-flows/catalogue";

/** Its canonical address is its own, whatever query a link adds (campaign tags). */
export function generateMetadata(): Metadata {
  return pageMetadata({
    title: "Gift vouchers",
    description: "Give a night at the theatre: vouchers for tickets, memberships and the shop, sent by e-mail.",
    path: routes.giftVouchers,
  });
}

export default async function GiftVouchersPage() {
  await connection();
  const site = siteInfo();
  const types = await loadGiftVoucherTypes();
  const fixed = types.ok ? types.items.map((t) => t.amount).filter((a): a is number => a !== null && a > 0) : [];

  return (
    <>
      <FlowPageHero eyebrow="Gift vouchers" title="Give a night at the theatre">
        Vouchers can be spent on tickets, memberships and in the shop, and are valid for a year. Send one to yourself to
        print, or straight to the lucky person on the day you choose.
      </FlowPageHero>
      <div className="container-page grid grid-cols-1 gap-10 py-12 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <section
          aria-labelledby="voucher-heading"
          className="rounded-[var(--radius-card)] border border-line bg-white/70 p-5 shadow-sm md:p-8"
        >
          <h2 id="voucher-heading" className="text-3xl font-semibold">
            Buy a gift voucher
          </h2>
          <div className="mt-6">
            {types.ok ? (
              <GiftVoucher
                options={{
                  presets: fixed.length ? fixed.slice(0, 5) : [25, 50, 75, 100],
                  min: 5,
                  max: 500,
                  today: localDateOf(new Date(), site.timeZone),
                }}
              />
            ) : (
              <BoxOfficeNotice boxOffice={site.boxOffice}>
                Gift vouchers are temporarily unavailable online. The box office can sell you one by phone.
              </BoxOfficeNotice>
            )}
          </div>
        </section>
        <aside className="space-y-4 text-ink-soft">
          <h2 className="text-2xl font-semibold text-ink">Good to know</h2>
          <ul className="list-disc space-y-2 pl-5">
            <li>Vouchers are e-mailed as a PDF with a unique code.</li>
            <li>They can be used online, by phone or at the box office.</li>
            <li>Any balance stays on the voucher until it expires.</li>
          </ul>
        </aside>
      </div>
    </>
  );
}
