import { SiteLink } from "@/components/site/site-link-client";
import { AccountLink } from "@/components/site/account-link-client";
import { BASKET_GONE } from "@/components/checkout/basket-gone";
import { SignOutButton } from "@/components/auth/sign-out-button-client";
import { BasketLocator } from "@/components/checkout/basket-locator-client";
import { CheckoutPayment, type CheckoutPaymentProps } from "@/components/checkout/checkout-payment-client";
import { CheckoutSteps } from "@/components/checkout/checkout-steps";
import { OrderSummary } from "@/components/checkout/order-summary";
import type { CheckoutView } from "@/lib/checkout/checkout-view";
import type { JoinAndSaveOffer } from "@/lib/checkout/join-and-save";
import { formatAddress } from "@/lib/checkout/format";
import { routes } from "@/lib/routes";
import type { siteInfo } from "@/lib/site";

/** The member checkout's states (the route picks one), each inside the same shell: steps, heading, who is signed in. */

type SpektrixConnection = { baseUrl: string; clientName: string };
/** The pages the studio may move (Connection); the route registry gives their defaults. */
type PagePaths = { basket: string; checkout: string; guestCheckout: string };
type ReadyView = Extract<CheckoutView, { kind: "ready" }>;

/** Signed in, but the page does not know the basket yet: the browser finds it and comes back with its id. */
export function CheckoutFindBasket({ spektrix, paths }: { spektrix: SpektrixConnection; paths: PagePaths }) {
  return (
    <CheckoutShell>
      <div className="max-w-2xl">
        <BasketLocator
          spektrix={{ baseUrl: spektrix.baseUrl, clientName: spektrix.clientName }}
          checkoutPath={paths.checkout}
          whatsOnPath={routes.whatsOn}
          basketPath={paths.basket}
        />
      </div>
    </CheckoutShell>
  );
}

/**
 * The basket cannot be paid for: no longer open (released or paid), empty, or not linked to this customer; or
 * Spektrix did not answer, when the page says so in its own frame with a way to ask again.
 */
export function CheckoutUnavailable({
  kind,
  spektrix,
  paths,
  site,
  retryHref,
}: {
  kind: Exclude<CheckoutView["kind"], "ready"> | "unavailable";
  spektrix: SpektrixConnection;
  paths: PagePaths;
  site: ReturnType<typeof siteInfo>;
  /** This page for this basket, to try again. */
  retryHref: string;
}) {
  const copy = {
    gone: BASKET_GONE,
    empty: {
      title: "Your basket is empty",
      body: "Choose a performance and add some tickets, then come back here to pay.",
    },
    "not-yours": {
      title: "Your basket isn’t linked to your account",
      body: "Your box office session on this device has timed out or belongs to someone else. Sign out and in again to link your basket, then check out.",
    },
    unavailable: {
      title: "We can’t show your order just now",
      body: `Our ticketing system isn’t answering at the moment. You are still signed in, and if you have just paid, your booking will appear in your account. Please try again in a few minutes, or call the box office on ${site.boxOffice.phone} (${site.boxOffice.hours}).`,
    },
  }[kind];
  return (
    <CheckoutShell>
      <div role="status" className="max-w-2xl rounded-card border border-line bg-white p-6 md:p-8">
        <h2 className="text-2xl font-semibold">{copy.title}</h2>
        <p className="mt-2 text-ink-soft">{copy.body}</p>
        <div className="mt-5 flex flex-wrap gap-3">
          {kind === "not-yours" ? (
            <SignOutButton
              spektrix={{ baseUrl: spektrix.baseUrl, clientName: spektrix.clientName }}
              callbackUrl={routes.signInThen(paths.checkout)}
              className="btn btn-primary"
            >
              Sign out and in again
            </SignOutButton>
          ) : kind === "unavailable" ? (
            // A plain link, not client navigation: the point is a fresh request to the server.
            <a href={retryHref} className="btn btn-primary">
              Try again
            </a>
          ) : (
            <SiteLink href={kind === "empty" ? routes.whatsOn : paths.basket} className="btn btn-primary">
              {kind === "empty" ? "See what’s on" : "Back to basket"}
            </SiteLink>
          )}
          {kind === "gone" ? <AccountLink className="btn btn-ghost text-brand">View my bookings</AccountLink> : null}
          {kind === "unavailable" ? (
            <SiteLink href={paths.basket} className="btn btn-ghost text-brand">
              Back to basket
            </SiteLink>
          ) : null}
        </div>
      </div>
    </CheckoutShell>
  );
}

/** The basket is ready: the payment form beside the order summary. */
export function CheckoutReady({
  view,
  joinOffer,
  giftAidWording,
  signedInAs,
  spektrix,
  site,
  paths,
}: {
  view: ReadyView;
  joinOffer: JoinAndSaveOffer | null;
  /** The venue's declaration, when the member is to be asked for one. */
  giftAidWording: string | null;
  signedInAs: string | null | undefined;
  spektrix: CheckoutPaymentProps["spektrix"];
  paths: PagePaths;
  site: ReturnType<typeof siteInfo>;
}) {
  return (
    <CheckoutShell signedInAs={signedInAs}>
      <div className="grid grid-cols-1 gap-8 lg:grid-cols-[minmax(0,1.25fr)_minmax(0,1fr)] lg:items-start lg:gap-12">
        <CheckoutPayment
          basketId={view.basketId}
          basketHash={view.basketHash}
          addresses={view.addresses.map((a) => ({ id: a.id, label: formatAddress(a), isBilling: a.isBilling }))}
          defaultAddressId={view.defaultAddressId}
          total={view.total}
          creditBalance={view.creditBalance}
          giftAidWording={giftAidWording}
          joinOffer={joinOffer}
          spektrix={spektrix}
          paths={{ basket: paths.basket, checkout: paths.checkout }}
          boxOffice={{ phone: site.boxOffice.phone, hours: site.boxOffice.hours }}
        />
        <div className="lg:sticky lg:top-28">
          <OrderSummary
            heading="Your order"
            performances={view.performances}
            extras={view.extras}
            total={view.total}
            totalDiscount={view.totalDiscount}
            timeZone={site.timeZone}
          />
          <p className="mt-4 text-sm text-ink-soft">
            Want to change something?{" "}
            <SiteLink href={paths.basket} className="font-semibold text-brand underline-offset-4 hover:underline">
              Edit your basket
            </SiteLink>
            .
          </p>
        </div>
      </div>
    </CheckoutShell>
  );
}

function CheckoutShell({ children, signedInAs }: { children: React.ReactNode; signedInAs?: string | null }) {
  return (
    <div className="bg-paper-deep/40">
      <div className="container-page py-10 md:py-14">
        <CheckoutSteps current="pay" />
        <div className="mt-6 flex flex-wrap items-end justify-between gap-3">
          <h1 className="text-4xl font-semibold md:text-5xl">Checkout</h1>
          {signedInAs ? (
            <p className="text-sm text-ink-soft">
              Signed in as <span className="font-semibold text-ink">{signedInAs}</span>
            </p>
          ) : null}
        </div>
        <div className="mt-8">{children}</div>
      </div>
    </div>
  );
}

export function ChooseCheckout({ paths }: { paths: PagePaths }) {
  return (
    <CheckoutShell>
      <div className="grid grid-cols-1 gap-6 md:grid-cols-2">
        <section
          aria-labelledby="member-checkout"
          className="flex flex-col rounded-card border border-line bg-white p-6 md:p-8"
        >
          <p className="eyebrow text-brand">Recommended</p>
          <h2 id="member-checkout" className="mt-2 text-2xl font-semibold">
            Sign in and check out
          </h2>
          <p className="mt-3 flex-1 text-ink-soft">
            Members’ prices are applied automatically, your addresses are filled in, and your tickets appear in your
            account.
          </p>
          <SiteLink href={routes.signInThen(paths.checkout)} className="btn btn-primary mt-6 self-start">
            Sign in
          </SiteLink>
        </section>
        <section
          aria-labelledby="guest-checkout"
          className="flex flex-col rounded-card border border-line bg-white p-6 md:p-8"
        >
          <p className="eyebrow text-ink-soft">New to us</p>
          <h2 id="guest-checkout" className="mt-2 text-2xl font-semibold">
            Check out as a new customer
          </h2>
          {/* Spektrix keeps every order against a customer record, so its checkout signs a new visitor up there. */}
          <p className="mt-3 flex-1 text-ink-soft">
            Go straight to our ticketing partner’s secure checkout: give your e-mail address, set up your account there
            if you are new, and pay by card. We’ll send your tickets by e-mail.
          </p>
          <SiteLink href={paths.guestCheckout} className="btn btn-ghost mt-6 self-start text-brand">
            Continue to checkout
          </SiteLink>
        </section>
      </div>
    </CheckoutShell>
  );
}
