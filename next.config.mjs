import { createRequire } from "node:module";
import { CACHED_HOME_PATH, CALENDAR_LISTING_PATH, LISTING_PARAMS, UNFILTERED_LISTING_PATH } from "./lib/page-cache.mjs";
import { buildEnv } from "./lib/config/build.mjs";
import { markCompileHints } from "./lib/build/first-load-chunks.mjs";
import { PAYMENT_FORM_PATH, securityHeaders } from "./lib/security/headers.mjs";

// The variables the build reads, validated by the same rules as the running site (lib/config).
const config = buildEnv();

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // Lets two builds (say, a benchmark and a test run) live side by side without overwriting each other.
  distDir: config.NEXT_DIST_DIR,
  poweredByHeader: false,
  // `next dev` serves its scripts and live-reload socket to localhost only; the demo prints localhost, but a
  // developer who opens 127.0.0.1 (the same machine) would get a page that never hydrates.
  allowedDevOrigins: ["127.0.0.1"],
  // Locale and currency are needed by client components that format prices; Next inlines these at build time,
  // and lib/config/public.ts is the one place that reads them.
  env: { VENUE_LOCALE: config.VENUE_LOCALE, VENUE_CURRENCY: config.VENUE_CURRENCY },
  generateEtags: false,
  // Every chunk a page runs gets V8's compile hint, so phones compile it while it downloads instead of function
  // by function on the main thread during hydration (ADR 0016). The manifests exist once compiled.
  compiler: {
    runAfterProductionCompile: async ({ distDir }) => {
      const { files, changed } = markCompileHints(distDir, config.NEXT_COMPILE_HINTS === "on");
      console.log(`  compile hints: ${config.NEXT_COMPILE_HINTS}, ${changed} of ${files} chunks marked`);
    },
  },
  // PGlite ships a WASM build of PostgreSQL that must be loaded from node_modules at run time, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pino"],
  // Event images are Spektrix's own, already sized, and drawn with a plain <img> (components/site/event-image-client.tsx):
  // no image optimiser runs, so none is left listening as a proxy to remote hosts.
  images: { unoptimized: true },
  async rewrites() {
    return {
      // Pages that are the same for everyone, served from the page cache here, before the proxy (lib/page-cache.mjs,
      // ADR 0007). A /whats-on with no listing parameter (bare, or carrying only utm_* and the like) is the
      // unfiltered list; the proxy then runs only for filtered URLs (proxy.ts).
      beforeFiles: [
        { source: "/", destination: CACHED_HOME_PATH },
        {
          source: "/whats-on",
          missing: LISTING_PARAMS.map((key) => ({ type: "query", key })),
          destination: UNFILTERED_LISTING_PATH,
        },
        // This month's calendar, with no other listing parameter, is the same for everyone too.
        {
          source: "/whats-on",
          has: [{ type: "query", key: "view", value: "calendar" }],
          missing: LISTING_PARAMS.filter((key) => key !== "view").map((key) => ({ type: "query", key })),
          destination: CALENDAR_LISTING_PATH,
        },
      ],
    };
  },
  async headers() {
    // CSP, HSTS (production), nosniff, Referrer-Policy, frame-ancestors: lib/security/headers.mjs, docs/security.md.
    // The page policy here holds only what never depends on the Spektrix connection; each page's own
    // <meta> policy (app/layout.tsx) adds the Spektrix hosts in force (ADR 0017). The API answers data only.
    // The payment form (PAYMENT_FORM_PATH) is left out of the page rule: it writes its own, wider policy, which a
    // second header policy here would narrow again (ADR 0018).
    return [
      { source: `/((?!${PAYMENT_FORM_PATH.slice(1)}$).*)`, headers: securityHeaders(config) },
      { source: PAYMENT_FORM_PATH, headers: securityHeaders(config, { paymentForm: true }) },
      { source: "/api/:path*", headers: securityHeaders(config, { api: true }) },
    ];
  },
  // The cache follows the store: every read is checked against the store's generation (cache-handler.mjs,
  // ADR 0008), and not-found pages are never stored (lib/cache/missing-pages.mjs): a made-up address must not
  // leave a file behind. With REDIS_URL, several instances share one data cache in Redis, so a sync's
  // revalidateTag reaches all of them (ADR 0005); without it, one instance keeps Next's own disk cache.
  cacheHandler: createRequire(import.meta.url).resolve("./cache-handler.mjs"),
  // How long a cached page may be served stale while it refreshes, past its revalidate: by a shared cache (Next
  // sends `s-maxage=<revalidate>, stale-while-revalidate=<expireTime - revalidate>`) and by this server's own page
  // cache, which renders a page older than this while its visitor waits instead of answering from the cache. Next's
  // default is a year, so after a quiet spell a CDN could hand the first visitor a months-old listing; an hour keeps
  // a quiet event page served from the cache (ADR 0007) and bounds what a CDN may keep.
  expireTime: 3600,
  ...(config.REDIS_URL ? { cacheMaxMemorySize: 0 } : {}),
};

export default nextConfig;
