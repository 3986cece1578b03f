"use client";

/**
 * The basket, read from Spektrix in the browser (web mode, the visitor's own session cookie) with React
 * Query: tickets grouped by performance, then donations, memberships, gift vouchers and shop items; remove
 * items, apply a promo code, see totals, and go on to the member checkout or the guest checkout.
 */
import { SiteLink } from "@/components/site/site-link-client";
import { BusyButton } from "@/components/site/busy-button-client";
import { focusIsLost } from "@/components/site/focus";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { groupTickets, ticketLines } from "@/lib/basket/lines";
import type { Basket, BasketTicket } from "@/lib/spektrix";
import { formatLocalDay, formatLocalPerformanceTime } from "@/lib/events/format";
import { describeSpektrixError } from "@/lib/spektrix/errors";
import type { RemovableKind } from "@/lib/spektrix/web-basket";
import { removeFromWebBasket } from "@/lib/spektrix/load";
import type { BasketLabels, PerformanceLabel } from "@/lib/spektrix-flows/basket-labels";
import { formatMoney } from "@/lib/spektrix-flows/money";
import { announceBasketChange } from "@/components/spektrix/basket-events";
import { ClockIcon } from "@/components/icons";
import { PromoCode } from "./promo-code-client";
import { BoxOfficeNotice } from "@/components/spektrix/box-office-notice";
import {
  basketItemCount,
  useBasketWorthAsking,
  useHydrated,
  useSpektrix,
  useSpektrixWebClient,
} from "@/components/spektrix/spektrix-loader-client";
import {
  basketQueryKey,
  LiveQueries,
  useBasketReadContext,
  useSpektrixBasket,
} from "@/components/spektrix/live-queries-client";
import { routes } from "@/lib/routes";
import { countOf } from "@/lib/text/count";
import { tellApart } from "@/lib/text/tell-apart";
import { asSentence } from "@/lib/text/sentence";

export interface BasketPaths {
  checkout: string;
  guestCheckout: string;
  login: string;
  whatsOn: string;
  support: string;
  membership: string;
  shop: string;
  giftVouchers: string;
  /** An event page path with `{slug}` where the slug goes (functions cannot cross to client components). */
  eventTemplate: string;
}

const eventHref = (template: string, slug: string) => template.replace("{slug}", encodeURIComponent(slug));

/** What the last change on this page said, in the status region. */
type BasketNotice = { kind: "ok" | "error"; text: string } | null;

const EMPTY_LABELS: BasketLabels = { performances: {}, ticketTypes: {}, funds: {}, memberships: {}, merchandise: {} };

function useLabels(basket: Basket | null | undefined) {
  const performanceIds = useMemo(
    () => [...new Set((basket?.tickets ?? []).map((t) => t.performanceId))].sort(),
    [basket],
  );
  return useQuery({
    queryKey: ["basket-labels", performanceIds],
    queryFn: async ({ signal }): Promise<BasketLabels> => {
      const res = await fetch(routes.basketLabels(performanceIds), { signal });
      if (!res.ok) throw new Error(`labels ${res.status}`);
      return (await res.json()) as BasketLabels;
    },
    enabled: basket !== undefined,
    staleTime: 5 * 60_000,
    placeholderData: (previous) => previous,
  });
}

/**
 * `likelyEmpty`: the server saw no sign of a basket in this browser's cookies (lib/basket/hint.ts), so the page
 * is drawn empty from its first paint rather than as a placeholder waiting for JavaScript and a read. The read
 * still happens, and a basket it finds replaces the empty state.
 */
export function BasketView(props: { paths: BasketPaths; likelyEmpty?: boolean }) {
  return (
    <LiveQueries>
      <BasketContents {...props} />
    </LiveQueries>
  );
}

function BasketContents({ paths, likelyEmpty = false }: { paths: BasketPaths; likelyEmpty?: boolean }) {
  const { config, boxOffice } = useSpektrix();
  const basket = useSpektrixBasket();
  const released = useBasketReadContext()?.released === true;
  const [removedHere, setRemovedHere] = useState(false);
  const hydrated = useHydrated();
  const worthAsking = useBasketWorthAsking();
  const labels = useLabels(basket.data);
  const client = useSpektrixWebClient();
  const queryClient = useQueryClient();
  const statusId = useId();
  const [notice, setNotice] = useState<BasketNotice>(null);

  const afterChange = async () => {
    await queryClient.invalidateQueries({ queryKey: basketQueryKey });
    // Say how many items are left, so emptying the basket here clears the "has a basket" hint rather than
    // setting it again (and a later visit does not take the emptied basket for one Spektrix released).
    const fresh = queryClient.getQueryData<typeof basket.data>(basketQueryKey);
    announceBasketChange({ source: "basket-page", itemCount: fresh === undefined ? null : basketItemCount(fresh) });
  };

  const remove = useMutation({
    mutationFn: ({ kind, ids }: { kind: RemovableKind; ids: string[]; label: string }) =>
      removeFromWebBasket({ baseUrl: config.baseUrl, clientName: config.clientName }, kind, ids),
    onSuccess: async (_data, vars) => {
      setRemovedHere(true);
      setNotice({ kind: "ok", text: asSentence(`Removed ${vars.label}`) });
      await afterChange();
    },
    onError: (error, vars) =>
      setNotice({
        kind: "error",
        text: `${asSentence(`We couldn’t remove ${vars.label}`)} ${describeSpektrixError(error).message}`,
      }),
  });

  // A focused Remove button whose line the removal took away: once the new basket is drawn, keyboard focus goes to
  // the message that says what was removed, not back to the top of the page. Only a button that had focus (a tap or
  // a click in Safari focuses nothing, and must not scroll the page to the message).
  const pressedWithFocus = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (remove.isPending) return;
    const pressed = pressedWithFocus.current;
    pressedWithFocus.current = null;
    if (pressed && !pressed.isConnected && focusIsLost()) document.getElementById(statusId)?.focus();
  }, [remove.isPending, basket.data, statusId]);

  if (!hydrated || basket.isPending) {
    // The server's "empty" holds until the read answers only while this browser's cookies still agree with it: a
    // page reused from the router's cache, or a basket started in another tab since, waits as a placeholder.
    if (likelyEmpty && (!hydrated || worthAsking === false))
      return <EmptyBasket paths={paths} released={false} notice={null} statusId={statusId} />;
    return (
      <div role="status" aria-live="polite" className="space-y-4">
        <span className="sr-only">Loading your basket…</span>
        {[0, 1].map((i) => (
          <div
            key={i}
            aria-hidden
            className="h-32 animate-pulse rounded-[var(--radius-card)] bg-paper-deep motion-reduce:animate-none"
          />
        ))}
      </div>
    );
  }

  if (basket.isError) {
    return (
      <div className="space-y-4">
        <BoxOfficeNotice boxOffice={boxOffice} title="We can’t show your basket right now">
          The box office system isn’t answering. Anything you added is still held for you; please try again in a moment.
        </BoxOfficeNotice>
        <button type="button" className="btn btn-ghost text-brand" onClick={() => void basket.refetch()}>
          Try again
        </button>
      </div>
    );
  }

  const data = basket.data;
  const count = basketItemCount(data);
  const l = labels.data ?? EMPTY_LABELS;
  const busy = remove.isPending;

  if (!data || count === 0) {
    return <EmptyBasket paths={paths} released={released && !removedHere} notice={notice} statusId={statusId} />;
  }

  const groups = groupTickets(data.tickets);
  const groupLabels = groups.map((g) => l.performances[g.performanceId]);
  const merchGroups = [
    ...new Map(
      data.merchandise.map((m) => [
        m.stockItemId ?? m.id,
        data.merchandise.filter((x) => (x.stockItemId ?? x.id) === (m.stockItemId ?? m.id)),
      ]),
    ).entries(),
  ];
  const apart = wordsApart(data, l, groupLabels, merchGroups);
  const removeButton = (kind: RemovableKind, ids: string[], label: string, text = "Remove") => (
    <BusyButton
      busy={busy}
      onClick={(event) => {
        pressedWithFocus.current = document.activeElement === event.currentTarget ? event.currentTarget : null;
        remove.mutate({ kind, ids, label });
      }}
      aria-label={`Remove ${label}`}
      className="rounded-full px-3 py-1.5 text-sm font-semibold text-brand underline underline-offset-2 hover:bg-brand-tint aria-disabled:opacity-50"
    >
      {text}
    </BusyButton>
  );

  return (
    <div className="grid grid-cols-1 gap-10 lg:grid-cols-[minmax(0,2fr)_minmax(18rem,1fr)]">
      <div className="space-y-8">
        <Notice id={statusId} notice={notice} />
        {data.tickets.length > 0 && (
          <p className="flex gap-3 rounded-lg border border-gold/50 bg-gold-tint p-4 text-sm text-ink">
            <ClockIcon className="mt-0.5 shrink-0 text-warning" />
            <span>
              <strong>Your tickets are held for a limited time.</strong> If you don’t check out soon, the basket expires
              and the tickets are released to other customers.
            </span>
          </p>
        )}

        {groups.length > 0 && (
          <Section title="Tickets">
            {groups.map((g, i) => (
              <PerformanceGroup
                key={g.performanceId}
                label={groupLabels[i]}
                apart={apart.groups[i]!}
                ticketTypes={l.ticketTypes}
                tickets={g.tickets}
                paths={paths}
                removeButton={removeButton}
              />
            ))}
          </Section>
        )}

        {data.donations.length > 0 && (
          <Section title="Donations">
            <ul className="divide-y divide-line rounded-[var(--radius-card)] border border-line bg-white">
              {data.donations.map((d, i) => {
                const name = fundName(d, l);
                return (
                  <Line key={d.id} title={name} detail="Thank you for your support" amount={d.amount}>
                    {removeButton(
                      "donations",
                      [d.id],
                      `your ${formatMoney(d.amount)} donation to ${name}${apart.donations[i]}`,
                    )}
                  </Line>
                );
              })}
            </ul>
          </Section>
        )}

        {data.memberships.length > 0 && (
          <Section title="Memberships">
            <ul className="divide-y divide-line rounded-[var(--radius-card)] border border-line bg-white">
              {data.memberships.map((m, i) => {
                const name = membershipName(m, l);
                return (
                  <Line
                    key={m.id}
                    title={`${name} membership`}
                    detail={m.autoRenew ? "Renews automatically each year" : "One year, no automatic renewal"}
                    amount={m.total}
                  >
                    {removeButton("memberships", [m.id], `${name} membership${apart.memberships[i]}`)}
                  </Line>
                );
              })}
            </ul>
          </Section>
        )}

        {data.giftVouchers.length > 0 && (
          <Section title="Gift vouchers">
            <ul className="divide-y divide-line rounded-[var(--radius-card)] border border-line bg-white">
              {data.giftVouchers.map((g, i) => (
                <Line
                  key={g.id}
                  title={`Gift voucher${g.toName ? ` for ${g.toName}` : ""}`}
                  detail={
                    g.deliveryType === "OtherEmail" && g.deliveryEmailAddress
                      ? `E-mailed to ${g.deliveryEmailAddress}${g.sendDate ? ` on ${formatLocalDay(g.sendDate)}` : ""}`
                      : "E-mailed to you"
                  }
                  amount={g.amount}
                >
                  {removeButton(
                    "giftVouchers",
                    [g.id],
                    `the ${formatMoney(g.amount)} gift voucher${apart.vouchers[i]}`,
                  )}
                </Line>
              ))}
            </ul>
          </Section>
        )}

        {data.subscriptions.length > 0 && (
          <Section title="Subscriptions">
            <ul className="divide-y divide-line rounded-[var(--radius-card)] border border-line bg-white">
              {data.subscriptions.map((s, i) => (
                <Line key={s.id} title={s.name ?? "Subscription"} detail={s.pricingSetName ?? ""} amount={s.price}>
                  {removeButton("subscriptions", [s.id], `the ${s.name ?? "subscription"}${apart.subscriptions[i]}`)}
                </Line>
              ))}
            </ul>
          </Section>
        )}

        {merchGroups.length > 0 && (
          <Section title="Shop">
            <ul className="divide-y divide-line rounded-[var(--radius-card)] border border-line bg-white">
              {merchGroups.map(([key, items], i) => {
                const name = merchName(key, l);
                const named = `${name}${apart.merchandise[i]}`; // for its buttons
                const total = items.reduce((sum, i) => sum + i.total, 0);
                return (
                  <Line
                    key={key}
                    title={`${items.length} × ${name}`}
                    detail={`${formatMoney(items[0]?.price ?? 0)} each`}
                    amount={total}
                  >
                    {items.length > 1 && removeButton("merchandise", [items[0]!.id], `one ${named}`, "Remove one")}
                    {removeButton(
                      "merchandise",
                      items.map((i) => i.id),
                      items.length > 1 ? `all ${items.length} × ${named}` : named,
                      items.length > 1 ? "Remove all" : "Remove",
                    )}
                  </Line>
                );
              })}
            </ul>
          </Section>
        )}
      </div>

      <aside
        aria-labelledby="summary-heading"
        className="h-fit space-y-5 rounded-[var(--radius-card)] border border-line bg-white p-6 shadow-sm lg:sticky lg:top-28"
      >
        <h2 id="summary-heading" className="text-2xl font-semibold">
          Summary
        </h2>
        <PromoCode
          basket={data}
          applyCode={async (code) => (await client()).applyPromoCode(code)}
          removeCode={async () => (await client()).removePromoCode()}
          onChanged={afterChange}
        />
        <dl className="space-y-2 border-t border-line pt-4 tabular-nums">
          <div className="flex justify-between text-ink-soft">
            <dt>{countOf(count, "item")}</dt>
            <dd>{formatMoney(data.total + data.totalDiscount)}</dd>
          </div>
          {data.totalDiscount > 0 && (
            <div className="flex justify-between text-success">
              <dt>Discounts</dt>
              <dd>−{formatMoney(data.totalDiscount)}</dd>
            </div>
          )}
          <div className="flex justify-between border-t border-line pt-3 text-xl font-semibold">
            <dt>Total</dt>
            <dd data-testid="basket-total">{formatMoney(data.total)}</dd>
          </div>
        </dl>
        <p className="text-xs text-ink-soft">Any booking or delivery fees are shown at checkout.</p>
        {data.customerId ? (
          <SiteLink href={paths.checkout} className="btn btn-primary w-full">
            Checkout
          </SiteLink>
        ) : (
          <div className="space-y-3">
            <SiteLink
              href={routes.signInThen(paths.checkout, { login: paths.login })}
              className="btn btn-primary w-full"
            >
              Sign in and check out
            </SiteLink>
            <SiteLink href={paths.guestCheckout} className="btn btn-ghost w-full text-brand">
              New customer checkout
            </SiteLink>
            <p className="text-xs text-ink-soft">Members sign in for their discounts and saved details.</p>
          </div>
        )}
      </aside>
    </div>
  );
}

const fundName = (d: Basket["donations"][number], l: BasketLabels) => (d.fundId && l.funds[d.fundId]) || "Donation";
const merchName = (stockItemId: string, l: BasketLabels) => l.merchandise[stockItemId] ?? "Shop item";
const membershipName = (m: Basket["memberships"][number], l: BasketLabels) =>
  (m.membershipId && l.memberships[m.membershipId]) || "Membership";

/**
 * Words that tell apart remove buttons whose names would otherwise be the same (lib/text/tell-apart.ts): two dates
 * of one show by date, then venue; two memberships of one kind by renewal; two gift vouchers of one amount by whom
 * they are for; the rest by number.
 */
function wordsApart(
  data: Basket,
  l: BasketLabels,
  groupLabels: (PerformanceLabel | undefined)[],
  merchGroups: [string, Basket["merchandise"]][],
) {
  const { memberships, giftVouchers } = data;
  return {
    groups: tellApart(
      groupLabels.map((label) => label?.title ?? "Tickets"),
      (i) => {
        const when = formatLocalPerformanceTime(groupLabels[i]?.startLocal);
        return when && `, ${when}`;
      },
      (i) => groupLabels[i]?.venue && ` at ${groupLabels[i]?.venue}`,
    ),
    // Each from the words its button shows, so that names alike on screen are alike here.
    donations: tellApart(data.donations.map((d) => `${formatMoney(d.amount)} ${fundName(d, l)}`)),
    memberships: tellApart(
      memberships.map((m) => membershipName(m, l)),
      (i) => memberships[i]!.autoRenew && ", renewing automatically",
    ),
    vouchers: tellApart(
      giftVouchers.map((g) => formatMoney(g.amount)),
      (i) => giftVouchers[i]!.toName && ` for ${giftVouchers[i]!.toName}`,
      (i) => giftVouchers[i]!.deliveryEmailAddress && ` to ${giftVouchers[i]!.deliveryEmailAddress}`,
    ),
    subscriptions: tellApart(data.subscriptions.map((s) => s.name ?? "subscription")),
    merchandise: tellApart(
      merchGroups.map(([key]) => merchName(key, l)),
      (i) => ` at ${formatMoney(merchGroups[i]![1][0]?.price ?? 0)}`,
    ),
  };
}

function Notice({ id, notice, className = "" }: { id: string; notice: BasketNotice; className?: string }) {
  return (
    // Focusable from script only: where focus goes when the button that made the change is gone.
    <div id={id} role="status" aria-live="polite" tabIndex={-1} className={`empty:hidden ${className}`}>
      {notice && (
        <p
          className={`rounded-lg border-l-4 bg-white p-3 ${notice.kind === "ok" ? "border-success text-ink" : "border-danger text-danger"}`}
        >
          {notice.text}
        </p>
      )}
    </div>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section aria-label={title} className="space-y-3">
      <h2 className="text-2xl font-semibold">{title}</h2>
      {children}
    </section>
  );
}

function Line({
  title,
  detail,
  amount,
  children,
}: {
  title: string;
  detail?: string;
  amount: number;
  children?: React.ReactNode;
}) {
  return (
    <li className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 p-4">
      <div className="min-w-0">
        <p className="font-semibold text-ink">{title}</p>
        {detail && <p className="text-sm text-ink-soft">{detail}</p>}
      </div>
      {/* On the right whether or not it wraps below the title, so prices stay in one column on a phone. */}
      <div className="ml-auto flex items-center gap-2">
        <span className="font-semibold tabular-nums">{formatMoney(amount)}</span>
        {children}
      </div>
    </li>
  );
}

function PerformanceGroup({
  label,
  apart,
  ticketTypes,
  tickets,
  paths,
  removeButton,
}: {
  label: PerformanceLabel | undefined;
  /** Words that tell this show's buttons from another group's of the same title (its date, its venue). */
  apart: string;
  ticketTypes: Record<string, string>;
  tickets: BasketTicket[];
  paths: BasketPaths;
  removeButton: (kind: RemovableKind, ids: string[], label: string, text?: string) => React.ReactNode;
}) {
  const title = label?.title ?? "Tickets";
  const when = formatLocalPerformanceTime(label?.startLocal);
  const subtotal = tickets.reduce((sum, t) => sum + t.total, 0);
  const lines = ticketLines(tickets);
  const forTitle = `${title}${apart}`;
  const typeOf = (t: BasketTicket) => (t.ticketTypeId ? ticketTypes[t.ticketTypeId] : undefined);
  const placeOf = (t: BasketTicket) => t.seatName ?? t.planName ?? "General admission";
  // Lines alike in type and place differ in price band: the price tells their buttons apart.
  // What a line's buttons say it is: "adult ticket in seat A1", "adult ticket (General admission)".
  const lineWords = (t: BasketTicket) => {
    const type = typeOf(t);
    return `${type ? `${type.toLowerCase()} ticket` : "ticket"}${t.seatName ? ` in seat ${t.seatName}` : ` (${placeOf(t)})`}`;
  };
  const linesApart = tellApart(
    lines.map(({ ticket: t }) => lineWords(t)),
    (i) => ` at ${formatMoney(lines[i]!.ticket.total)}`,
  );
  return (
    <article className="overflow-hidden rounded-[var(--radius-card)] border border-line bg-white">
      <header className="flex flex-wrap items-baseline justify-between gap-2 border-b border-line bg-paper-deep/60 px-4 py-3">
        <div>
          <h3 className="text-xl font-semibold">
            {label?.slug ? (
              <SiteLink href={eventHref(paths.eventTemplate, label.slug)} className="hover:text-brand hover:underline">
                {title}
              </SiteLink>
            ) : (
              title
            )}
          </h3>
          {(when || label?.venue) && (
            <p className="text-sm text-ink-soft">{[when, label?.venue].filter(Boolean).join(" · ")}</p>
          )}
        </div>
        {tickets.length > 1 &&
          removeButton(
            "tickets",
            tickets.map((t) => t.id),
            `all ${tickets.length} tickets for ${forTitle}`,
            "Remove all",
          )}
      </header>
      <ul className="divide-y divide-line">
        {lines.map(({ ids, ticket: t, total }, i) => {
          const seat = t.seatName ? `Seat ${t.seatName}` : placeOf(t);
          const type = typeOf(t);
          const what = type ? `${type} · ${seat}` : seat;
          const price = t.discount > 0 ? `${formatMoney(t.price)} less ${formatMoney(t.discount)} discount` : null;
          // What a button removes, for its name and the notice after: "adult ticket in seat A1 for Tosca", "adult
          // ticket (General admission) for Tosca", "adult ticket (Stalls) at $30.00 for Tosca, Sat 12 Dec, 7.30pm".
          const ticket = type ? `${type.toLowerCase()} ticket` : "ticket";
          const which = (count: string, noun: string) =>
            `${count}${noun}${t.seatName ? ` in seat ${t.seatName}` : ` (${seat})`}${linesApart[i]} for ${forTitle}`;
          if (ids.length === 1)
            return (
              <Line key={t.id} title={what} detail={price ?? undefined} amount={total}>
                {removeButton("tickets", ids, which("", ticket))}
              </Line>
            );
          // Alike tickets without seats: one line, counted. "Remove one" takes the last away; the line's own "Remove
          // all" is there only when the show has other lines too (the header's removes every line of the show).
          return (
            <Line
              key={t.id}
              title={`${ids.length} × ${what}`}
              detail={`${price ?? formatMoney(t.price)} each`}
              amount={total}
            >
              {removeButton("tickets", ids.slice(-1), which("one ", ticket), "Remove one")}
              {lines.length > 1 &&
                removeButton("tickets", ids, which(`all ${ids.length} `, `${ticket}s`), "Remove all")}
            </Line>
          );
        })}
      </ul>
      <p className="flex justify-between border-t border-line px-4 py-2.5 text-sm text-ink-soft tabular-nums">
        <span>{countOf(tickets.length, "ticket")}</span>
        <span>{formatMoney(subtotal)}</span>
      </p>
    </article>
  );
}

function EmptyBasket({
  paths,
  released,
  notice,
  statusId,
}: {
  paths: BasketPaths;
  released: boolean;
  notice: BasketNotice;
  statusId: string;
}) {
  return (
    <div className="rounded-[var(--radius-card)] border border-line bg-white/70 p-8 text-center md:p-12">
      <p className="font-display text-2xl font-semibold">Your basket is empty</p>
      {released ? (
        // Said with care: an iframe can empty the basket without saying why, so "expired" may not be the cause.
        <p className="mx-auto mt-2 max-w-prose text-ink-soft" data-testid="basket-released">
          We hold tickets for a limited time. If you chose some earlier, they have probably been released, and they may
          still be available: choose them again.
        </p>
      ) : (
        <p className="mt-2 text-ink-soft">Find a show, support the theatre, or pick up a gift.</p>
      )}
      {/* Before the links: focus lands here once the last line is removed, and the next Tab goes on to them. */}
      <Notice id={statusId} notice={notice} className="mx-auto mt-4 max-w-prose text-left" />
      <div className="mt-6 flex flex-wrap justify-center gap-3">
        <SiteLink href={paths.whatsOn} className="btn btn-primary">
          See what’s on
        </SiteLink>
        <SiteLink href={paths.membership} className="btn btn-ghost text-brand">
          Membership
        </SiteLink>
        <SiteLink href={paths.giftVouchers} className="btn btn-ghost text-brand">
          Gift vouchers
        </SiteLink>
      </div>
    </div>
  );
}
