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
import { PAYMENT_FORM_TITLE } from "@/lib/checkout/payment-form-title";
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
}

/** How long a loaded payment form may take to define `<spektrix-payments>` (a loader may define it late). */
const DEFINE_TIMEOUT_MS = 10_000;
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
  useEffect(() => () => cleanup.current?.(), []);

  // The parent mounts this once per token (keyed), so the element is made once, with the token it pays with.
  const { paymentToken, customDomain, clientName, billingAddressId, storeCard } = props;
  function onLoad() {
    const frame = frameRef.current;
    const win = frame?.contentWindow as (Window & typeof globalThis) | null | undefined;
    const doc = frame?.contentDocument;
    if (!win || !doc?.body || cleanup.current) return;
    let live = true;
    cleanup.current = () => {
      live = false;
    };
    const defined = new Promise<void>((resolve, reject) => {
      if (win.customElements.get("spektrix-payments")) return resolve();
      win.customElements.whenDefined("spektrix-payments").then(() => resolve(), reject);
      window.setTimeout(() => reject(new Error("timed out")), DEFINE_TIMEOUT_MS);
    });
    defined.then(
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
      () => live && handlers.current.onUnavailable(),
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
