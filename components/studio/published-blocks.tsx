/**
 * Public rendering of a published page's blocks (server component). Blocks that sell something render through
 * the Spektrix flow components (components/spektrix); the record is re-checked against the live catalogue, so a
 * fund or membership removed in Spektrix shows a fallback to visitors and a plain note to editors.
 */
import { BoxOfficeNotice, EditorNotice } from "@/components/spektrix/box-office-notice";
import { SpektrixFlow } from "@/components/spektrix/spektrix-flow";
import { StaticEventCard } from "@/components/site/event-card-static";
import {
  DonateBlock,
  GiftVoucherBlock,
  MembershipBlock,
  MerchandiseBlock,
  NewsletterBlock,
} from "@/components/studio/lazy-blocks-client";
import { SiteLink } from "@/components/site/site-link-client";
import { getEventCards } from "@/lib/events/cached";
import { localDateOf } from "@/lib/events/dates";
import { sanitizeVenueHtml } from "@/lib/html/sanitize";
import { routes } from "@/lib/routes";
import { siteInfo } from "@/lib/site";
import {
  loadFunds,
  loadGiftVoucherTypes,
  loadMembershipTypes,
  loadMerchandise,
  loadSeatingTypes,
  loadStatements,
  pickConfigured,
} from "@/lib/spektrix-flows/catalogue";
import { isEditorView } from "@/lib/spektrix-flows/editor";
import type { Block } from "@/lib/studio/blocks";

function Section({
  block,
  heading,
  intro,
  children,
  data,
}: {
  block: Block;
  heading?: string | null;
  intro?: string | null;
  children: React.ReactNode;
  data?: Record<string, string>;
}) {
  return (
    <section
      className="grid gap-4"
      data-block={block.type}
      {...Object.fromEntries(Object.entries(data ?? {}).map(([k, v]) => [`data-${k}`, v]))}
    >
      {heading ? <h2 className="text-3xl font-semibold">{heading}</h2> : null}
      {intro ? <p className="max-w-prose text-ink-soft">{intro}</p> : null}
      {children}
    </section>
  );
}

async function Unavailable({ what, missing }: { what: string; missing: string | null }) {
  if (missing && (await isEditorView())) {
    return (
      <EditorNotice>
        This {what} block points at “{missing}”, which Spektrix no longer has. Choose another {what} in the studio.
      </EditorNotice>
    );
  }
  return (
    <BoxOfficeNotice boxOffice={siteInfo().boxOffice}>
      This part of the page isn’t available online right now.
    </BoxOfficeNotice>
  );
}

async function BlockView({ block }: { block: Block }) {
  switch (block.type) {
    case "richText":
      return (
        <section
          data-block="richText"
          className="prose-venue max-w-prose text-lg"
          dangerouslySetInnerHTML={{ __html: sanitizeVenueHtml(block.html) ?? "" }}
        />
      );
    case "hero":
      return (
        <section
          data-block="hero"
          className="relative overflow-hidden rounded-[var(--radius-card)] bg-stage text-paper"
        >
          {block.imageUrl ? (
            // eslint-disable-next-line @next/next/no-img-element
            <img
              src={block.imageUrl}
              alt={block.imageAlt ?? ""}
              className="absolute inset-0 size-full object-cover opacity-40"
            />
          ) : null}
          <div className="relative grid gap-3 p-8 md:p-12">
            <h2 className="text-4xl font-semibold">{block.heading}</h2>
            {block.text ? <p className="max-w-prose text-lg">{block.text}</p> : null}
            {block.ctaLabel && block.ctaHref ? (
              <p>
                <a href={block.ctaHref} className="btn btn-primary">
                  {block.ctaLabel}
                </a>
              </p>
            ) : null}
          </div>
        </section>
      );
    case "eventFeature": {
      // As the listings show it: the site's event card, and a way to book its dates.
      const [card] = await getEventCards([block.event.id]);
      return (
        <Section block={block} heading={block.heading} data={{ "event-id": block.event.id }}>
          {card ? (
            <div className="grid max-w-md gap-3">
              <StaticEventCard event={card} timeZone={siteInfo().timeZone} />
              <SiteLink
                href={`${routes.event(card.slug)}#performances`}
                className="btn btn-primary justify-self-start"
                aria-label={`Book: ${card.title}`}
              >
                Book
              </SiteLink>
            </div>
          ) : (
            <p className="text-ink-soft">{block.event.label}: no dates on sale at the moment.</p>
          )}
        </Section>
      );
    }
    case "performanceBooking":
      return (
        <Section
          block={block}
          heading={block.heading ?? block.performance.label}
          data={{ "performance-id": block.performance.id }}
        >
          <SpektrixFlow
            flow="chooseSeats"
            params={{ id: block.performance.id }}
            title={`Choose tickets: ${block.performance.label}`}
          />
        </Section>
      );
    case "donate": {
      const funds = await loadFunds();
      const picked = funds.ok ? pickConfigured(funds.items, block.fund.id) : { item: null, missing: null };
      return (
        <Section
          block={block}
          heading={block.heading ?? `Give to the ${block.fund.label}`}
          intro={block.intro}
          data={{ "fund-id": block.fund.id }}
        >
          {picked.item ? (
            <DonateBlock
              funds={[
                {
                  id: picked.item.id,
                  name: picked.item.name,
                  description: picked.item.description,
                  defaultAmount: picked.item.defaultDonationAmount,
                },
              ]}
              initialFundId={picked.item.id}
              presets={block.amounts.length ? block.amounts : undefined}
            />
          ) : (
            <Unavailable what="fund" missing={picked.missing} />
          )}
        </Section>
      );
    }
    case "membership": {
      const list = await loadMembershipTypes();
      const picked = list.ok ? pickConfigured(list.items, block.membership.id) : { item: null, missing: null };
      return (
        <Section
          block={block}
          heading={block.heading ?? block.membership.label}
          intro={block.intro}
          data={{ "membership-id": block.membership.id }}
        >
          {picked.item ? (
            <MembershipBlock membership={{ id: picked.item.id, name: picked.item.name, price: picked.item.price }} />
          ) : (
            <Unavailable what="membership" missing={picked.missing} />
          )}
        </Section>
      );
    }
    case "giftVoucher": {
      const list = await loadGiftVoucherTypes();
      const picked = list.ok ? pickConfigured(list.items, block.voucher.id) : { item: null, missing: null };
      const amount = picked.item?.amount ?? null;
      return (
        <Section
          block={block}
          heading={block.heading ?? block.voucher.label}
          intro={block.intro}
          data={{ "voucher-id": block.voucher.id }}
        >
          {picked.item ? (
            <GiftVoucherBlock
              options={{
                ...(amount
                  ? { presets: [amount], min: amount, max: amount }
                  : { presets: [25, 50, 100], min: 10, max: 500 }),
                today: localDateOf(new Date(), siteInfo().timeZone),
              }}
            />
          ) : (
            <Unavailable what="gift voucher" missing={picked.missing} />
          )}
        </Section>
      );
    }
    case "merchandise": {
      const list = await loadMerchandise();
      const picked = list.ok ? pickConfigured(list.items, block.item.id) : { item: null, missing: null };
      return (
        <Section
          block={block}
          heading={block.heading ?? block.item.label}
          intro={block.intro}
          data={{ "item-id": block.item.id }}
        >
          {picked.item ? (
            <MerchandiseBlock item={{ id: picked.item.id, name: picked.item.name, price: picked.item.price }} />
          ) : (
            <Unavailable what="merchandise" missing={picked.missing} />
          )}
        </Section>
      );
    }
    case "seatingType": {
      // Spektrix sells a seating type only with a seat, so the block describes it (Spektrix's words when it can
      // read them, the picked label otherwise) and sends the visitor to the performances where they choose one.
      const list = await loadSeatingTypes();
      const picked = list.ok ? pickConfigured(list.items, block.seatingType.id).item : null;
      return (
        <Section
          block={block}
          heading={block.heading ?? block.seatingType.label}
          intro={block.intro}
          data={{ "seating-type-id": block.seatingType.id }}
        >
          <div className="rounded-[var(--radius-card)] border border-line bg-white p-5">
            <p className="font-semibold">{picked?.name ?? block.seatingType.label}</p>
            {picked?.description ? <p className="mt-1 text-ink-soft">{picked.description}</p> : null}
            <p className="mt-3 text-sm">
              Choose it with your seats when you book a performance.{" "}
              <SiteLink href={routes.whatsOn} className="font-semibold text-brand underline-offset-4 hover:underline">
                Find a performance
              </SiteLink>
            </p>
          </div>
        </Section>
      );
    }
    case "subscription":
      // Spektrix's subscriptions page has no documented way to open one subscription, so the block names the
      // one picked and embeds the page that sells it (with the others on sale).
      return (
        <Section
          block={block}
          heading={block.heading ?? block.subscription.label}
          intro={block.intro}
          data={{ "subscription-id": block.subscription.id }}
        >
          <p className="mb-4 rounded-[var(--radius-card)] border border-line bg-white p-5">
            <span className="font-semibold">{block.subscription.label}</span>: choose it below to add it to your basket.
          </p>
          <SpektrixFlow flow="ticketSubscriptions" title={`Subscriptions: ${block.subscription.label}`} />
        </Section>
      );
    case "newsletter": {
      // The statements as Spektrix has them now, in the editor's order; none picked means every one.
      const list = await loadStatements();
      const items = list.ok ? list.items : [];
      const offered = block.statements.length
        ? block.statements.flatMap((ref) => items.filter((s) => s.id === ref.id))
        : items;
      const missing = list.ok
        ? (block.statements.find((ref) => !items.some((s) => s.id === ref.id))?.label ?? null)
        : null;
      return (
        <Section block={block} heading={block.heading ?? "Join our mailing list"} intro={block.intro}>
          {offered.length ? (
            <>
              {missing && (await isEditorView()) ? (
                <EditorNotice>
                  This newsletter block offers “{missing}”, which Spektrix no longer has; visitors see the rest.
                </EditorNotice>
              ) : null}
              <NewsletterBlock statements={offered.map((s) => ({ id: s.id, label: s.name, detail: s.text }))} />
            </>
          ) : (
            <Unavailable what="contact preference" missing={missing} />
          )}
        </Section>
      );
    }
    case "iframe":
      return (
        <Section block={block} data={{ flow: block.flow }}>
          <SpektrixFlow
            flow={block.flow}
            params={{ id: block.params.id ?? null, screen: block.params.screen ?? null }}
            title={block.title ?? undefined}
          />
        </Section>
      );
  }
}

export function PublishedBlocks({ blocks }: { blocks: Block[] }) {
  return (
    <div className="grid gap-12">
      {blocks.map((block, i) => (
        <BlockView key={i} block={block} />
      ))}
    </div>
  );
}
