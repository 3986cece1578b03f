import type { SpektrixPublicConfig } from "@/lib/spektrix-flows/config";

/** A venue's Spektrix settings as the browser gets them, for tests that render inside <SpektrixProvider>. */
export const VENUE_SPEKTRIX = {
  baseUrl: "https://tickets.venue.org",
  origin: "https://tickets.venue.org",
  clientName: "venue",
  customDomain: "tickets.venue.org",
  paymentsDomain: "tickets.venue.org",
  webComponentsUrl: "https://webcomponents.spektrix.com/stable",
  loaderUrl: "https://webcomponents.spektrix.com/stable/spektrix-component-loader.js",
} satisfies Omit<SpektrixPublicConfig, "componentsStylesheetUrl">;
