/** Types for `first-load-chunks.mjs` (plain JS so `next.config.mjs` can import it). */
export declare function rootMainFiles(distDir: string): string[];
export declare function firstLoadChunks(distDir: string): Map<string, string[]>;
export declare const COMPILE_HINT: string;
export declare const COMPILE_HINTS_RECORD: string;
export declare function markCompileHints(distDir: string, on: boolean): { files: number; changed: number };
export declare function compileHintsState(distDir: string): {
  recorded: boolean;
  on: boolean;
  files: number;
  missing: string[];
};
