/** Types for `first-load-chunks.mjs` (plain JS so `next.config.mjs` can import it). */
export declare function rootMainFiles(distDir: string): string[];
export declare function firstLoadChunks(distDir: string): Map<string, string[]>;
export declare const COMPILE_HINT: string;
export declare function addCompileHints(distDir: string): { files: string[]; changed: number };
