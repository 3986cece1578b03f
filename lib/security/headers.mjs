/**
 * The site's security headers, built from config in one place. Plain JavaScript (with JSDoc types) because
 * `next.config.mjs` imports it and cannot import TypeScript; `headers.d.mts` gives TypeScript callers the types.
 *
 * Next bakes `headers()` into the build output, so these values are fixed when `next build` runs: build with the
 * same `SPEKTRIX_BASE_URL` / `SPEKTRIX_WEB_COMPONENTS_URL` the site will run with (docs/security.md).
 *
 * Content-Security-Policy, directive by directive:
 * - scripts, frames and connections: this site, the Spektrix custom domain and the web-components host only;
 * - `'unsafe-inline'` for scripts: Next's App Router writes inline bootstrap scripts (RSC payload, JSON-LD).
 *   Nonces would need a per-request proxy on every route and turn every page dynamic; escaped JSON-LD and
 *   React's escaping are the XSS defence, the CSP narrows where code can come from and talk to;
 * - `'unsafe-inline'` for styles: React `style` attributes and the Spektrix theme variables;
 * - `frame-ancestors 'self'`: nobody else may frame the site (clickjacking); `X-Frame-Options` for old browsers;
 * - images: any https host (venue-authored blocks link images from anywhere), never plain http outside loopback.
 *
 * A loopback Spektrix URL (the emulator, local dev) widens the Spektrix sources to every loopback port, so one
 * demo build serves the demo (:4010) and the test run (:4110) alike. A real Spektrix domain is never widened.
 */

/**
 * @typedef {object} SecurityHeaderConfig
 * @property {string} [SPEKTRIX_BASE_URL] The Spektrix custom domain (or the emulator), e.g. https://tickets.venue.org
 * @property {string} [SPEKTRIX_WEB_COMPONENTS_URL] Where the web-component scripts live; default {base}/webcomponents/stable
 * @property {string} [NODE_ENV] "production" adds HSTS; "development" allows eval for Next's fast refresh
 */

/** @typedef {{ key: string, value: string }} Header */

const DEFAULT_SPEKTRIX_BASE_URL = "http://localhost:4010";
const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);
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
    throw new Error(
      `Security headers: ${JSON.stringify(url)} is not an absolute URL (check SPEKTRIX_BASE_URL / SPEKTRIX_WEB_COMPONENTS_URL)`,
    );
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    throw new Error(`Security headers: ${parsed.protocol} URLs cannot serve Spektrix (${url})`);
  }
  if (LOOPBACK_HOSTS.has(parsed.hostname)) return ["http://localhost:*", "http://127.0.0.1:*"];
  return [parsed.origin];
}

/** @param {string[]} values */
const unique = (values) => [...new Set(values)];

/**
 * The Spektrix origins the browser may load from, frame and talk to: the custom domain and the web-components host.
 * @param {SecurityHeaderConfig} config
 * @returns {string[]}
 */
export function spektrixSources(config) {
  const base = (config.SPEKTRIX_BASE_URL || DEFAULT_SPEKTRIX_BASE_URL).replace(/\/+$/, "");
  const components = config.SPEKTRIX_WEB_COMPONENTS_URL || `${base}/webcomponents/stable`;
  return unique([...originSources(base), ...originSources(components)]);
}

/**
 * The Content-Security-Policy value.
 * @param {SecurityHeaderConfig} config
 * @returns {string}
 */
export function contentSecurityPolicy(config) {
  const spektrix = spektrixSources(config);
  const dev = config.NODE_ENV === "development";
  const loopbackImages = spektrix.some((s) => s.startsWith("http://")) ? spektrix : [];
  /** @type {Array<[string, string[]]>} */
  const directives = [
    ["default-src", ["'self'"]],
    // Next's inline bootstrap scripts need 'unsafe-inline' (see the file comment); dev's fast refresh needs eval.
    ["script-src", ["'self'", "'unsafe-inline'", ...(dev ? ["'unsafe-eval'"] : []), ...spektrix]],
    ["style-src", ["'self'", "'unsafe-inline'", ...spektrix]],
    ["img-src", ["'self'", "data:", "blob:", "https:", ...loopbackImages]],
    ["font-src", ["'self'", "data:"]],
    ["connect-src", ["'self'", ...spektrix]],
    ["frame-src", ["'self'", ...spektrix]],
    ["frame-ancestors", ["'self'"]],
    ["form-action", ["'self'"]],
    ["base-uri", ["'self'"]],
    ["object-src", ["'none'"]],
    ["worker-src", ["'self'", "blob:"]],
    ["manifest-src", ["'self'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${unique(sources).join(" ")}`).join("; ");
}

/**
 * Every security header the site sends on every response.
 * @param {SecurityHeaderConfig} config the validated build environment (lib/config/build.mjs)
 * @returns {Header[]}
 */
export function securityHeaders(config) {
  /** @type {Header[]} */
  const headers = [
    { key: "Content-Security-Policy", value: contentSecurityPolicy(config) },
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
