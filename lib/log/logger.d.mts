/** Types for `logger.mjs` (plain JS so `cache-handler.mjs` can import it). */
import type { DestinationStream, Logger } from "pino";

export declare const REDACTED_KEYS: readonly string[];
export declare function redactUrl(url: string): string;
export declare function createLogger(options?: { level?: string; destination?: DestinationStream }): Logger;
export declare function logger(area: string): Logger;
export declare function errorText(error: unknown): string;
