import { getDb } from "@/lib/db";
import { readGenerationChain } from "@/lib/db/generation";
import { GENERATION_SOURCE, type GenerationChain } from "./follow-store.mjs";

/**
 * Gives `cache-handler.mjs` (loaded by Next outside the app's bundles) a way to read the store's generation chain
 * through the app's one database entry point. Called from `instrumentation.ts`, before the server takes requests,
 * so the first cache read after a start is already checked against the store (ADR 0008). Opening the store is
 * left to that first read.
 */
export function installStoreGenerationSource(): void {
  const holder = globalThis as unknown as Record<symbol, () => Promise<GenerationChain>>;
  holder[GENERATION_SOURCE] = async () => readGenerationChain(await getDb());
}
