/**
 * The payment form: the one document on this site that loads the payment provider behind Spektrix's
 * `<spektrix-payments>` and frames card issuers' 3-D Secure challenges (ADR 0018). The checkout page frames it
 * (same origin) and drives the component inside it (components/checkout/spektrix-payments-client.tsx), so the
 * wider policy it needs never applies to any other page, the checkout page included. The document holds no
 * inline script and nothing about the visitor: the payment token reaches it from the checkout page only after
 * it has loaded.
 */
import { paymentFormContentSecurityPolicy } from "@/lib/security/headers.mjs";
import { THEME_STYLESHEET_PATH } from "@/lib/spektrix-flows/settings";
import { PAYMENT_FORM_TITLE, SIGNED_OUT_MARKER } from "./payment-form-title";
import { escapeHtml } from "@/lib/html/escape";

export interface PaymentFormConfig {
  baseUrl: string;
  webComponentsUrl: string;
  /** The theme's stylesheet for the web components, when the studio sets one. */
  componentsStylesheetUrl?: string | null;
  providerSources: readonly string[];
  challengeSources: readonly string[];
}

/**
 * What the frame holds when the visitor's session has ended: a marked, empty document the checkout page can read
 * (same origin) and answer with "sign in again", and a policy that lets only this site frame it and load nothing.
 */
export function signedOutPaymentForm(): { html: string; policy: string } {
  return {
    html: `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="payment-form" content="${SIGNED_OUT_MARKER}"><title>${PAYMENT_FORM_TITLE}</title></head><body><p>Your session has ended. Sign in again to pay.</p></body></html>
`,
    policy: "default-src 'none'; frame-ancestors 'self'; base-uri 'none'; form-action 'none'",
  };
}

/** The document and the policy it is served with. */
export function paymentFormDocument(config: PaymentFormConfig): { html: string; policy: string } {
  const components = config.webComponentsUrl.replace(/\/+$/, "");
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${PAYMENT_FORM_TITLE}</title>
<style>html,body{margin:0;background:transparent;font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d1a17}body{padding:2px}</style>
<link rel="stylesheet" href="${escapeHtml(`${components}/spektrix-payments.css`)}">
<link rel="stylesheet" href="${escapeHtml(THEME_STYLESHEET_PATH)}">${
    config.componentsStylesheetUrl
      ? `\n<link rel="stylesheet" href="${escapeHtml(config.componentsStylesheetUrl)}">`
      : ""
  }
<script src="${escapeHtml(`${components}/spektrix-payments.js`)}"></script>
</head><body></body></html>
`;
  return {
    html,
    policy: paymentFormContentSecurityPolicy({
      baseUrl: config.baseUrl,
      webComponentsUrl: components,
      providerSources: [...config.providerSources],
      challengeSources: [...config.challengeSources],
    }),
  };
}
