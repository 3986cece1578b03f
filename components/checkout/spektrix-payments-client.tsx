"use client";

/**
 * `<spektrix-payments>`: Spektrix's card form, given the token the server obtained. It lives in a frame of its
 * own, the payment form (same origin, `routes.paymentForm`, ADR 0018): the payment provider behind it loads its
 * script and card fields from its own hosts, and card issuers' 3-D Secure challenges open frames from theirs, which
 * only that document's policy allows. This wrapper creates the element inside the frame, listens to the four DOM
 * events it reports with and turns them into callbacks, and sizes the frame to its content. (Attribute and event
 * names follow the only implementation seen; see docs/spektrix-facts.md §5.)
 */
import { useEffect, useRef, useState } from "react";
import { PAYMENT_FORM_TITLE, SIGNED_OUT_MARKER } from "@/lib/checkout/payment-form-title";
import { routes } from "@/lib/routes";

export const PAYMENT_EVENTS = {
  completed: "onPaymentCompleted",
  refused: "onPaymentRefused",
  notFound: "onPaymentNotFound",
  error: "onError",
} as const;

export interface SpektrixPaymentsProps {
  customDomain: string;
  clientName: string;
  paymentToken: string;
  billingAddressId: string;
  storeCard: boolean;
  onCompleted(orderId: string): void;
  /** Spektrix said the payment completed but named no order: the server must confirm it. */
  onCompletedUnconfirmed(): void;
  onRefused(): void;
  onNotFound(): void;
  onError(): void;
  /** The form's document, Spektrix's script or the element did not load. */
  onUnavailable(): void;
  /** The visitor's session ended before the form opened: they must sign in again. */
  onSignedOut(): void;
}

/** How long the form may take, from the frame's first render, to have `<spektrix-payments>` defined and made. */
const DEFINE_TIMEOUT_MS = 15_000;
/** Until the form reports its size: enough for the card fields without a jump on most phones. */
const INITIAL_HEIGHT = 420;

export function SpektrixPayments(props: SpektrixPaymentsProps) {
  const frameRef = useRef<HTMLIFrameElement>(null);
  const [ready, setReady] = useState(false);
  const [height, setHeight] = useState(INITIAL_HEIGHT);
  const handlers = useRef(props);
  // The latest callbacks, without re-creating the element on every render.
  useEffect(() => {
    handlers.current = props;
  });
  const cleanup = useRef<(() => void) | null>(null);
  const settled = useRef(false);
  const unavailable = () => {
    if (settled.current) return;
    settled.current = true;
    handlers.current.onUnavailable();
  };
  useEffect(() => {
    // From the first render, not from the frame's load: a frame that never loads a document of ours (a network
    // failure, a refused frame) fires no load the component can act on.
    const timer = window.setTimeout(unavailable, DEFINE_TIMEOUT_MS);
    return () => {
      window.clearTimeout(timer);
      cleanup.current?.();
    };
  }, []);

  // The parent mounts this once per token (keyed), so the element is made once, with the token it pays with.
  const { paymentToken, customDomain, clientName, billingAddressId, storeCard } = props;
  function onLoad() {
    const frame = frameRef.current;
    const win = frame?.contentWindow as (Window & typeof globalThis) | null | undefined;
    let doc: Document | null | undefined = null;
    try {
      doc = frame?.contentDocument;
    } catch {
      doc = null;
    }
    if (settled.current || cleanup.current) return;
    // Not our document (an error page, a refused frame): nothing to drive.
    if (!win || !doc?.body) return unavailable();
    if (doc.querySelector(`meta[name="payment-form"][content="${SIGNED_OUT_MARKER}"]`)) {
      settled.current = true;
      return handlers.current.onSignedOut();
    }
    let live = true;
    cleanup.current = () => {
      live = false;
    };
    // Resolves at once when the element is already defined.
    win.customElements.whenDefined("spektrix-payments").then(
      () => {
        if (!live) return;
        const element = doc.createElement("spektrix-payments");
        // No amount is passed: Spektrix documents no attribute for it, and the token already names the basket it
        // pays for (the emulator's form reads the amount from it). Our own summary shows the total beside it.
        element.setAttribute("payment-token", paymentToken);
        element.setAttribute("custom-domain", customDomain);
        element.setAttribute("system-name", clientName);
        element.setAttribute("billing-address-id", billingAddressId);
        element.setAttribute("store-card", storeCard ? "true" : "false");
        const onCompleted = (event: Event) => {
          const orderId = (event as CustomEvent<{ orderId?: unknown } | undefined>).detail?.orderId;
          // A completion is never an error: the card may have been charged. Without an id, the server looks.
          if (typeof orderId === "string" && orderId.length > 0) handlers.current.onCompleted(orderId);
          else handlers.current.onCompletedUnconfirmed();
        };
        const onRefused = () => handlers.current.onRefused();
        const onNotFound = () => handlers.current.onNotFound();
        const onError = () => handlers.current.onError();
        element.addEventListener(PAYMENT_EVENTS.completed, onCompleted);
        element.addEventListener(PAYMENT_EVENTS.refused, onRefused);
        element.addEventListener(PAYMENT_EVENTS.notFound, onNotFound);
        element.addEventListener(PAYMENT_EVENTS.error, onError);
        doc.body.append(element);
        settled.current = true;
        // The frame follows its content both ways (a 3-D Secure challenge grows it, and closing it shrinks it).
        const observer = new win.ResizeObserver(() => setHeight(Math.ceil(doc.body.getBoundingClientRect().height)));
        observer.observe(doc.body);
        setReady(true);
        cleanup.current = () => {
          live = false;
          observer.disconnect();
          element.removeEventListener(PAYMENT_EVENTS.completed, onCompleted);
          element.removeEventListener(PAYMENT_EVENTS.refused, onRefused);
          element.removeEventListener(PAYMENT_EVENTS.notFound, onNotFound);
          element.removeEventListener(PAYMENT_EVENTS.error, onError);
        };
      },
      () => live && unavailable(),
    );
  }

  return (
    <div className="spektrix-payments-host relative min-h-40" aria-busy={!ready}>
      {!ready ? (
        <p role="status" className="absolute inset-x-0 top-0 flex items-center gap-3 bg-white py-6 text-ink-soft">
          <span
            aria-hidden
            className="h-5 w-5 animate-spin rounded-full border-2 border-line border-t-brand motion-reduce:animate-none"
          />
          Loading the secure payment form…
        </p>
      ) : null}
      <iframe
        ref={frameRef}
        src={routes.paymentForm}
        title={PAYMENT_FORM_TITLE}
        onLoad={onLoad}
        allow="payment"
        style={{ height: `${height}px` }}
        className="block w-full border-0 bg-transparent"
      />
    </div>
  );
}
