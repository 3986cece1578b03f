/**
 * Every path of this site in one typed registry: pages, the studio, and the route handlers the browser calls.
 * Links, redirects, fetches, metadata and tests take their paths from here, so a page can move in one edit.
 * Client-safe: no imports, no config.
 *
 * Four pages are also paths the venue may change in the studio (Connection: account, basket, checkout), kept
 * with the Spektrix flow settings (`pagePaths` in lib/spektrix-flows/settings.ts). The values here are their
 * defaults; server code that links to those pages reads `getFlowSettings().pagePaths`, which starts from them.
 * A moved page is served at its new path too (proxy.ts rewrites it, `movedPageAt` below) and stays at its own.
 *
 * `proxy.ts`'s matcher and `lib/page-cache.mjs` spell a few of these paths again because Next reads the matcher
 * statically and next.config.mjs cannot import TypeScript; tests/routes/registry.test.ts checks that they agree,
 * and that every path here is served by a page or route handler under app/.
 */
const enc = encodeURIComponent;
const LOGIN = "/login";

export const routes = {
  home: "/",
  whatsOn: "/whats-on",
  accessibility: "/whats-on?access=any",
  event: (slug: string) => `/events/${enc(slug)}`,
  book: (performanceId: string) => `/book/${enc(performanceId)}`,
  info: (slug: string) => `/info/${enc(slug)}`,
  support: "/support-us",
  membership: "/membership",
  giftVouchers: "/gift-vouchers",
  shop: "/shop",

  basket: "/basket",
  /** Spektrix's own checkout iframe on a page of its own. */
  guestCheckout: "/basket/guest-checkout",
  basketLabels: (performanceIds: readonly string[]) => `/basket/labels?performances=${enc(performanceIds.join(","))}`,
  checkout: "/checkout",
  /** The card form's own document, framed by the checkout page (ADR 0018). */
  paymentForm: "/checkout/payment-form",
  confirmation: (orderId: string) => `/checkout/confirmation/${enc(orderId)}`,
  confirmationCalendar: (orderId: string, performanceId: string) =>
    `/checkout/confirmation/${enc(orderId)}/calendar/${enc(performanceId)}`,

  login: LOGIN,
  /** Sign in, then back to `returnTo` (checked by the sign-in page); `login`: the sign-in page's path, if not its own. */
  signInThen: (returnTo: string, options: { login?: string } = {}) =>
    `${options.login ?? LOGIN}?callbackUrl=${enc(returnTo)}`,
  logout: "/logout",
  signUp: "/login/sign-up",
  forgotPassword: "/login/forgot-password",
  account: "/account",
  accountManage: "/account/manage",
  members: "/members",

  studio: {
    home: "/studio",
    signIn: "/studio/sign-in",
    connection: "/studio/connection",
    /** The page the Connection form frames to ask a candidate Spektrix address from the editor's browser. */
    webCheck: (target: string) => `/studio/web-check?target=${enc(target)}`,
    checkout: "/studio/checkout",
    sync: "/studio/sync",
    syncSettings: "/studio/sync/settings",
    events: "/studio/events",
    event: (id: number | string) => `/studio/events/${enc(String(id))}`,
    eventPreview: (id: number | string) => `/studio/events/${enc(String(id))}/preview`,
    pages: "/studio/pages",
    newPage: "/studio/pages/new",
    page: (id: number | string) => `/studio/pages/${enc(String(id))}`,
  },

  api: {
    availability: (performanceIds: readonly string[]) =>
      `/api/availability?performances=${performanceIds.map(enc).join(",")}`,
    /** The whole programme as one .ics file. */
    calendar: "/api/calendar",
    eventCalendar: (slug: string) => `/api/calendar?event=${enc(slug)}`,
    performanceCalendar: (performanceId: string) => `/api/calendar/${enc(performanceId)}`,
    customerPayment: "/api/checkout/customer-payment",
    checkoutCompletion: "/api/checkout/completion",
    giftVoucher: "/api/checkout/gift-voucher",
    giftAid: "/api/checkout/gift-aid",
    /** GET a form token, POST a sign-up (app/api/newsletter). */
    newsletter: "/api/newsletter",
    /** next-auth's own endpoints (app/api/auth/[...nextauth]). */
    authSession: "/api/auth/session",
    authSignOut: "/api/auth/signout",
    studioSync: "/api/studio/sync",
    /** The Spektrix fields and attributes the sync-settings pickers offer. */
    studioSyncFields: "/api/studio/sync/fields",
    studioPicker: (kind: string) => `/api/studio/pickers/${enc(kind)}`,
  },
} as const;

/** The pages the studio may move, by their key in the flow settings' `pagePaths`. */
export type MovablePage = "account" | "basket" | "checkout" | "guestCheckout";

/**
 * Which moved page a request path names: one whose studio path differs from its own route and equals `path`.
 * A page at its own route is served there already, so it never answers here.
 */
export function movedPageAt(path: string, pagePaths: Record<MovablePage, string>): MovablePage | null {
  const wanted = path.length > 1 ? path.replace(/\/+$/, "") : path;
  for (const key of Object.keys(MOVABLE_PAGE_ROUTES) as MovablePage[]) {
    if (pagePaths[key] !== MOVABLE_PAGE_ROUTES[key] && pagePaths[key] === wanted) return key;
  }
  return null;
}

/** Each movable page's own route: where a moved page's requests are rewritten to. */
export const MOVABLE_PAGE_ROUTES: Record<MovablePage, string> = {
  account: routes.account,
  basket: routes.basket,
  checkout: routes.checkout,
  guestCheckout: routes.guestCheckout,
};

/**
 * First path segments the site serves itself: a page moved there would be shadowed by, or shadow, a real route.
 * A moved page needs a section of its own (e.g. `/cart`, `/tickets/checkout`).
 */
export const SERVED_SECTIONS: ReadonlySet<string> = new Set([
  "api",
  "studio",
  "_next",
  "home",
  ...[
    routes.whatsOn,
    routes.event("x"),
    routes.book("x"),
    routes.info("x"),
    routes.support,
    routes.membership,
    routes.giftVouchers,
    routes.shop,
    routes.basket,
    routes.checkout,
    routes.login,
    routes.logout,
    routes.account,
    routes.members,
  ].map((p) => p.split("/")[1]!),
]);

/**
 * The one rule for a page path the studio may set (the Connection form and the flow settings both use it): letters,
 * digits and hyphens between single slashes, so no file name, dot segment or `//`; not the home page; and either
 * the page's own route or a path in a section the site does not serve. Null when it is fine.
 */
export function pagePathProblem(path: string, own?: string): string | null {
  if (!/^\/[a-z0-9\-/]*$/i.test(path) || path.includes("//"))
    return "must be a site path of letters, digits and hyphens starting with /, e.g. /cart";
  if (own !== undefined && path === own) return null;
  if (path === "/" || SERVED_SECTIONS.has(path.split("/")[1] ?? ""))
    return "must be a path in a section of its own (not one the site already uses, such as / or /whats-on), e.g. /cart";
  return null;
}

/** Path prefixes crawlers are asked to skip (robots.txt): per-visitor, transactional or editor-only pages. */
export const privatePathPrefixes = [
  "/api/",
  "/book/",
  routes.basket,
  routes.checkout,
  routes.account,
  routes.studio.home,
] as const;

/**
 * What robots.txt asks crawlers to skip: the fixed prefixes, and the per-visitor pages wherever the studio's
 * Connection page put them (a basket moved to /cart is as private there as at /basket).
 */
export function crawlerDisallows(pagePaths: Record<MovablePage, string>) {
  // A robots rule is a prefix: a moved page at /member would also hide /membership, so each moved path is the
  // path itself (`$` ends it) and what lies under it.
  const moved = Object.values(pagePaths)
    .filter((path) => !(privatePathPrefixes as readonly string[]).includes(path))
    .flatMap((path) => [`${path}$`, `${path}/`]);
  return [...new Set<string>([...privatePathPrefixes, ...moved])];
}
