"use client";

/**
 * A Spektrix iframe flow (seats, basket, checkout, account, …). It grows and shrinks as Spektrix documents:
 * the page loads Spektrix's `integrate.js` from the Spektrix host in force and the frame's src ends in
 * `resize=true`; how the framed page and that script talk is Spektrix's business, so this component never reads
 * a height itself. It accepts the documented messages (scroll, basket) only from the Spektrix origin and from
 * this very frame, scrolls its top into view when the framed page navigates, announces basket changes to the
 * header, and always offers a plain link in case the frame is blocked.
 */
import { useEffect, useRef, useState } from "react";
import { acceptSpektrixMessage } from "@/lib/spektrix/iframe-messages";
import { announceBasketChange } from "./basket-events";
import { useHydrated } from "./spektrix-loader-client";

export interface SpektrixIframeProps {
  src: string;
  /** Accessible name of the frame, e.g. "Choose your tickets". */
  title: string;
  /** Exact origin of Spektrix (the custom domain); messages from anywhere else are ignored. */
  spektrixOrigin: string;
  /** Spektrix's resize script on that host (`lib/spektrix` integrateScriptUrl). */
  integrateScriptUrl: string;
  initialHeight?: number;
  /** Where the fallback link goes; defaults to `src` without the resize parameter. */
  fallbackHref?: string;
  /** Seconds without a load before the fallback is offered prominently. */
  slowAfterSeconds?: number;
  /** `data-testid` of the fallback link, for pages whose tests follow it. */
  fallbackTestId?: string;
}

/** Space kept above the frame when scrolling to it, for the sticky header. */
const SCROLL_MARGIN = 96;
/** How long the frame waits for `integrate.js` before opening anyway (at its first height, with the link below). */
const RESIZER_WAIT_MS = 4_000;

/** One load of each script per page, shared by every frame that needs it (settles on load or on error). */
const scripts = new Map<string, Promise<void>>();
function loadScriptOnce(src: string): Promise<void> {
  let pending = scripts.get(src);
  if (!pending) {
    pending = new Promise<void>((settle) => {
      const script = document.createElement("script");
      script.src = src;
      script.async = true;
      script.addEventListener("load", () => settle(), { once: true });
      script.addEventListener("error", () => settle(), { once: true });
      document.head.appendChild(script);
    });
    scripts.set(src, pending);
  }
  return pending;
}

function withoutResize(src: string): string {
  return src
    .replace(/([?&])resize=true(&|$)/, (_m, lead: string, tail: string) => (tail ? lead : ""))
    .replace(/[?&]$/, "");
}

export function SpektrixIframe({
  src,
  title,
  spektrixOrigin,
  integrateScriptUrl,
  initialHeight = 400,
  fallbackHref,
  slowAfterSeconds = 15,
  fallbackTestId,
}: SpektrixIframeProps) {
  const frameRef = useRef<HTMLIFrameElement>(null);
  const wrapperRef = useRef<HTMLDivElement>(null);
  const loads = useRef(0);
  const [loaded, setLoaded] = useState(false);
  // The frame opens once Spektrix's resize script listens (or has failed, or is slow): a frame opened before it
  // could post its first size to nobody and stay at its first height.
  const [resizerSettled, setResizerSettled] = useState(false);
  const [slow, setSlow] = useState(false);
  const [lastHash, setLastHash] = useState<string | null>(null);
  const lastHashRef = useRef<string | null>(null);
  // The frame is created only after hydration, so our message listener and onLoad are in place before its
  // first resize and basket messages (an iframe in the server HTML could post them before React listens).
  const hydrated = useHydrated();

  useEffect(() => {
    function onMessage(event: MessageEvent) {
      const messages = acceptSpektrixMessage(event, {
        spektrixOrigin,
        frameWindow: frameRef.current?.contentWindow ?? undefined,
      });
      for (const message of messages) {
        switch (message.kind) {
          case "scroll": {
            const top =
              (wrapperRef.current?.getBoundingClientRect().top ?? 0) + window.scrollY + message.offset - SCROLL_MARGIN;
            window.scrollTo({ top: Math.max(0, top), behavior: prefersReducedMotion() ? "auto" : "smooth" });
            break;
          }
          case "basket-contents":
            announceBasketChange({
              source: "iframe",
              itemCount: message.itemCount,
              spektrixCustomer: message.hasCustomer,
            });
            break;
          case "basket-hash":
            if (message.hash !== lastHashRef.current) {
              // The first hash a frame reports is the basket as it was when the frame opened, not a change.
              const first = lastHashRef.current === null;
              lastHashRef.current = message.hash;
              setLastHash(message.hash);
              if (!first) announceBasketChange({ source: "iframe" });
            }
            break;
          case "load":
            break;
        }
      }
    }
    window.addEventListener("message", onMessage);
    return () => window.removeEventListener("message", onMessage);
  }, [spektrixOrigin]);

  useEffect(() => {
    let live = true;
    const timer = window.setTimeout(() => setResizerSettled(true), RESIZER_WAIT_MS);
    // A frame mounting while another's load is under way waits for the same load, not for the timer.
    void loadScriptOnce(integrateScriptUrl).then(() => live && setResizerSettled(true));
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [integrateScriptUrl]);

  useEffect(() => {
    if (loaded) return;
    const timer = window.setTimeout(() => setSlow(true), slowAfterSeconds * 1000);
    return () => window.clearTimeout(timer);
  }, [loaded, slowAfterSeconds]);

  function onLoad() {
    loads.current += 1;
    setLoaded(true);
    setSlow(false);
    // A second load means the visitor moved to another step inside the frame: bring its top into view.
    if (loads.current > 1) {
      const box = wrapperRef.current?.getBoundingClientRect();
      if (box && (box.top < 0 || box.top > window.innerHeight * 0.6)) {
        window.scrollTo({
          top: Math.max(0, box.top + window.scrollY - SCROLL_MARGIN),
          behavior: prefersReducedMotion() ? "auto" : "smooth",
        });
      }
    }
  }

  const href = fallbackHref ?? withoutResize(src);
  return (
    <div ref={wrapperRef} className="spektrix-frame relative" data-basket-hash={lastHash ?? undefined}>
      {!loaded && (
        <div
          role="status"
          aria-live="polite"
          className="needs-js absolute inset-x-0 top-0 z-10 flex min-h-48 flex-col items-center justify-center gap-3 rounded-[var(--radius-card)] border border-line bg-paper p-8 text-center"
        >
          <span
            aria-hidden
            className="h-8 w-8 animate-spin rounded-full border-[3px] border-line border-t-brand motion-reduce:animate-none"
          />
          {/* The title is a show's name, never lower-cased into a sentence. */}
          <span className="font-medium text-ink">
            Loading…<span className="sr-only"> {title}</span>
          </span>
          {slow && (
            <span className="max-w-md text-sm text-ink-soft">
              This is taking longer than usual.{" "}
              <a
                href={href}
                className="font-medium text-brand underline underline-offset-2"
                target="_blank"
                rel="noopener"
                aria-label={`Open it in a new tab: ${title}`}
              >
                Open it in a new tab
              </a>
            </span>
          )}
        </div>
      )}
      {hydrated && resizerSettled && (
        <iframe
          ref={frameRef}
          id="SpektrixIFrame"
          name="SpektrixIFrame"
          src={src}
          title={title}
          onLoad={onLoad}
          // The first height only: from here on integrate.js sets it, and React never writes it again.
          style={{ width: "100%", height: `${initialHeight}px`, border: 0, display: "block" }}
          className="rounded-[var(--radius-card)] bg-transparent transition-[height] duration-150 motion-reduce:transition-none"
          allow="payment"
          referrerPolicy="strict-origin-when-cross-origin"
        />
      )}
      {!(hydrated && resizerSettled) && (
        <div aria-hidden className="needs-js" style={{ height: `${initialHeight}px` }} />
      )}
      {/* Without JavaScript the frame is never drawn (it is added once the page runs): say so rather than leave a gap. */}
      <noscript>
        <p className="nojs-frame rounded-lg border-l-4 border-gold bg-white p-3 text-ink">
          This part of the page needs JavaScript, which is off in this browser. The box office can help by phone: its
          number is at the foot of the page.
        </p>
      </noscript>
      <p className="mt-3 text-sm text-ink-soft">
        Trouble seeing this?{" "}
        <a
          href={href}
          className="font-medium text-brand underline underline-offset-2"
          target="_blank"
          rel="noopener"
          data-testid={fallbackTestId}
          aria-label={`Open it in a new tab: ${title}`}
        >
          Open it in a new tab
        </a>
        .
      </p>
    </div>
  );
}

function prefersReducedMotion(): boolean {
  return typeof window !== "undefined" && window.matchMedia?.("(prefers-reduced-motion: reduce)").matches === true;
}
