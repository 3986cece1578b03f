/**
 * Settings that client components may read. Next inlines these at build time (`env` in next.config.mjs, from
 * the validated build environment), so this is the only file outside the server config that mentions them:
 * a change to VENUE_LOCALE or VENUE_CURRENCY needs a rebuild.
 */
export const publicConfig = {
  /** BCP 47 tag prices and dates are written in. */
  // The fallbacks are build.mjs's defaults, for code that runs outside a Next build (tests, scripts).
  locale: process.env.VENUE_LOCALE ?? "en-CA",
  /** ISO 4217 code of the amounts Spektrix sends. */
  currency: process.env.VENUE_CURRENCY ?? "CAD",
} as const;
