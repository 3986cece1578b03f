/** Types for `follow-store.mjs` (plain JS so `cache-handler.mjs` can import it). */
export interface GenerationChain {
  newest: string;
  valid: string[];
}
export declare const STORE_TAG: "store";
export declare const GENERATION_SOURCE: unique symbol;
export declare const CHECK_EVERY_MS: number;
export declare function followTheStore(options: {
  invalidate: () => Promise<void>;
  marker: { read(): Promise<string | null>; write(token: string): Promise<void> };
}): Promise<void>;

/** The next cache read in this process compares with the store at once (a change this process made, unannounced). */
export declare function storeChangedHere(): void;
