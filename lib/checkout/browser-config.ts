/**
 * The only Spektrix settings a browser may see: where the venue's Spektrix lives and the client name.
 * Built on the server from config and handed to client components as props (no NEXT_PUBLIC_ variables,
 * so the values can change per deployment without a rebuild). Never add the API user or key here.
 */
import "server-only";
import { env } from "@/lib/config";

export interface SpektrixBrowserConfig {
  /** `https://{custom domain}` (or the emulator): the browser calls web mode here with its own cookie. */
  baseUrl: string;
  clientName: string;
  /** Folder holding `spektrix-payments.js` and `.css`. */
  webComponentsUrl: string;
  /**
   * The `custom-domain` attribute of `<spektrix-payments>`: the custom domain's host, as Spektrix documents
   * it. Over plain http (the emulator in development) the full origin, since a bare host means https.
   */
  customDomain: string;
}

export function spektrixBrowserConfig(): SpektrixBrowserConfig {
  const e = env();
  const baseUrl = e.SPEKTRIX_BASE_URL;
  const url = new URL(baseUrl);
  return {
    baseUrl,
    clientName: e.SPEKTRIX_CLIENT_NAME,
    webComponentsUrl: e.SPEKTRIX_WEB_COMPONENTS_URL ?? `${baseUrl}/webcomponents/stable`,
    customDomain: url.protocol === "https:" ? url.host : url.origin,
  };
}

/** `originDomain` for initiate-customer-payment: this site's host, from config, never from a request. */
export function originDomain(): string {
  return new URL(env().SITE_URL).host;
}
