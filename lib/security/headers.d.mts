/** Types for `headers.mjs` (plain JS so `next.config.mjs` can import it). */
export interface SecurityHeaderConfig {
  SPEKTRIX_BASE_URL?: string;
  SPEKTRIX_WEB_COMPONENTS_URL?: string;
  NODE_ENV?: string;
}
export interface Header {
  key: string;
  value: string;
}
export declare const HSTS_MAX_AGE: number;
export declare function spektrixSources(config: SecurityHeaderConfig): string[];
export declare function contentSecurityPolicy(config: SecurityHeaderConfig): string;
export declare function securityHeaders(config: SecurityHeaderConfig): Header[];
