/** Types for `headers.mjs` (plain JS so `next.config.mjs` can import it). */
export interface SecurityHeaderConfig {
  NODE_ENV?: string;
}
export interface DocumentPolicyConfig {
  baseUrl: string;
  webComponentsUrl: string;
  development?: boolean;
}
export interface Header {
  key: string;
  value: string;
}
export declare const HSTS_MAX_AGE: number;
export declare const ERROR_PAGE_CONTENT_SECURITY_POLICY: string;
export declare function spektrixSources(config: Pick<DocumentPolicyConfig, "baseUrl" | "webComponentsUrl">): string[];
export declare function documentContentSecurityPolicy(config: DocumentPolicyConfig): string;
export declare function pageContentSecurityPolicy(): string;
export declare function apiContentSecurityPolicy(): string;
export interface PaymentFormPolicyConfig {
  baseUrl: string;
  webComponentsUrl: string;
  providerSources: readonly string[];
  challengeSources: readonly string[];
}
export declare const PAYMENT_FORM_PATH: "/checkout/payment-form";
export declare function paymentFormContentSecurityPolicy(config: PaymentFormPolicyConfig): string;
export declare function securityHeaders(
  config: SecurityHeaderConfig,
  options?: { api?: boolean; paymentForm?: boolean },
): Header[];
