/** Types for `sweep.mjs` (plain JS so `cache-handler.mjs` can import it). */
export const SWEEP_AFTER_MS: number;
export const SWEEP_EVERY_MS: number;
export function sweepOlderThan(dir: string, maxAgeMs: number, now?: number): Promise<number>;
export function sweeper(
  dir: string,
  options?: { everyMs?: number; maxAgeMs?: number; now?: () => number; onError?: (error: unknown) => void },
): () => Promise<number> | undefined;
