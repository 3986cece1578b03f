/**
 * What the browser needs to reach Spektrix: the base URL (the venue's custom domain, or the emulator), the
 * client name, and where the web-component loader lives. Built on the server from the validated env and
 * handed to client components as plain props, so no client bundle reads process.env.
 */
import { env, type Env } from "@/lib/config";

export interface SpektrixPublicConfig {
  /** `https://tickets.venue.org` (no trailing slash). Iframes, web components and API calls all use it. */
  baseUrl: string;
  /** Exact origin that iframe messages must come from. */
  origin: string;
  clientName: string;
  /** The web components' `custom-domain`: `tickets.venue.org`, or a full origin for http (emulator); null on system.spektrix.com. */
  customDomain: string | null;
  /** Full URL of `spektrix-component-loader.js`. */
  loaderUrl: string;
}

export function spektrixPublicConfig(e: Pick<Env, "SPEKTRIX_BASE_URL" | "SPEKTRIX_CLIENT_NAME" | "SPEKTRIX_WEB_COMPONENTS_URL"> = env()): SpektrixPublicConfig {
  const baseUrl = e.SPEKTRIX_BASE_URL.replace(/\/+$/, "");
  const url = new URL(baseUrl);
  const componentsBase = (e.SPEKTRIX_WEB_COMPONENTS_URL ?? `${baseUrl}/webcomponents/stable`).replace(/\/+$/, "");
  return {
    baseUrl,
    origin: url.origin,
    clientName: e.SPEKTRIX_CLIENT_NAME,
    // Spektrix takes a bare host (always https); plain-http bases (the emulator, local dev) need the full origin.
    customDomain: url.hostname === "system.spektrix.com" ? null : url.protocol === "https:" ? url.host : url.origin,
    loaderUrl: `${componentsBase}/spektrix-component-loader.js`,
  };
}
