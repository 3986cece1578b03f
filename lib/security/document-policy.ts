import "server-only";
import { env } from "@/lib/config";
import { spektrixPublicConfig } from "@/lib/spektrix-flows/config";
import { documentContentSecurityPolicy } from "./headers.mjs";

/**
 * The Content-Security-Policy of every page, for the Spektrix connection in force: the root layout writes it as a
 * `<meta http-equiv>`, so it is cached with the page and changes when the connection does (ADR 0017). Built from
 * the browser's config, so the policy allows exactly the hosts the page's components are given.
 */
export async function documentSecurityPolicy(): Promise<string> {
  const spektrix = await spektrixPublicConfig();
  return documentContentSecurityPolicy({
    baseUrl: spektrix.baseUrl,
    webComponentsUrl: spektrix.webComponentsUrl,
    development: env().NODE_ENV === "development",
  });
}
