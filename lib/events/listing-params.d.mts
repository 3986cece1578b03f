/** Types for `listing-params.mjs` (plain JS so `next.config.mjs` can import it). */
export declare const LISTING_PARAMS: readonly string[];
export declare const UNFILTERED_LISTING_PATH: string;
