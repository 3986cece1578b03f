/**
 * The site's security policy, built in one place. Plain JavaScript (with JSDoc types) because `next.config.mjs`
 * imports it and cannot import TypeScript; `headers.d.mts` gives TypeScript callers the types.
 *
 * The Content-Security-Policy comes in two parts (ADR 0017), because the Spektrix hosts a page may use are the
 * studio's to change without a rebuild, while Next bakes `headers()` into the build:
 * - **the header** (every response, from `next.config.mjs`) holds what never depends on the connection:
 *   `frame-ancestors 'self'` (nobody else may frame the site; a meta policy cannot say it), `object-src 'none'`,
 *   `base-uri` and `form-action 'self'`; API responses get `default-src 'none'` as well (they are data);
 * - **the document policy** (`documentContentSecurityPolicy`, a `<meta http-equiv>` the root layout writes in
 *   every page's head, after only Next's own script and style links and before any inline script or content,
 *   from the connection in force) limits scripts, frames, connections and
 *   styles to this site, the Spektrix custom domain and the web-components host. It is cached with the page, so
 *   it changes when the connection does (ADR 0017).
 *
 * Directive by directive:
 * - `'unsafe-inline'` for scripts: Next's App Router writes inline bootstrap scripts (RSC payload, JSON-LD) whose
 *   content differs per page and render. A nonce must be new for every response, which no cached page can be;
 *   hashes would need every inline script of every cached page hashed into its own policy. Escaped JSON-LD and
 *   React's escaping are the XSS defence; the CSP narrows where code can come from and talk to;
 * - `'unsafe-inline'` for styles: React `style` attributes and the Spektrix theme variables;
 * - images: any https host (venue-authored blocks link images from anywhere), never plain http outside loopback.
 *
 * Every source is an exact origin, the emulator's too: the policy is built at run time from the connection in
 * force, so it never needs to cover a port it does not use (a payment provider's stand-in on the next port
 * must be refused outside the payment form, as the real provider's host is).
 *
 * **The payment form** (`paymentFormContentSecurityPolicy`) is the one document that may load the payment
 * provider and frame card issuers: a same-origin frame of its own (`/checkout/payment-form`, ADR 0018) whose
 * header policy the route handler writes, so every other page, the checkout page included, keeps the narrow
 * policy above. It runs no inline script at all.
 */

/**
 * @typedef {object} SecurityHeaderConfig
 * @property {string} [NODE_ENV] "production" adds HSTS
 */

/**
 * @typedef {object} DocumentPolicyConfig
 * @property {string} baseUrl The Spektrix host in force (custom domain or the emulator), e.g. https://tickets.venue.org
 * @property {string} webComponentsUrl Where the web-component scripts live
 * @property {boolean} [development] Allows eval for Next's fast refresh
 */

/** @typedef {{ key: string, value: string }} Header */

/** The payment form's address (lib/routes.ts names it too; tests/routes/registry.test.ts keeps them equal). */
export const PAYMENT_FORM_PATH = "/checkout/payment-form";

/** Two years, with subdomains: the value HSTS preload lists ask for. */
export const HSTS_MAX_AGE = 63_072_000;

/**
 * An origin a CSP source list can name, or the loopback wildcard sources for a loopback URL.
 * @param {string} url
 * @returns {string[]}
 */
function originSources(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`Security policy: ${JSON.stringify(url)} is not an absolute URL (check the Spektrix connection)`);
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    throw new Error(`Security policy: ${parsed.protocol} URLs cannot serve Spektrix (${url})`);
  }
  return [parsed.origin];
}

/** @param {string[]} values */
const unique = (values) => [...new Set(values)];

/** @param {Array<[string, string[]]>} directives */
const serialise = (directives) =>
  directives.map(([name, sources]) => `${name} ${unique(sources).join(" ")}`).join("; ");

/**
 * The Spektrix origins the browser may load from, frame and talk to: the custom domain and the web-components host.
 * @param {Pick<DocumentPolicyConfig, "baseUrl" | "webComponentsUrl">} config
 * @returns {string[]}
 */
export function spektrixSources(config) {
  return unique([...originSources(config.baseUrl), ...originSources(config.webComponentsUrl)]);
}

/** What every response's policy says, whatever the connection. */
const FIXED_DIRECTIVES = /** @type {Array<[string, string[]]>} */ ([
  ["object-src", ["'none'"]],
  ["base-uri", ["'self'"]],
  ["form-action", ["'self'"]],
]);

/**
 * The policy a page's `<meta http-equiv="Content-Security-Policy">` carries, for the connection in force.
 * @param {DocumentPolicyConfig} config
 * @returns {string}
 */
export function documentContentSecurityPolicy(config) {
  const spektrix = spektrixSources(config);
  const loopbackImages = spektrix.some((s) => s.startsWith("http://")) ? spektrix : [];
  return serialise([
    ["default-src", ["'self'"]],
    // Next's inline bootstrap scripts need 'unsafe-inline' (see the file comment); dev's fast refresh needs eval.
    ["script-src", ["'self'", "'unsafe-inline'", ...(config.development ? ["'unsafe-eval'"] : []), ...spektrix]],
    ["style-src", ["'self'", "'unsafe-inline'", ...spektrix]],
    ["img-src", ["'self'", "data:", "blob:", "https:", ...loopbackImages]],
    ["font-src", ["'self'", "data:"]],
    ["connect-src", ["'self'", ...spektrix]],
    ["frame-src", ["'self'", ...spektrix]],
    ["worker-src", ["'self'", "blob:"]],
    ["manifest-src", ["'self'"]],
    ...FIXED_DIRECTIVES,
  ]);
}

/**
 * @typedef {object} PaymentFormPolicyConfig
 * @property {string} baseUrl The Spektrix host in force
 * @property {string} webComponentsUrl Where `spektrix-payments.js` lives
 * @property {string[]} providerSources The payment provider's origins (its script, card fields, styles, API)
 * @property {string[]} challengeSources Where card issuers' 3-D Secure challenges may come from (`https:` for a
 *   real system: issuers are too many to list)
 */

/**
 * The header policy of the payment form document: Spektrix's payments script, the provider's script, frames and
 * API, and issuers' challenge frames, which the component opens by posting a form (hence `form-action`). No
 * inline script and nothing else.
 * @param {PaymentFormPolicyConfig} config
 * @returns {string}
 */
export function paymentFormContentSecurityPolicy(config) {
  const spektrix = spektrixSources(config);
  const provider = config.providerSources;
  const challenge = config.challengeSources;
  return serialise([
    ["default-src", ["'none'"]],
    ["script-src", [...spektrix, ...provider]],
    // The provider sets style attributes on its fields' frames; the site's theme file is 'self'.
    ["style-src", ["'self'", "'unsafe-inline'", ...spektrix, ...provider]],
    // Spektrix's payments stylesheet may reference its own images and fonts.
    ["img-src", ["'self'", "data:", ...spektrix, ...provider]],
    ["font-src", ["'self'", ...spektrix, ...provider]],
    ["connect-src", [...spektrix, ...provider]],
    ["frame-src", [...provider, ...challenge]],
    ["form-action", [...challenge]],
    ["frame-ancestors", ["'self'"]],
    ["base-uri", ["'none'"]],
    ["object-src", ["'none'"]],
  ]);
}

/**
 * The policy of the page shown when the root layout itself failed (app/global-error.tsx): it loads nothing from
 * Spektrix, so it needs no connection, and it must not depend on the one read that may have failed.
 */
export const ERROR_PAGE_CONTENT_SECURITY_POLICY = serialise([
  ["default-src", ["'self'"]],
  ["script-src", ["'self'", "'unsafe-inline'"]],
  ["style-src", ["'self'", "'unsafe-inline'"]],
  ["img-src", ["'self'", "data:"]],
  ...FIXED_DIRECTIVES,
]);

/**
 * The header policy of every page: only what does not depend on the connection (the document policy adds the rest).
 * @returns {string}
 */
export function pageContentSecurityPolicy() {
  return serialise([["frame-ancestors", ["'self'"]], ...FIXED_DIRECTIVES]);
}

/**
 * The header policy of API responses: data, never a document, so nothing may load.
 * @returns {string}
 */
export function apiContentSecurityPolicy() {
  return serialise([["default-src", ["'none'"]], ["frame-ancestors", ["'none'"]], ...FIXED_DIRECTIVES]);
}

/**
 * Every security header the site sends on every response; `api` for the route handlers under /api, `paymentForm`
 * for the payment form's address (all but the CSP, which its route handler and the request guard write).
 * @param {SecurityHeaderConfig} config the validated build environment (lib/config/build.mjs)
 * @param {{ api?: boolean, paymentForm?: boolean }} [options]
 * @returns {Header[]}
 */
export function securityHeaders(config, options = {}) {
  /** @type {Header[]} */
  const headers = [
    // The payment form's address gets no policy here: Next lets this header replace a route handler's own, and
    // the form writes its own (its route handler answers every method and refusal with one, ADR 0018).
    ...(options.paymentForm
      ? []
      : [
          {
            key: "Content-Security-Policy",
            value: options.api ? apiContentSecurityPolicy() : pageContentSecurityPolicy(),
          },
        ]),
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    // Superseded by frame-ancestors, kept for browsers that predate CSP 2.
    { key: "X-Frame-Options", value: "SAMEORIGIN" },
    // Payment happens inside Spektrix's frames; this site itself needs no camera, microphone or location.
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), browsing-topics=()" },
  ];
  // Only production: HSTS pins a host to https for two years, which would lock a developer's localhost out of http.
  if (config.NODE_ENV === "production") {
    headers.push({ key: "Strict-Transport-Security", value: `max-age=${HSTS_MAX_AGE}; includeSubDomains` });
  }
  return headers;
}
