"use client";

/**
 * The member checkout's interactive half: billing address and "save my card", then a payment token from
 * our route handler, then Spektrix's card form. Before it: a gift voucher may become account credit the order spends
 * first, and a Gift Aid declaration, when asked for, is recorded before the token. Every way a payment can end has its own screen:
 * completed → confirmation; refused → retry with a new token; basket gone → back to the basket;
 * a completion without an order id, or an error once the form was in use → the server checks Spektrix, and
 * only a basket that is still open may be paid again. Nobody is told "not charged" on a guess.
 */
import { AccountLink } from "@/components/site/account-link-client";
import { BASKET_GONE } from "@/components/checkout/basket-gone";
import { BusyButton } from "@/components/site/busy-button-client";
import { focusAfterRender, focusIsLost } from "@/components/site/focus";
import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from "react";
import { SiteLink } from "@/components/site/site-link-client";
import { useRouter } from "next/navigation";
import { loadSpektrixClient, preloadSpektrixClient } from "@/lib/spektrix/load";
import { announceBasketChange } from "@/components/spektrix/basket-events";
import { routes } from "@/lib/routes";
import { SpektrixPayments } from "./spektrix-payments-client";
import { JoinAndSave } from "./join-and-save-client";
import { AccountCredit } from "./account-credit-client";
import { GiftAidDeclaration } from "./gift-aid-client";
import { formatMoney } from "@/lib/spektrix-flows/money";
import { cardAmount, creditToSpend } from "@/lib/checkout/credit";
import type { JoinAndSaveOffer } from "@/lib/checkout/join-and-save";
import { LockIcon } from "@/components/icons";
import type { SpektrixPublicConfig } from "@/lib/spektrix-flows/config";

export interface CheckoutAddress {
  id: string;
  /** One line, e.g. "1 Stage Door Lane, London SE1 9DT". */
  label: string;
  isBilling: boolean;
}

export interface CheckoutPaymentProps {
  basketId: string;
  /** The hash of the basket the page summary shows. */
  basketHash: string | null;
  addresses: CheckoutAddress[];
  defaultAddressId: string | null;
  /** The basket's total, as the order summary shows it. */
  total: number;
  /** Account credit on the member's record, which this order may spend before the card. */
  creditBalance: number;
  /** The venue's Gift Aid declaration, when the member is to be asked for one; null otherwise. */
  giftAidWording: string | null;
  spektrix: Pick<SpektrixPublicConfig, "baseUrl" | "clientName" | "paymentsDomain">;
  /** The studio may move these two pages (lib/routes.ts); the rest come from the route registry. */
  paths: { basket: string; checkout: string };
  boxOffice: { phone: string; hours: string };
  /** What joining would save a non-member on this basket (quoted on the server), offered before paying. */
  joinOffer?: JoinAndSaveOffer | null;
}

type Step =
  | { kind: "details" }
  | { kind: "starting" }
  | { kind: "paying"; token: string }
  | { kind: "refused" }
  /**
   * The basket no longer resolves (before a token, or as the card form reports the token not found): released
   * after its hold, or paid already (Back after paying, another tab), which Spektrix does not tell apart.
   */
  | { kind: "gone" }
  /** The payment may have been taken and no order is confirmed yet: never offer to pay again here. */
  | { kind: "checking"; busy: boolean }
  | { kind: "problem"; message: string; canRetry: boolean; signIn?: boolean };

interface InitiateOk {
  paymentToken: string;
  basketHash: string | null;
}

/** How many times a changed basket is re-initiated before we ask the visitor to review it. */
const MAX_HASH_RETRIES = 2;

export function CheckoutPayment(props: CheckoutPaymentProps) {
  const router = useRouter();
  const [addressId, setAddressId] = useState(props.defaultAddressId ?? props.addresses[0]?.id ?? "");
  const [storeCard, setStoreCard] = useState(false);
  const [creditBalance, setCreditBalance] = useState(props.creditBalance);
  // The server's reading wins whenever the page is refreshed (after joining, or a voucher's second answer).
  const [serverBalance, setServerBalance] = useState(props.creditBalance);
  if (props.creditBalance !== serverBalance) {
    setServerBalance(props.creditBalance);
    setCreditBalance(props.creditBalance);
  }
  // Credit the member holds is theirs to spend: offered ticked, and they may untick it.
  const [useCredit, setUseCredit] = useState(props.creditBalance > 0);
  const [giftAid, setGiftAid] = useState<{ ticked: boolean; recorded: boolean; error: string | null }>({
    ticked: false,
    recorded: false,
    error: null,
  });
  const [step, setStep] = useState<Step>({ kind: "details" });
  const [joining, setJoining] = useState(false);
  const statusRef = useRef<HTMLDivElement>(null);
  // The controls a keyboard user pressed go away (the Continue button) or stop working (the address, fieldset
  // disabled) as the card form comes and goes: focus follows to what replaced them, not to the page's body.
  const paymentHeading = useRef<HTMLHeadingElement>(null);
  const addressFieldset = useRef<HTMLFieldSetElement>(null);
  const headingId = useId();

  const focusStatus = () => focusAfterRender(() => statusRef.current);
  const payingNow = step.kind === "paying";
  useEffect(() => {
    // Once the card form is drawn; only if the focus went with the Continue button, not if the visitor moved on.
    if (payingNow && focusIsLost()) paymentHeading.current?.focus();
  }, [payingNow]);
  // "Continue to payment" reads the basket through the client: fetch it while the member fills in the details.
  useEffect(() => {
    preloadSpektrixClient();
  }, []);
  // The page may be an old copy: Back from the basket page after removing a ticket shows the router's copy of this
  // page, with the old total. The basket as Spektrix holds it now decides; a different one asks for the page again.
  useEffect(() => {
    let stale = false;
    void (async () => {
      try {
        const web = await loadSpektrixClient({
          baseUrl: props.spektrix.baseUrl,
          clientName: props.spektrix.clientName,
          retries: 0,
        });
        const current = await web.getBasket();
        if (!stale && current?.id === props.basketId && current.hash !== props.basketHash) router.refresh();
      } catch {
        // Unknown is no news: the check before payment asks again.
      }
    })();
    return () => {
      stale = true;
    };
  }, [props.basketHash, props.basketId, props.spektrix.baseUrl, props.spektrix.clientName, router]);

  /** Asks our server for a token; checks the basket did not change meanwhile; asks again if it did. */
  const start = useCallback(async () => {
    setStep({ kind: "starting" });
    // Only the basket check below needs the client; if it cannot be downloaded in time, the check is skipped (as
    // when Spektrix does not answer) rather than leaving the member at "Preparing secure payment…".
    const loadingClient = loadSpektrixClient({
      baseUrl: props.spektrix.baseUrl,
      clientName: props.spektrix.clientName,
      retries: 0,
      timeoutMs: 6_000,
    }).catch(() => null);
    // The declaration first: the donation in this order is claimable only if it is on record before payment.
    if (giftAid.ticked && !giftAid.recorded) {
      const declared = await postJson(routes.api.giftAid, { declare: true });
      if (!declared.ok) {
        // Back to the details, the box still ticked and the reason beside it: try again, or untick and pay.
        if (declared.body.error === "unauthenticated") setStep(stepForFailure(declared.status, declared.body));
        else setStep({ kind: "details" });
        setGiftAid((g) => ({
          ...g,
          error:
            declared.body.message ??
            "We couldn’t record your Gift Aid declaration just now. Please try again, or continue without it.",
        }));
        return;
      }
      setGiftAid({ ticked: true, recorded: true, error: null });
    }
    for (let attempt = 0; attempt <= MAX_HASH_RETRIES; attempt++) {
      const initiated = await postJson<Partial<InitiateOk>>(routes.api.customerPayment, {
        basketId: props.basketId,
        billingAddressId: addressId,
        storeCard,
        useCredit: useCredit && creditBalance > 0,
      });
      const body = initiated.body;
      if (!initiated.ok || typeof body.paymentToken !== "string") {
        setStep(stepForFailure(initiated.status, body));
        focusStatus();
        return;
      }

      // Before showing the card form: is the basket still the one the token was issued for?
      const web = await loadingClient;
      const current = await web?.getBasket().catch(() => undefined);
      const unchanged =
        current === undefined || current === null || current.id !== props.basketId || current.hash === body.basketHash;
      if (unchanged) {
        if (body.basketHash !== props.basketHash) router.refresh(); // the summary on the page is out of date
        setStep({ kind: "paying", token: body.paymentToken });
        return;
      }
      router.refresh();
    }
    setStep({
      kind: "problem",
      message: "Your basket changed while we were getting ready. Please check it and try again.",
      canRetry: true,
    });
    focusStatus();
  }, [
    addressId,
    creditBalance,
    giftAid,
    useCredit,
    props.basketHash,
    props.basketId,
    props.spektrix.baseUrl,
    props.spektrix.clientName,
    router,
    storeCard,
  ]);

  const goToConfirmation = useCallback(
    (orderId: string) => {
      announceBasketChange({ source: "basket-page", itemCount: 0 });
      router.push(routes.confirmation(orderId));
    },
    [router],
  );

  /** After an unclear end to the payment, asks our server what Spektrix holds now (owner mode). */
  const settle = useCallback(
    async (after: "completed" | "error") => {
      setStep({ kind: "checking", busy: true });
      // Unreachable or refused: the answer stays "still checking".
      const answer = await postJson<{ status?: unknown; orderId?: unknown }>(routes.api.checkoutCompletion, {
        basketId: props.basketId,
      });
      const check = answer.ok ? answer.body : {};
      if (check.status === "confirmed" && typeof check.orderId === "string") return goToConfirmation(check.orderId);
      if (check.status === "open" && after === "error") {
        setStep({
          kind: "problem",
          message:
            "Something went wrong while processing your payment, and your booking wasn’t completed. You can try again.",
          canRetry: true,
        });
      } else {
        setStep({ kind: "checking", busy: false });
      }
      focusStatus();
    },
    [goToConfirmation, props.basketId],
  );

  /**
   * The card form found no basket behind its token. Spektrix says the same for a basket that changed (a ticket added
   * in another tab: the token was for the old one), one paid for elsewhere, and one released. Our server can tell
   * the first (still open) and a session ended in another tab; the rest is "no longer open", which names both. Its
   * "confirmed" is not trusted here: nothing was charged in this tab, so a recent order is some other booking.
   */
  const whyNotFound = useCallback(async () => {
    const answer = await postJson<{ status?: unknown }>(routes.api.checkoutCompletion, { basketId: props.basketId });
    if (!answer.ok) {
      // No answer to go on (offline, busy, signed out): say that, not that the basket is gone.
      setStep(stepForFailure(answer.status, answer.body));
    } else if (answer.body.status === "open") {
      router.refresh(); // the summary beside the form shows the basket as it is now
      setStep({
        kind: "problem",
        message:
          "Your basket changed while you were paying, so nothing was charged. Check your basket, then try again.",
        canRetry: true,
      });
    } else {
      announceBasketChange({ source: "basket-page" });
      setStep({ kind: "gone" });
    }
    focusStatus();
  }, [props.basketId, router]);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    // The form's own guard too, for a submit that does not come from its button (which BusyButton holds).
    if (!addressId || joining || step.kind === "starting") return;
    void start();
  }

  const paying = step.kind === "paying";
  // While an order may exist, the form that starts a payment stays out of reach.
  const checking = step.kind === "checking";
  const chosen = props.addresses.find((a) => a.id === addressId);
  // What the member may still change: everything before a token, and after a refusal or a problem (a new token).
  const beforePayment = ["details", "starting", "problem", "refused"].includes(step.kind);
  // After a refusal or a problem, the notice below says what happened and holds the one way on ("Try again", or
  // "Sign in again"): a second button above it doing the same would make the member choose between the two.
  const offersContinue = step.kind === "details" || step.kind === "starting";
  const byCard = cardAmount(props.total, creditBalance, useCredit);
  const creditSpent = useCredit ? creditToSpend(creditBalance, props.total) : 0;
  const continueLabel =
    byCard === 0 ? "Continue · paid with account credit" : `Continue to payment · ${formatMoney(byCard)}`;

  return (
    <section aria-labelledby={headingId} className="space-y-8">
      {props.joinOffer && beforePayment ? (
        <JoinAndSave
          offer={props.joinOffer}
          spektrix={props.spektrix}
          disabled={step.kind === "starting"}
          onBusyChange={setJoining}
        />
      ) : null}
      {beforePayment ? (
        <AccountCredit
          basketId={props.basketId}
          balance={creditBalance}
          total={props.total}
          useCredit={useCredit}
          onUseCreditChange={setUseCredit}
          onBalanceChange={(balance) => (balance === null ? router.refresh() : setCreditBalance(balance))}
          disabled={step.kind === "starting"}
        />
      ) : null}
      {props.giftAidWording && (beforePayment || giftAid.recorded) ? (
        <GiftAidDeclaration
          wording={props.giftAidWording}
          checked={giftAid.ticked}
          recorded={giftAid.recorded}
          error={giftAid.error}
          onChange={(ticked) => setGiftAid((g) => ({ ...g, ticked, error: null }))}
          disabled={step.kind === "starting"}
        />
      ) : null}
      <form onSubmit={onSubmit} className="rounded-card border border-line bg-white p-6 md:p-8">
        <h2 id={headingId} className="text-2xl font-semibold">
          Billing details
        </h2>
        {props.addresses.length === 0 ? (
          <p className="mt-4 text-ink-soft" data-testid="no-billing-address">
            There’s no address on your account yet, and your card issuer needs one.{" "}
            <SiteLink href={routes.accountManage} className="font-medium text-brand underline underline-offset-2">
              Add an address to your account
            </SiteLink>
            , then come back to checkout. Or call the box office on {props.boxOffice.phone}.
          </p>
        ) : (
          <fieldset ref={addressFieldset} className="mt-5" disabled={paying || checking || step.kind === "starting"}>
            <legend className="text-sm font-semibold text-ink">Billing address</legend>
            <p className="mt-1 text-sm text-ink-soft">Your card issuer checks this against the card.</p>
            <div className="mt-3 space-y-2.5">
              {props.addresses.map((address) => (
                <label
                  key={address.id}
                  className="flex cursor-pointer items-start gap-3 rounded-lg border border-line px-4 py-3 has-[:checked]:border-brand has-[:checked]:bg-brand-tint/40"
                >
                  <input
                    type="radio"
                    name="billingAddressId"
                    value={address.id}
                    checked={addressId === address.id}
                    onChange={() => setAddressId(address.id)}
                    className="mt-1 accent-brand"
                  />
                  <span>
                    <span className="block text-ink">{address.label}</span>
                    {address.isBilling ? (
                      <span className="mt-0.5 block text-xs font-semibold uppercase tracking-wide text-ink-soft">
                        Billing address on file
                      </span>
                    ) : null}
                  </span>
                </label>
              ))}
            </div>
            <label className="mt-6 flex cursor-pointer items-start gap-3">
              <input
                type="checkbox"
                name="storeCard"
                checked={storeCard}
                onChange={(e) => setStoreCard(e.target.checked)}
                className="mt-1 h-4 w-4 accent-brand"
              />
              <span>
                <span className="block font-medium text-ink">Save my card for next time</span>
                <span className="block text-sm text-ink-soft">
                  Stored securely by our ticketing provider, never on this website. You can remove it from your account.
                </span>
              </span>
            </label>
          </fieldset>
        )}
        {offersContinue && props.addresses.length > 0 ? (
          <BusyButton
            type="submit"
            className="btn btn-primary mt-7 w-full sm:w-auto disabled:opacity-70"
            busy={step.kind === "starting" || joining}
            disabled={!addressId}
          >
            {step.kind === "starting" ? "Preparing secure payment…" : continueLabel}
          </BusyButton>
        ) : null}
        {paying ? (
          <p className="mt-6 text-sm text-ink-soft">
            Paying with the billing address <span className="font-medium text-ink">{chosen?.label}</span>.{" "}
            <button
              type="button"
              className="font-semibold text-brand underline underline-offset-4"
              onClick={() => {
                setStep({ kind: "details" });
                focusAfterRender(() =>
                  addressFieldset.current?.querySelector<HTMLInputElement>('input[type="radio"]:checked'),
                );
              }}
            >
              Change
            </button>
          </p>
        ) : null}
      </form>

      <div ref={statusRef} tabIndex={-1} aria-live="polite" className="focus:outline-none">
        {step.kind === "refused" ? (
          <Notice tone="warning" title="Your card was declined">
            <p>No payment has been taken. Check the card details, try a different card, or contact your bank.</p>
            <div className="mt-4 flex flex-wrap gap-3">
              <button type="button" className="btn btn-primary" onClick={() => void start()}>
                Try again
              </button>
            </div>
          </Notice>
        ) : null}
        {step.kind === "gone" ? (
          <Notice tone="danger" title={BASKET_GONE.title}>
            <p>{BASKET_GONE.body}</p>
            <div className="mt-4 flex flex-wrap gap-3">
              <SiteLink href={props.paths.basket} className="btn btn-primary">
                Back to basket
              </SiteLink>
              <AccountLink className="btn btn-ghost text-brand">View my bookings</AccountLink>
            </div>
          </Notice>
        ) : null}
        {step.kind === "checking" ? (
          <Notice tone="warning" title="We’re checking your order">
            <p>
              Your payment may have gone through, so please don’t pay again. Confirmed bookings appear in your account
              within a few minutes. If yours doesn’t, call the box office on {props.boxOffice.phone} (
              {props.boxOffice.hours}) and we’ll sort it out.
            </p>
            <div className="mt-4 flex flex-wrap gap-3">
              <BusyButton className="btn btn-primary" busy={step.busy} onClick={() => void settle("completed")}>
                {step.busy ? "Checking…" : "Check again"}
              </BusyButton>
              <AccountLink className="btn btn-ghost text-brand">View my bookings</AccountLink>
            </div>
          </Notice>
        ) : null}
        {step.kind === "problem" ? (
          <Notice tone="danger" title="We couldn’t take your payment">
            <p>{step.message}</p>
            <p className="mt-2 text-sm">
              If this keeps happening, call the box office on {props.boxOffice.phone} ({props.boxOffice.hours}) and
              we’ll complete your booking.
            </p>
            <div className="mt-4 flex flex-wrap gap-3">
              {step.signIn ? (
                <SiteLink href={routes.signInThen(props.paths.checkout)} className="btn btn-primary">
                  Sign in again
                </SiteLink>
              ) : null}
              {step.canRetry ? (
                <button type="button" className="btn btn-primary" onClick={() => void start()}>
                  Try again
                </button>
              ) : null}
              <SiteLink href={props.paths.basket} className="btn btn-ghost text-brand">
                Review basket
              </SiteLink>
            </div>
          </Notice>
        ) : null}
      </div>

      {paying ? (
        <div className="rounded-card border border-line bg-white p-6 md:p-8">
          <h2 ref={paymentHeading} tabIndex={-1} className="text-2xl font-semibold focus:outline-none">
            {byCard === 0 ? "Payment" : "Card payment"}
          </h2>
          <p className="mt-1 flex items-center gap-2 text-sm text-ink-soft">
            <LockIcon /> Secure payment handled by our ticketing provider. Card details never reach this website.
          </p>
          {creditSpent > 0 ? (
            <p className="mt-3 rounded-lg bg-brand-tint/40 px-3 py-2 text-sm text-ink">
              {formatMoney(creditSpent)} from your account credit
              {byCard === 0 ? " pays for the whole order." : `; your card pays ${formatMoney(byCard)}.`}
            </p>
          ) : null}
          <div className="mt-5">
            <SpektrixPayments
              key={step.token}
              customDomain={props.spektrix.paymentsDomain}
              clientName={props.spektrix.clientName}
              paymentToken={step.token}
              billingAddressId={addressId}
              storeCard={storeCard}
              onCompleted={goToConfirmation}
              onCompletedUnconfirmed={() => void settle("completed")}
              onRefused={() => {
                setStep({ kind: "refused" });
                focusStatus();
              }}
              onNotFound={() => void whyNotFound()}
              onError={() => void settle("error")}
              onUnavailable={() => {
                setStep({
                  kind: "problem",
                  message:
                    "The secure payment form didn’t load. Please check your connection, or try again in a moment.",
                  canRetry: true,
                });
                focusStatus();
              }}
              onSignedOut={() => {
                setStep(stepForFailure(401, { error: "unauthenticated" }));
                focusStatus();
              }}
            />
          </div>
        </div>
      ) : null}
    </section>
  );
}

/** A same-origin JSON POST to one of our routes; a network failure reads as a 503 with no body. */
async function postJson<T extends object = object>(
  url: string,
  payload: unknown,
): Promise<{ ok: boolean; status: number; body: T & { error?: string; message?: string } }> {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      credentials: "same-origin",
      cache: "no-store",
      body: JSON.stringify(payload),
    });
    return { ok: response.ok, status: response.status, body: await response.json().catch(() => ({})) };
  } catch {
    return {
      ok: false,
      status: 503,
      body: { message: "We couldn’t reach our website. Check your connection and try again." } as T & {
        message: string;
      },
    };
  }
}

function stepForFailure(status: number, body: { error?: string; message?: string }): Step {
  switch (body.error) {
    case "basket-gone":
      return { kind: "gone" };
    case "unauthenticated":
      return {
        kind: "problem",
        message: "Your session has ended. Please sign in again to pay.",
        canRetry: false,
        signIn: true,
      };
    case "basket-empty":
      return { kind: "problem", message: "Your basket is empty.", canRetry: false };
    case "rate-limited":
      return {
        kind: "problem",
        message: "Too many attempts in a short time. Please wait a minute, then try again.",
        canRetry: true,
      };
    default:
      return {
        kind: "problem",
        message:
          body.message ??
          (status >= 500
            ? "Our box office system isn’t responding. Please try again shortly."
            : "Something went wrong. Please try again."),
        canRetry: true,
      };
  }
}

function Notice({ tone, title, children }: { tone: "warning" | "danger"; title: string; children: React.ReactNode }) {
  const colours = tone === "warning" ? "border-warning/40 bg-warning/5" : "border-danger/40 bg-danger/5";
  return (
    <div role="alert" className={`rounded-card border ${colours} p-5 md:p-6`}>
      <h2 className="font-sans text-lg font-semibold text-ink">{title}</h2>
      <div className="mt-2 text-ink-soft">{children}</div>
    </div>
  );
}
