"use client";

/**
 * `<spektrix-payments>`: Spektrix's card form, loaded from the configured web-components folder and given
 * the token the server obtained. It confirms the basket itself on success and reports back with four DOM
 * events, which this wrapper turns into callbacks. (Attribute and event names follow the only
 * implementation seen; see docs/spektrix-facts.md §5.)
 */
import { useEffect, useRef, useState, type DetailedHTMLProps, type HTMLAttributes } from "react";

declare module "react" {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      "spektrix-payments": DetailedHTMLProps<HTMLAttributes<HTMLElement>, HTMLElement> & {
        "payment-token": string;
        "custom-domain": string;
        "system-name": string;
        "billing-address-id"?: string;
        "store-card"?: "true" | "false";
      };
    }
  }
}

export const PAYMENT_EVENTS = {
  completed: "onPaymentCompleted",
  refused: "onPaymentRefused",
  notFound: "onPaymentNotFound",
  error: "onError",
} as const;

export interface SpektrixPaymentsProps {
  /** Folder with `spektrix-payments.js` and `.css`, from config. */
  webComponentsUrl: string;
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
  /** The script did not load or never defined the element. */
  onUnavailable(): void;
}

const DEFINE_TIMEOUT_MS = 15_000;

function ensureStylesheet(href: string) {
  if (document.querySelector(`link[data-spektrix-payments="${CSS.escape(href)}"]`)) return;
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = href;
  link.dataset.spektrixPayments = href;
  document.head.append(link);
}

/** Loads the component script once per page and resolves when `<spektrix-payments>` is defined. */
function loadComponent(src: string): Promise<void> {
  if (customElements.get("spektrix-payments")) return Promise.resolve();
  let script = document.querySelector<HTMLScriptElement>(`script[data-spektrix-payments="${CSS.escape(src)}"]`);
  const failed = new Promise<never>((_, reject) => {
    if (!script) {
      script = document.createElement("script");
      script.src = src;
      script.async = true;
      script.dataset.spektrixPayments = src;
      document.head.append(script);
    }
    script.addEventListener("error", () => {
      script?.remove();
      reject(new Error("script failed to load"));
    });
    window.setTimeout(() => reject(new Error("timed out")), DEFINE_TIMEOUT_MS);
  });
  return Promise.race([customElements.whenDefined("spektrix-payments").then(() => undefined), failed]);
}

export function SpektrixPayments(props: SpektrixPaymentsProps) {
  const ref = useRef<HTMLElement>(null);
  const [ready, setReady] = useState(false);
  const handlers = useRef(props);
  // The latest callbacks, without re-binding the DOM listeners on every render.
  useEffect(() => {
    handlers.current = props;
  });

  const base = props.webComponentsUrl.replace(/\/+$/, "");
  useEffect(() => {
    let live = true;
    ensureStylesheet(`${base}/spektrix-payments.css`);
    loadComponent(`${base}/spektrix-payments.js`).then(
      () => live && setReady(true),
      () => live && handlers.current.onUnavailable(),
    );
    return () => {
      live = false;
    };
  }, [base]);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
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
    return () => {
      element.removeEventListener(PAYMENT_EVENTS.completed, onCompleted);
      element.removeEventListener(PAYMENT_EVENTS.refused, onRefused);
      element.removeEventListener(PAYMENT_EVENTS.notFound, onNotFound);
      element.removeEventListener(PAYMENT_EVENTS.error, onError);
    };
  }, [ready]);

  return (
    <div className="spektrix-payments-host min-h-40" aria-busy={!ready}>
      {!ready ? (
        <p role="status" className="flex items-center gap-3 py-6 text-ink-soft">
          <span
            aria-hidden
            className="h-5 w-5 animate-spin rounded-full border-2 border-line border-t-brand motion-reduce:animate-none"
          />
          Loading the secure payment form…
        </p>
      ) : null}
      {ready ? (
        // No amount is passed: Spektrix documents no attribute for it, and the token already names the basket it
        // pays for (the emulator's form reads the amount from it). Our own summary shows the total beside it.
        <spektrix-payments
          ref={ref}
          payment-token={props.paymentToken}
          custom-domain={props.customDomain}
          system-name={props.clientName}
          billing-address-id={props.billingAddressId}
          store-card={props.storeCard ? "true" : "false"}
        />
      ) : null}
    </div>
  );
}
