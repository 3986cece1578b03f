/**
 * What the browser needs to reach Spektrix, and the only Spektrix settings a browser may see: the base URL
 * (the venue's custom domain, or the emulator), the client name, and where the web components live. Built on
 * the server from the active connection (lib/connection: the studio's, or the environment's where it pins a
 * field) and handed to client components as plain props (no NEXT_PUBLIC_ variables, so the values change
 * without a rebuild). Every page and component that talks to Spektrix from the browser takes its values from
 * here, so the custom-domain rule exists once. Never add the API user or key.
 */
import "server-only";
import { unstable_cache } from "next/cache";
import { tags } from "@/lib/cache/tags";
import { activeConnection, type SpektrixConnection } from "@/lib/connection";

export interface SpektrixPublicConfig {
  /** `https://tickets.venue.org` (no trailing slash). Iframes, web components and API calls all use it. */
  baseUrl: string;
  /** Exact origin that iframe messages must come from. */
  origin: string;
  clientName: string;
  /**
   * The web components' `custom-domain` attribute: `tickets.venue.org`, or a full origin for http (emulator);
   * null on system.spektrix.com, where there is no custom domain to name.
   */
  customDomain: string | null;
  /**
   * `custom-domain` for `<spektrix-payments>`, which the only implementation seen always sends: the custom
   * domain as above, or Spektrix's own host when there is none.
   */
  paymentsDomain: string;
  /** Folder holding the web-component scripts (`spektrix-payments.js` and `.css` among them). */
  webComponentsUrl: string;
  /** Full URL of `spektrix-component-loader.js`. */
  loaderUrl: string;
  /** The theme's stylesheet for the web components (studio, Connection), linked where they render; or null. */
  componentsStylesheetUrl: string | null;
}

/**
 * The browser's view of the connection in force. Read through the data cache under the store's tag, so every
 * page that embeds it (all of them: the root layout does) is dropped when the connection changes (ADR 0008);
 * keyed by the connection's version, so an instance never stores one connection's view under another's.
 */
export async function spektrixPublicConfig(): Promise<SpektrixPublicConfig> {
  const connection = await activeConnection();
  return unstable_cache(async () => publicConfigOf(connection), ["spektrix-public-config", connection.version], {
    tags: [tags.connection, tags.store],
  })();
}

export function publicConfigOf(
  c: Pick<SpektrixConnection, "baseUrl" | "clientName" | "webComponentsUrl"> &
    Partial<Pick<SpektrixConnection, "componentsStylesheetUrl">>,
): SpektrixPublicConfig {
  const baseUrl = c.baseUrl.replace(/\/+$/, "");
  const url = new URL(baseUrl);
  const componentsBase = c.webComponentsUrl.replace(/\/+$/, "");
  // Spektrix takes a bare host (always https); plain-http bases (the emulator, local dev) need the full origin.
  const customDomain =
    url.hostname === "system.spektrix.com" ? null : url.protocol === "https:" ? url.host : url.origin;
  return {
    baseUrl,
    origin: url.origin,
    clientName: c.clientName,
    customDomain,
    paymentsDomain: customDomain ?? url.host,
    webComponentsUrl: componentsBase,
    loaderUrl: `${componentsBase}/spektrix-component-loader.js`,
    componentsStylesheetUrl: c.componentsStylesheetUrl ?? null,
  };
}
