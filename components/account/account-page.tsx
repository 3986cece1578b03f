import { SiteLink } from "@/components/site/site-link-client";
import { SignOutButton } from "@/components/auth/sign-out-button-client";
import { PerformanceTickets } from "@/components/checkout/performance-tickets";
import type { AccountView } from "@/lib/auth/account-view";
import { formatAddress } from "@/lib/checkout/format";
import { formatDate, formatPerformanceTime } from "@/lib/events/format";
import { routes } from "@/lib/routes";
import type { siteInfo } from "@/lib/site";
import { formatMoney } from "@/lib/spektrix-flows/money";
import { localToUtc } from "@/lib/time/zone";

/** The signed-in customer's account: memberships, upcoming performances, recent orders, details and addresses. */
export function AccountPageView({
  view,
  name,
  site,
  spektrix,
}: {
  view: AccountView;
  name: string | null | undefined;
  site: ReturnType<typeof siteInfo>;
  spektrix: { baseUrl: string; clientName: string };
}) {
  const { customer } = view;
  return (
    <div>
      <section className="bg-stage text-paper">
        <div className="container-page flex flex-wrap items-end justify-between gap-6 py-12 md:py-16">
          <div>
            <p className="eyebrow text-gold">My account</p>
            <h1 className="mt-3 text-4xl font-semibold md:text-5xl">{name ? `Hello, ${name}` : "Hello"}</h1>
            {view.memberships.length > 0 ? (
              <p className="mt-3 inline-flex items-center gap-2 rounded-full bg-gold/20 px-3 py-1 text-sm font-semibold text-paper">
                <span aria-hidden>★</span> {view.memberships.map((m) => m.name).join(" · ")} member
              </p>
            ) : (
              <p className="mt-3 text-paper/80">Thanks for booking with {site.name}.</p>
            )}
          </div>
          <div className="flex flex-wrap gap-3">
            {view.memberships.length > 0 ? (
              <SiteLink href={routes.members} className="btn bg-gold text-stage hover:bg-gold/90">
                Members’ area
              </SiteLink>
            ) : null}
            <SignOutButton
              spektrix={{ baseUrl: spektrix.baseUrl, clientName: spektrix.clientName }}
              className="btn btn-ghost text-paper"
            />
          </div>
        </div>
      </section>

      <div className="container-page grid grid-cols-1 gap-10 py-12 lg:grid-cols-[minmax(0,1.6fr)_minmax(0,1fr)] lg:gap-14">
        <div className="space-y-12">
          <section aria-labelledby="upcoming-heading">
            <h2 id="upcoming-heading" className="text-3xl font-semibold">
              Upcoming performances
            </h2>
            {view.upcoming === null ? (
              <Unavailable what="your bookings" phone={site.boxOffice.phone} />
            ) : view.upcoming.length === 0 ? (
              <div className="mt-5 rounded-card border border-dashed border-line p-6">
                <p className="text-ink-soft">You have no upcoming performances booked.</p>
                <SiteLink href={routes.whatsOn} className="btn btn-primary mt-4">
                  See what’s on
                </SiteLink>
              </div>
            ) : (
              <ul className="mt-5 space-y-4">
                {view.upcoming.map((p) => (
                  <li key={`${p.orderId}-${p.performanceId}`} className="rounded-card border border-line bg-white p-5">
                    <div className="flex flex-wrap items-start justify-between gap-3">
                      <PerformanceTickets
                        eventName={p.eventName}
                        when={formatPerformanceTime(p.startUtc, site.timeZone)}
                        tickets={p.tickets}
                        size="booking"
                      />
                      <a
                        href={routes.confirmationCalendar(p.orderId, p.performanceId)}
                        className="text-sm font-semibold text-brand underline-offset-4 hover:underline"
                        aria-label={`Add to calendar: ${p.eventName}`}
                      >
                        Add to calendar
                      </a>
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section aria-labelledby="orders-heading">
            <h2 id="orders-heading" className="text-3xl font-semibold">
              Recent orders
            </h2>
            {view.orders === null ? (
              <Unavailable what="your orders" phone={site.boxOffice.phone} />
            ) : view.orders.length === 0 ? (
              <p className="mt-4 text-ink-soft">No orders yet.</p>
            ) : (
              // A list rather than a table: four columns do not fit a phone, and each order reads as one line.
              <ul
                aria-label="Your recent orders"
                data-testid="recent-orders"
                className="mt-5 divide-y divide-line rounded-card border border-line bg-white"
              >
                {view.orders.map((o) => (
                  <li key={o.id} className="flex items-start justify-between gap-4 px-4 py-3 sm:px-5">
                    <div className="min-w-0">
                      <SiteLink
                        href={routes.confirmation(o.id)}
                        className="font-semibold text-brand underline-offset-4 hover:underline"
                      >
                        Order {o.reference}
                      </SiteLink>
                      <p className="mt-0.5 text-sm text-ink-soft">
                        {[formatDate(o.placedUtc, site.timeZone), o.items].filter(Boolean).join(" · ") || "—"}
                      </p>
                    </div>
                    <p className="shrink-0 font-semibold tabular-nums">{formatMoney(o.total)}</p>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>

        <aside className="space-y-8">
          <section aria-labelledby="membership-heading" className="rounded-card border border-line bg-white p-6">
            <h2 id="membership-heading" className="text-2xl font-semibold">
              Membership
            </h2>
            {view.memberships.length === 0 ? (
              <>
                <p className="mt-3 text-ink-soft">Members get priority booking and save on tickets all year.</p>
                <SiteLink href={routes.membership} className="btn btn-primary mt-4">
                  Become a member
                </SiteLink>
              </>
            ) : (
              <ul className="mt-4 space-y-3">
                {view.memberships.map((m) => (
                  <li key={m.id} className="rounded-lg bg-brand-tint/50 p-4">
                    <p className="font-semibold">{m.name}</p>
                    <p className="mt-1 text-sm text-ink-soft">
                      {m.expiryDate
                        ? `Valid until ${formatDate(localToUtc(m.expiryDate, site.timeZone)?.toISOString() ?? null, site.timeZone) ?? m.expiryDate.slice(0, 10)}`
                        : "Current"}
                      {m.autoRenew ? " · renews automatically" : ""}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section aria-labelledby="details-heading" className="rounded-card border border-line bg-white p-6">
            <h2 id="details-heading" className="text-2xl font-semibold">
              Your details
            </h2>
            <dl className="mt-4 space-y-3 text-sm">
              <Detail
                label="Name"
                value={
                  [customer.title, customer.firstName, customer.lastName].filter(Boolean).join(" ") || customer.name
                }
              />
              <Detail label="E-mail" value={customer.email} />
              <Detail label="Phone" value={customer.mobile ?? customer.phone} />
            </dl>
          </section>

          <section aria-labelledby="addresses-heading" className="rounded-card border border-line bg-white p-6">
            <h2 id="addresses-heading" className="text-2xl font-semibold">
              Addresses
            </h2>
            {view.addresses.length === 0 ? (
              <p className="mt-3 text-sm text-ink-soft">No addresses saved.</p>
            ) : (
              <ul className="mt-4 space-y-3 text-sm">
                {view.addresses.map((a) => (
                  <li key={a.id}>
                    <p>{formatAddress(a)}</p>
                    <p className="mt-0.5 text-xs font-semibold uppercase tracking-wide text-ink-soft">
                      {[a.isBilling ? "Billing" : null, a.isDelivery ? "Delivery" : null].filter(Boolean).join(" · ") ||
                        "Saved"}
                    </p>
                  </li>
                ))}
              </ul>
            )}
            <SiteLink
              href={routes.accountManage}
              className="mt-5 inline-block text-sm font-semibold text-brand underline-offset-4 hover:underline"
            >
              Change details, password or saved cards
            </SiteLink>
          </section>
        </aside>
      </div>
    </div>
  );
}
function Detail({ label, value }: { label: string; value: string | null | undefined }) {
  return (
    <div>
      <dt className="text-ink-soft">{label}</dt>
      <dd className="font-medium text-ink">{value || "—"}</dd>
    </div>
  );
}

function Unavailable({ what, phone }: { what: string; phone: string }) {
  return (
    <p role="status" className="mt-4 rounded-card border border-line bg-paper-deep/50 p-5 text-ink-soft">
      We can’t show {what} right now. Please try again shortly, or call the box office on {phone}.
    </p>
  );
}
