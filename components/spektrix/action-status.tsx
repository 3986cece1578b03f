/**
 * What happens when a visitor acts through one of Spektrix's web components (donate, join, buy a voucher or an
 * item): the component's `success` and `fail` events, the status they lead to, and the message shown for it.
 * Only pages with such a component load this.
 */
import { useEffect, useRef, useState } from "react";
import { SiteLink } from "@/components/site/site-link-client";
import { telHref } from "@/lib/text/phone";
import { useSpektrix, type ComponentState } from "./spektrix-loader-client";

/**
 * The visible, announced result of adding something to the basket. Without JavaScript Spektrix's components never
 * load: the button, which would stay at "Connecting…", is hidden (`needs-js`, globals.css), and the server's HTML says
 * why and gives the box office's number.
 */
export function ActionMessage({ id, status, basketPath }: { id: string; status: ActionStatus; basketPath: string }) {
  const { boxOffice } = useSpektrix();
  return (
    <>
      <noscript>
        <p className="nojs-buy text-sm text-ink-soft">
          Buying online needs JavaScript, which is off in this browser. To buy by phone, call the box office on{" "}
          <a className="font-semibold text-brand underline underline-offset-2" href={telHref(boxOffice.phone)}>
            {boxOffice.phone}
          </a>
          .
        </p>
      </noscript>
      <ActionResult id={id} status={status} basketPath={basketPath} />
    </>
  );
}

function ActionResult({ id, status, basketPath }: { id: string; status: ActionStatus; basketPath: string }) {
  return (
    <div id={id} aria-live="polite" role="status" className="empty:hidden">
      {status.kind === "success" && (
        <p className="rounded-lg border-l-4 border-success bg-white p-3 text-ink">
          {status.text}{" "}
          <SiteLink href={basketPath} className="font-semibold text-brand underline underline-offset-2">
            Go to your basket
          </SiteLink>
        </p>
      )}
      {status.kind === "error" && (
        <p className="rounded-lg border-l-4 border-danger bg-white p-3 text-danger">{status.text}</p>
      )}
    </div>
  );
}

/** Spektrix's own feedback containers. It writes into them; visitors see `ActionMessage` instead. */
export function HiddenFeedbackHooks() {
  return (
    <>
      <div hidden data-success-container="" />
      <div hidden data-fail-container="" />
    </>
  );
}

/**
 * Listens for a web component's `success` and `fail` DOM events (React does not bind custom events on
 * custom elements by name reliably, so this uses addEventListener on the element itself).
 */
export function useComponentEvents(
  ref: React.RefObject<HTMLElement | null>,
  handlers: { onSuccess?: (detail: unknown) => void; onFail?: (detail: unknown) => void },
) {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const success = (e: Event) => latest.current.onSuccess?.((e as CustomEvent).detail);
    const fail = (e: Event) => latest.current.onFail?.((e as CustomEvent).detail);
    el.addEventListener("success", success);
    el.addEventListener("fail", fail);
    return () => {
      el.removeEventListener("success", success);
      el.removeEventListener("fail", fail);
    };
  }, [ref]);
}

/** Turns a `fail` event's detail (Spektrix error JSON, or an Error) into a sentence for the visitor. */
export function failMessage(detail: unknown, fallback: string, options: { duplicate?: string } = {}): string {
  const text = (() => {
    if (detail instanceof Error) return detail.message;
    if (typeof detail === "object" && detail !== null) {
      const d = detail as { message?: unknown; problems?: unknown; Message?: unknown };
      const parts = [d.message ?? d.Message, ...(Array.isArray(d.problems) ? d.problems : [])].filter(
        (x): x is string => typeof x === "string" && x.trim() !== "",
      );
      return parts.join(" ");
    }
    return typeof detail === "string" ? detail : "";
  })();
  if (/already (in|held|have)/i.test(text) || /\b18\b/.test(String((detail as { code?: unknown })?.code ?? ""))) {
    return /basket/i.test(text)
      ? (options.duplicate ?? "That is already in your basket, and you can only add it once.")
      : "You already hold this membership.";
  }
  if (/failed to fetch|network|load failed/i.test(text))
    return "We couldn’t reach the box office. Please try again shortly.";
  // Spektrix messages are written for customers, but keep them short and never show raw JSON.
  return text && text.length < 200 && !/[{}<>]/.test(text) ? text : fallback;
}

export type ActionStatus =
  { kind: "idle" } | { kind: "pending" } | { kind: "success"; text: string } | { kind: "error"; text: string };

/** How long a submit may wait for the component's `success`/`fail` before we say something went wrong. */
export const ACTION_TIMEOUT_MS = 20_000;

/** A component's submit button text: connecting, adding, or what it will do (`ready`). */
export function actionLabel(state: ComponentState, status: ActionStatus, ready: string): string {
  if (state !== "ready") return "Connecting to the box office…";
  return status.kind === "pending" ? "Adding…" : ready;
}

/** Status of a web-component action, with a timeout so a silent component never leaves "Adding…" forever. */
export function useActionStatus() {
  const [status, setStatus] = useState<ActionStatus>({ kind: "idle" });
  useEffect(() => {
    if (status.kind !== "pending") return;
    const timer = window.setTimeout(
      () =>
        setStatus({
          kind: "error",
          text: "The box office didn’t answer in time. Please check your basket before trying again.",
        }),
      ACTION_TIMEOUT_MS,
    );
    return () => window.clearTimeout(timer);
  }, [status]);
  return [status, setStatus] as const;
}
