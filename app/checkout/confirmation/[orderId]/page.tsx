import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { BasketReset } from "@/components/checkout/basket-reset-client";
import { CheckoutSteps } from "@/components/checkout/checkout-steps";
import { OrderSummary } from "@/components/checkout/order-summary";
import { CalendarIcon, CheckIcon } from "@/components/icons";
import { getSiteSession } from "@/lib/auth/server";
import { greetingName } from "@/lib/auth/session";
import { accountService } from "@/lib/auth/services";
import { loadConfirmation } from "@/lib/checkout/confirmation";
import { formatDate } from "@/lib/checkout/format";
import { routes } from "@/lib/routes";
import { siteInfo } from "@/lib/site";

export const metadata: Metadata = { title: "Booking confirmed", robots: { index: false } };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ orderId: string }> };

export default async function ConfirmationPage({ params }: Props) {
  const { orderId } = await params;
  const session = await getSiteSession();
  if (!session) redirect(`${routes.login}?callbackUrl=${encodeURIComponent(routes.confirmation(orderId))}`);

  // Owner-mode read; another customer's order is "not found", exactly like a missing one.
  const confirmation = await loadConfirmation({ session, orderId }, accountService().owner);
  if (!confirmation) notFound();

  const site = siteInfo();
  const name = greetingName(session);
  const placed = formatDate(confirmation.placedUtc, site.timeZone);

  return (
    <div className="bg-paper-deep/40">
      <BasketReset />
      <div className="container-page py-10 md:py-14">
        <CheckoutSteps current="done" />
        <div className="mt-8 grid grid-cols-1 gap-10 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.1fr)] lg:items-start">
          <section aria-labelledby="confirmed-heading">
            <span aria-hidden className="grid h-14 w-14 place-items-center rounded-full bg-success text-white">
              <CheckIcon />
            </span>
            <h1 id="confirmed-heading" className="mt-5 text-4xl font-semibold md:text-5xl">
              {name ? `Thank you, ${name}.` : "Thank you."} You’re booked.
            </h1>
            <p className="mt-4 text-lg text-ink-soft">
              We’ve emailed your confirmation{session.email ? ` to ${session.email}` : ""}. Your tickets are also in
              your account.
            </p>
            <dl className="mt-8 grid grid-cols-2 gap-4 rounded-card border border-line bg-white p-5">
              <div>
                <dt className="eyebrow text-ink-soft">Order reference</dt>
                <dd className="mt-1 font-display text-2xl font-semibold tabular-nums" data-testid="order-reference">
                  {confirmation.reference}
                </dd>
              </div>
              {placed ? (
                <div>
                  <dt className="eyebrow text-ink-soft">Booked on</dt>
                  <dd className="mt-1 text-lg">{placed}</dd>
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
              Quote your order reference if you call the box office on {site.boxOffice.phone}. Doors open 45 minutes
              before the performance.
            </p>
            <div className="mt-8 flex flex-wrap gap-3">
              <Link href={routes.account} className="btn btn-primary">
                View my bookings
              </Link>
              <Link href={routes.whatsOn} className="btn btn-ghost text-brand">
                Find another show
              </Link>
            </div>
          </section>

          <OrderSummary
            heading="Your tickets"
            performances={confirmation.performances}
            extras={confirmation.extras}
            total={confirmation.total}
            timeZone={site.timeZone}
            renderPerformanceActions={(p) =>
              p.startUtc ? (
                <a
                  href={routes.confirmationCalendar(confirmation.orderId, p.performanceId)}
                  className="inline-flex items-center gap-2 text-sm font-semibold text-brand underline-offset-4 hover:underline"
                >
                  <CalendarIcon /> Add to calendar<span className="sr-only"> : {p.eventName}</span> (.ics)
                </a>
              ) : null
            }
          />
        </div>
      </div>
    </div>
  );
}
