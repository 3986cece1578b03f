/** Types for `page-cache.mjs` (plain JS so `next.config.mjs` can import it). */
export declare const CACHED_HOME_PATH: string;
export declare const UNFILTERED_LISTING_PATH: string;
export declare const CALENDAR_LISTING_PATH: string;
export declare const CACHED_LISTINGS: readonly { path: string; params: Readonly<Record<string, string>> }[];
export declare const LISTING_PARAMS: readonly string[];
