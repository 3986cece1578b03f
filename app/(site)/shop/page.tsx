import type { Metadata } from "next";
import { routes } from "@/lib/routes";
import { pageMetadata } from "@/lib/seo/metadata";
import { connection } from "next/server";
import { BoxOfficeNotice } from "@/components/spektrix/box-office-notice";
import { FlowPageHero } from "@/components/spektrix/flow-page-hero";
import { Merchandise } from "@/components/spektrix/merchandise-client";
import { siteInfo } from "@/lib/site";
import { loadMerchandise } from "@/lib/spektrix-flows/catalogue";
import { formatMoney } from "@/lib/spektrix-flows/money";

/** Its canonical address is its own, whatever query a link adds (campaign tags). */
export function generateMetadata(): Metadata {
  return pageMetadata({
    title: "Shop",
    description: "Programmes, gifts and keepsakes from the theatre, added to your basket with your tickets.",
    path: routes.shop,
  });
}

export default async function ShopPage() {
  await connection();
  const site = siteInfo();
  const items = await loadMerchandise();

  return (
    <>
      <FlowPageHero eyebrow="Shop" title="Programmes and keepsakes">
        Add a programme to your tickets, or take a little of the theatre home. Collect your items from the box office
        with your tickets.
      </FlowPageHero>
      <div className="container-page py-12">
        {!items.ok ? (
          <BoxOfficeNotice boxOffice={site.boxOffice}>The shop is temporarily unavailable online.</BoxOfficeNotice>
        ) : items.items.length === 0 ? (
          <BoxOfficeNotice boxOffice={site.boxOffice} title="Nothing in the shop right now">
            Programmes are on sale at the box office before every performance.
          </BoxOfficeNotice>
        ) : (
          <ul className="grid grid-cols-1 gap-6 sm:grid-cols-2 lg:grid-cols-3">
            {items.items.map((item) => {
              const category = typeof item.attributes.Category === "string" ? item.attributes.Category : null;
              return (
                <li
                  key={item.id}
                  className="flex flex-col rounded-[var(--radius-card)] border border-line bg-white p-6 shadow-sm"
                >
                  <div
                    aria-hidden
                    className="mb-5 grid aspect-[4/3] place-items-center rounded-lg bg-[radial-gradient(circle_at_30%_20%,var(--color-brand-tint),var(--color-paper-deep))]"
                  >
                    <span className="font-display text-5xl font-semibold text-brand/70">{item.name.slice(0, 1)}</span>
                  </div>
                  {category && <p className="eyebrow text-ink-soft">{category}</p>}
                  <h2 className="mt-1 text-xl font-semibold">{item.name}</h2>
                  <p className="mt-1 font-semibold tabular-nums text-brand">{formatMoney(item.price)}</p>
                  {item.description && <p className="mt-2 flex-1 text-ink-soft">{item.description}</p>}
                  {/* Online orders are collected: the checkout offers no postage choice, so none is promised. */}
                  <p className="mt-1 text-sm text-ink-soft">
                    Collect it from the box office
                    {item.postageAndPacking !== null && item.postageAndPacking > 0
                      ? `, or call ${site.boxOffice.phone} to have it posted (${formatMoney(item.postageAndPacking)})`
                      : ""}
                    .
                  </p>
                  <div className="mt-5">
                    <Merchandise item={{ id: item.id, name: item.name, price: item.price }} />
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </>
  );
}
