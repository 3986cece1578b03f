"use client";

/**
 * One Spektrix web-component loader per page. Components register the tag names they render; after the
 * first render the provider injects a single `<script data-components="…">` listing exactly those, so the
 * loader defines only what the page uses. A tag that first appears after a client-side navigation is
 * requested once more, for that tag alone (the browser has the loader cached).
 *
 * The provider also records, when a component or iframe announces a basket change, that this browser may have a
 * basket (lib/basket/hint.ts); the live reads themselves (live-queries-client.tsx) load after the first paint.
 */
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  useDeferredValue,
  useSyncExternalStore,
  type ReactNode,
} from "react";
import type { SpektrixClient } from "@/lib/spektrix";
import type { SpektrixPublicConfig } from "@/lib/spektrix-flows/config";
import { BASKET_CHANGED_EVENT, type BasketChangedDetail } from "./basket-events";
import { basketItemCount } from "@/lib/basket/lines";
import {
  basketHintCookie,
  basketWorthAsking,
  hasBasketHint,
  hasUnlinkedCustomerHint,
  unlinkedCustomerCookie,
} from "@/lib/basket/hint";
import { hasSignedInHint } from "@/lib/auth/cookies";
import { routes } from "@/lib/routes";
import { loadSpektrixClient } from "@/lib/spektrix/load";

export type SpektrixTag =
  | "spektrix-basket-summary"
  | "spektrix-login-status"
  | "spektrix-donate"
  | "spektrix-memberships"
  | "spektrix-gift-vouchers"
  | "spektrix-merchandise";

/** How long a component waits for the loader to define it before it offers the box office instead. */
export const DEFINE_TIMEOUT_MS = 12_000;

export interface BoxOffice {
  phone: string;
  email: string;
  hours: string;
}

interface LoaderContextValue {
  config: SpektrixPublicConfig;
  boxOffice: BoxOffice;
  basketPath: string;
  accountPath: string;
  register(tag: SpektrixTag): void;
  /** Tags whose loader script failed to load. */
  failed: ReadonlySet<string>;
}

const LoaderContext = createContext<LoaderContextValue | null>(null);

export function useSpektrix(): LoaderContextValue {
  const value = useContext(LoaderContext);
  if (!value) throw new Error("Spektrix components must be inside <SpektrixProvider> (app/layout.tsx).");
  return value;
}

export { basketItemCount };

/**
 * A browser client for the visitor's own session: cookies go with every call (`credentials: 'include'`).
 * It is loaded on first use, so the client and the schemas it validates with stay out of the JavaScript
 * every page loads up front (the header is on every page).
 */
export function useSpektrixWebClient(): () => Promise<SpektrixClient> {
  const { config } = useSpektrix();
  return useMemo(() => {
    let client: Promise<SpektrixClient> | undefined;
    return () =>
      (client ??= loadSpektrixClient({
        baseUrl: config.baseUrl,
        clientName: config.clientName,
        timeoutMs: 8_000,
        retries: 1,
      }).catch((error: unknown) => {
        // A failed download (offline, or a deploy removed the chunk) is not kept: the next read tries again.
        client = undefined;
        throw error;
      }));
  }, [config.baseUrl, config.clientName]);
}

const noop = () => () => {};
/**
 * False during server rendering and hydration, true afterwards. The basket lives only in the browser, so
 * anything drawn from it waits for this to avoid hydration mismatches when the query resolves early.
 * The store makes React re-render its readers synchronously once hydration is done; deferring the value moves
 * what they then draw (an iframe, a lazily loaded island) into a render React can interrupt, so it does not
 * join hydration's last task as one long block of the phone's main thread (ADR 0016).
 */
export function useHydrated(): boolean {
  return useDeferredValue(
    useSyncExternalStore(
      noop,
      () => true,
      () => false,
    ),
  );
}

const BASKET_HINT_EVENT = "site:basket-hint";
// Read again when this page changes the hint, and when the visitor comes back to the tab: another tab may
// have started a basket or signed in meanwhile.
const subscribeToHints = (onChange: () => void) => {
  window.addEventListener(BASKET_HINT_EVENT, onChange);
  document.addEventListener("visibilitychange", onChange);
  window.addEventListener("focus", onChange);
  return () => {
    window.removeEventListener(BASKET_HINT_EVENT, onChange);
    document.removeEventListener("visibilitychange", onChange);
    window.removeEventListener("focus", onChange);
  };
};

/** Records whether this browser has a basket (lib/basket/hint.ts), and tells the header when that changes. */
export function rememberBasket(has: boolean): void {
  rememberHint(hasBasketHint, basketHintCookie, has);
}

/**
 * Records whether this browser's Spektrix session has a customer the site is not signed in as (lib/basket/hint.ts),
 * and tells the header when that changes.
 */
export function rememberUnlinkedCustomer(has: boolean): void {
  rememberHint(hasUnlinkedCustomerHint, unlinkedCustomerCookie, has);
}

/** Writes a hint cookie only when it changes, so the header reads the hints again only then. */
function rememberHint(
  read: (cookieHeader: string) => boolean,
  write: (has: boolean, secure: boolean) => string,
  has: boolean,
): void {
  if (typeof document === "undefined" || read(document.cookie) === has) return;
  document.cookie = write(has, window.location.protocol === "https:");
  announceHintsChanged();
}

/** Tells everything reading the hint cookies to read them again (a sign-in or sign-out without a page load). */
export function announceHintsChanged(): void {
  window.dispatchEvent(new Event(BASKET_HINT_EVENT));
}

/** Whether this browser has a site session (the signed-in hint); null while rendering on the server and hydrating. */
export function useSignedInHint(): boolean | null {
  return useSyncExternalStore(
    subscribeToHints,
    () => hasSignedInHint(document.cookie),
    () => null,
  );
}

/**
 * Whether asking Spektrix for the basket can find one: this browser started a basket, or the visitor is
 * signed in (a member's basket may come from another device). null while rendering on the server and hydrating.
 */
export function useBasketWorthAsking(): boolean | null {
  return useSyncExternalStore(
    subscribeToHints,
    () => basketWorthAsking(document.cookie),
    () => null,
  );
}

function injectLoader(src: string, tags: string[], onError: () => void): void {
  const script = document.createElement("script");
  script.src = src;
  script.async = true;
  script.dataset.components = tags.join(",");
  script.dataset.spektrixLoader = "";
  script.addEventListener("error", onError, { once: true });
  document.head.appendChild(script);
}

function BasketSync() {
  useEffect(() => {
    const remember = (event: Event) => {
      // Something changed the basket. When the sender knows the count (an iframe's basket message), that
      // settles whether there is one; otherwise assume one, and the read that follows clears the hint if empty.
      const detail = (event as CustomEvent<BasketChangedDetail | undefined>).detail;
      const count = detail?.itemCount;
      rememberBasket(typeof count === "number" ? count > 0 : true);
      // A frame's Spektrix session with a customer the site is not signed in as: a sign-in inside Spektrix's
      // checkout, which the next page's header must notice even once the paid order has emptied the basket.
      if (typeof detail?.spektrixCustomer === "boolean")
        rememberUnlinkedCustomer(detail.spektrixCustomer && !hasSignedInHint(document.cookie));
    };
    window.addEventListener(BASKET_CHANGED_EVENT, remember);
    return () => window.removeEventListener(BASKET_CHANGED_EVENT, remember);
  }, []);
  return null;
}

export function SpektrixProvider({
  config,
  boxOffice,
  basketPath = routes.basket,
  accountPath = routes.account,
  children,
}: {
  config: SpektrixPublicConfig;
  boxOffice: BoxOffice;
  basketPath?: string;
  accountPath?: string;
  children: ReactNode;
}) {
  const pending = useRef(new Set<string>());
  const requested = useRef(new Set<string>());
  const scheduled = useRef(false);
  const [failed, setFailed] = useState<ReadonlySet<string>>(() => new Set());

  const flush = useCallback(() => {
    scheduled.current = false;
    const tags = [...pending.current].filter((t) => !requested.current.has(t) && !customElements.get(t));
    pending.current.clear();
    if (!tags.length) return;
    tags.forEach((t) => requested.current.add(t));
    injectLoader(config.loaderUrl, tags, () => setFailed((prev) => new Set([...prev, ...tags])));
  }, [config.loaderUrl]);

  const register = useCallback(
    (tag: SpektrixTag) => {
      if (typeof window === "undefined" || requested.current.has(tag)) return;
      pending.current.add(tag);
      if (scheduled.current) return;
      scheduled.current = true;
      // Wait for the rest of this render's components to register, then load once for all of them.
      window.setTimeout(flush, 0);
    },
    [flush],
  );

  const value = useMemo(
    () => ({ config, boxOffice, basketPath, accountPath, register, failed }),
    [config, boxOffice, basketPath, accountPath, register, failed],
  );
  return (
    <LoaderContext.Provider value={value}>
      <BasketSync />
      {children}
    </LoaderContext.Provider>
  );
}

export type ComponentState = "loading" | "ready" | "unavailable";

/**
 * Registers `tag` with the page's loader and reports when it is defined. After `DEFINE_TIMEOUT_MS`, or if
 * the loader script fails, the state becomes `unavailable` and the component offers the box office.
 */
export function useSpektrixComponent(tag: SpektrixTag): ComponentState {
  const { register, failed } = useSpektrix();
  const [state, setState] = useState<ComponentState>("loading");
  useEffect(() => {
    // whenDefined resolves at once for a tag that is already defined (e.g. after a client-side navigation).
    if (!customElements.get(tag)) register(tag);
    let live = true;
    const timer = window.setTimeout(
      () => live && setState((s) => (s === "loading" ? "unavailable" : s)),
      DEFINE_TIMEOUT_MS,
    );
    void customElements.whenDefined(tag).then(() => {
      if (!live) return;
      window.clearTimeout(timer);
      setState("ready");
    });
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [tag, register]);
  return failed.has(tag) && state !== "ready" ? "unavailable" : state;
}

/**
 * The theme's stylesheet for Spektrix's web components (studio, Connection), where one renders: React hoists it
 * into the head once, however many components a page has, and pages without one never load it.
 */
export function SpektrixThemeStylesheet() {
  const { config } = useSpektrix();
  if (!config.componentsStylesheetUrl) return null;
  return <link rel="stylesheet" href={config.componentsStylesheetUrl} precedence="spektrix-theme" />;
}
