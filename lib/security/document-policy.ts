import "server-only";
import { env } from "@/lib/config";
import type { SpektrixPublicConfig } from "@/lib/spektrix-flows/config";
import { documentContentSecurityPolicy } from "./headers.mjs";

/**
 * The Content-Security-Policy of every page, for the Spektrix connection in force: the root layout writes it as a
 * `<meta http-equiv>`, so it is cached with the page and changes when the connection does (ADR 0017). Built from
 * the browser's config the page is given, so the policy allows exactly the hosts its components use.
 */
export function documentSecurityPolicy(spektrix: Pick<SpektrixPublicConfig, "baseUrl" | "webComponentsUrl">): string {
  return documentContentSecurityPolicy({
    baseUrl: spektrix.baseUrl,
    webComponentsUrl: spektrix.webComponentsUrl,
    development: env().NODE_ENV === "development",
  });
}
