/** Types for `page-cache.mjs` (plain JS so `next.config.mjs` can import it). */
export declare const CACHED_HOME_PATH: string;
export declare const UNFILTERED_LISTING_PATH: string;
export declare const LISTING_PARAMS: readonly string[];
