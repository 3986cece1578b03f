"use client";

/**
 * One Spektrix web-component loader per page. Components register the tag names they render; after the
 * first render the provider injects a single `<script data-components="…">` listing exactly those, so the
 * loader defines only what the page uses. A tag that first appears after a client-side navigation is
 * requested once more, for that tag alone (the browser has the loader cached).
 *
 * The provider also owns the shared basket query: it refetches when a component or iframe announces a basket
 * change, and React Query refetches on window focus, so a change made in another tab shows on return.
 */
import { QueryClient, QueryClientContext, QueryClientProvider, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from "react";
import type { SpektrixClient } from "@/lib/spektrix";
import type { SpektrixPublicConfig } from "@/lib/spektrix-flows/config";
import { BASKET_CHANGED_EVENT, type BasketChangedDetail } from "./basket-events";
import { basketItemCount } from "@/lib/basket/lines";
import { basketHintCookie, basketWorthAsking, hasBasketHint } from "@/lib/basket/hint";
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

export const basketQueryKey = ["spektrix", "basket"] as const;

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
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noop,
    () => true,
    () => false,
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
  if (typeof document === "undefined" || hasBasketHint(document.cookie) === has) return;
  document.cookie = basketHintCookie(has, window.location.protocol === "https:");
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

/**
 * The session basket (null when Spektrix has none yet). Shared by the header and the basket page. The header
 * passes `onlyIfWorthAsking`, so for a visitor who never started a basket the site loads no Spektrix client and
 * makes no read of its own (Spektrix's own header component still reads it; ADR 0016); the basket page always asks.
 */
export function useSpektrixBasket(options: { onlyIfWorthAsking?: boolean } = {}) {
  const client = useSpektrixWebClient();
  const worthAsking = useBasketWorthAsking();
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: basketQueryKey,
    queryFn: async ({ signal }) => {
      const hadItems = hasBasketHint(document.cookie);
      const signedIn = hasSignedInHint(document.cookie);
      const basket = await (await client()).getBasket({ signal });
      const count = basketItemCount(basket);
      queryClient.setQueryData<BasketReadContext>(basketReadQueryKey, {
        // This browser had items and Spektrix now holds none, with no change announced that would empty it (a
        // completed order announces an empty basket first): most likely the hold timed out and Spektrix
        // released them.
        released: hadItems && count === 0,
        signedIn: signedIn === hasSignedInHint(document.cookie) ? signedIn : null,
        basketId: basket?.id ?? null,
      });
      rememberBasket(count > 0);
      return basket;
    },
    enabled: !options.onlyIfWorthAsking || worthAsking === true,
    staleTime: 15_000,
    refetchOnWindowFocus: "always",
    retry: 1,
  });
}

const basketReadQueryKey = ["spektrix", "basket-read"] as const;

/** What this browser knew when the basket was last read, so what is drawn from a read is judged against it. */
export interface BasketReadContext {
  /**
   * The read found this browser's items gone without an announced change that empties it (Spektrix releases an
   * idle basket's seats): the basket page says so beside "empty".
   */
  released: boolean;
  /** The site's signed-in hint throughout the read; null when a sign-in or sign-out happened during it. */
  signedIn: boolean | null;
  basketId: string | null;
}

export function useBasketReadContext(): BasketReadContext | null {
  const { data } = useQuery<BasketReadContext | null>({
    queryKey: basketReadQueryKey,
    queryFn: () => null,
    enabled: false,
    staleTime: Infinity,
  });
  return data ?? null;
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
  const queryClient = useQueryClient();
  useEffect(() => {
    const refresh = (event: Event) => {
      // Something changed the basket. When the sender knows the count (an iframe's basket message), that
      // settles whether there is one; otherwise read it (the read clears the hint if it is empty).
      const count = (event as CustomEvent<BasketChangedDetail | undefined>).detail?.itemCount;
      rememberBasket(typeof count === "number" ? count > 0 : true);
      void queryClient.invalidateQueries({ queryKey: basketQueryKey });
    };
    window.addEventListener(BASKET_CHANGED_EVENT, refresh);
    return () => window.removeEventListener(BASKET_CHANGED_EVENT, refresh);
  }, [queryClient]);
  return null;
}

function OwnQueryClient({ children }: { children: ReactNode }) {
  const existing = useContext(QueryClientContext);
  const [own] = useState(() =>
    existing ? null : new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: true } } }),
  );
  if (existing || !own) return <>{children}</>;
  return <QueryClientProvider client={own}>{children}</QueryClientProvider>;
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
    <OwnQueryClient>
      <LoaderContext.Provider value={value}>
        <BasketSync />
        {children}
      </LoaderContext.Provider>
    </OwnQueryClient>
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

/** Seconds a submit may wait for the component's `success`/`fail` before we say something went wrong. */
export const ACTION_TIMEOUT_MS = 20_000;

/** Status of a web-component action, with a timeout so a silent component never leaves "Adding…" forever. */
/** A component's submit button text: connecting, adding, or what it will do (`ready`). */
export function actionLabel(state: ComponentState, status: ActionStatus, ready: string): string {
  if (state !== "ready") return "Connecting to the box office…";
  return status.kind === "pending" ? "Adding…" : ready;
}

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
