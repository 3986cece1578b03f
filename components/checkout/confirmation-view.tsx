import { AccountLink } from "@/components/site/account-link-client";
import { SiteLink } from "@/components/site/site-link-client";
import type { ReactNode } from "react";
import { BasketReset } from "@/components/checkout/basket-reset-client";
import { CheckoutSteps } from "@/components/checkout/checkout-steps";
import { OrderSummary } from "@/components/checkout/order-summary";
import { CalendarIcon, CheckIcon } from "@/components/icons";
import type { Confirmation } from "@/lib/checkout/confirmation";
import { formatDate } from "@/lib/events/format";
import { routes } from "@/lib/routes";
import type { siteInfo } from "@/lib/site";
import { formatMoney } from "@/lib/spektrix-flows/money";

type Site = ReturnType<typeof siteInfo>;

/**
 * The page frame both outcomes share: at the end of a checkout, the basket badge cleared and the steps; a two-column
 * body on desktop. An order opened later leaves the member's basket (perhaps a new one) alone.
 */
function ConfirmationFrame({ children, endOfCheckout = true }: { children: ReactNode; endOfCheckout?: boolean }) {
  return (
    <div className="bg-paper-deep/40">
      {endOfCheckout ? <BasketReset /> : null}
      <div className="container-page py-10 md:py-14">
        {endOfCheckout ? <CheckoutSteps current="done" /> : null}
        {children}
      </div>
    </div>
  );
}

/** An order with no tickets has no bookings to view; the account holds its memberships and donations. */
function NextSteps({ hasTickets }: { hasTickets: boolean }) {
  return (
    <div className="mt-8 flex flex-wrap gap-3">
      <AccountLink className="btn btn-primary">{hasTickets ? "View my bookings" : "Go to my account"}</AccountLink>
      <SiteLink href={routes.whatsOn} className="btn btn-ghost text-brand">
        Find another show
      </SiteLink>
    </div>
  );
}

/** The member's own order, with a calendar file for each performance. */
export function ConfirmationView({
  confirmation,
  justPlaced,
  name,
  email,
  site,
}: {
  confirmation: Confirmation;
  /** The end of a checkout (lib/checkout/confirmation.ts isJustPlaced), not an order opened later. */
  justPlaced: boolean;
  name: string | null;
  email: string | null;
  site: Site;
}) {
  const placed = formatDate(confirmation.placedUtc, site.timeZone);
  // A donation, membership or shop order has no tickets: no "booked", no doors.
  const hasTickets = confirmation.performances.length > 0;
  // At the end of a checkout, thanks; an order opened later from the account is named, as its own page.
  const thanks = name ? `Thank you, ${name}.` : "Thank you.";
  const heading = justPlaced
    ? `${thanks} ${hasTickets ? "You’re booked." : "Your order is confirmed."}`
    : `${hasTickets ? "Your booking" : "Your order"} ${confirmation.reference}`;
  const inAccount = hasTickets ? "Your tickets are also in your account." : "Your order is also in your account.";
  const lead = justPlaced
    ? `We’ve e-mailed your confirmation${email ? ` to ${email}` : ""}. ${inAccount}`
    : hasTickets
      ? "Confirmed. Your tickets are in your account."
      : "Confirmed, and kept in your account.";
  return (
    <ConfirmationFrame endOfCheckout={justPlaced}>
      <div className="mt-8 grid grid-cols-1 gap-10 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.1fr)] lg:items-start">
        <section aria-labelledby="confirmed-heading">
          <span aria-hidden className="grid h-14 w-14 place-items-center rounded-full bg-success text-white">
            <CheckIcon />
          </span>
          <h1 id="confirmed-heading" className="mt-5 text-4xl font-semibold md:text-5xl">
            {heading}
          </h1>
          <p className="mt-4 text-lg text-ink-soft">{lead}</p>
          <dl className="mt-8 grid grid-cols-2 gap-4 rounded-card border border-line bg-white p-5">
            <div>
              <dt className="eyebrow text-ink-soft">Order reference</dt>
              <dd className="mt-1 font-display text-2xl font-semibold tabular-nums" data-testid="order-reference">
                {confirmation.reference}
              </dd>
            </div>
            {placed ? (
              <div>
                <dt className="eyebrow text-ink-soft">{hasTickets ? "Booked on" : "Ordered on"}</dt>
                <dd className="mt-1 text-lg">{placed}</dd>
              </div>
            ) : null}
            {confirmation.payments.length > 0 ? (
              <div className="col-span-2">
                <dt className="eyebrow text-ink-soft">Paid</dt>
                <dd className="mt-1">
                  <ul className="grid gap-0.5" data-testid="order-payments">
                    {confirmation.payments.map((p, i) => (
                      <li key={i} className="flex justify-between gap-4">
                        <span>{p.label}</span>
                        <span className="tabular-nums">{formatMoney(p.amount)}</span>
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
            ) : null}
            <div className="col-span-2">
              <dt className="eyebrow text-ink-soft">Order number</dt>
              <dd className="mt-1 break-all font-mono text-sm text-ink-soft" data-testid="order-id">
                {confirmation.orderId}
              </dd>
            </div>
          </dl>
          <p className="mt-6 text-sm text-ink-soft">
            Quote your order reference if you call the box office on {site.boxOffice.phone}.
            {hasTickets ? " Doors open 45 minutes before the performance." : null}
          </p>
          <NextSteps hasTickets={hasTickets} />
        </section>

        <OrderSummary
          heading={hasTickets ? "Your tickets" : "Your order"}
          performances={confirmation.performances}
          extras={confirmation.extras}
          total={confirmation.total}
          timeZone={site.timeZone}
          renderPerformanceActions={(p) =>
            p.startUtc ? (
              <a
                href={routes.confirmationCalendar(confirmation.orderId, p.performanceId)}
                className="inline-flex items-center gap-2 text-sm font-semibold text-brand underline-offset-4 hover:underline"
                aria-label={`Add to calendar: ${p.eventName} (.ics)`}
              >
                <CalendarIcon /> Add to calendar (.ics)
              </a>
            ) : null
          }
        />
      </div>
    </ConfirmationFrame>
  );
}

/**
 * Spektrix could not be read just now. The member has just paid, so this page must not read as a failure: it says
 * what we know, where the tickets will be, and offers to look again (a plain link, so it works without script).
 */
export function ConfirmationChecking({ orderId, site }: { orderId: string; site: Site }) {
  return (
    <ConfirmationFrame>
      <section aria-labelledby="checking-heading" className="mt-8 max-w-2xl" data-testid="confirmation-checking">
        <h1 id="checking-heading" className="text-4xl font-semibold md:text-5xl">
          We’re checking your order
        </h1>
        <p className="mt-4 text-lg text-ink-soft">
          We couldn’t reach our ticketing system to show your order just now. If your payment went through, your
          confirmation e-mail is on its way and your tickets are in your account. Please don’t pay again.
        </p>
        <p className="mt-4 text-sm text-ink-soft">
          Order number <span className="break-all font-mono">{orderId}</span>. If you’re unsure, call the box office on{" "}
          {site.boxOffice.phone}.
        </p>
        <div className="mt-8 flex flex-wrap gap-3">
          <a href={routes.confirmation(orderId)} className="btn btn-primary">
            Check again
          </a>
          <AccountLink className="btn btn-ghost text-brand">View my bookings</AccountLink>
        </div>
      </section>
    </ConfirmationFrame>
  );
}
