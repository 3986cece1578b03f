/**
 * How browser code reaches the Spektrix web-mode client: loaded on first use. The client brings its schemas and
 * zod (~24 KB gzip), which no page needs before a visitor reads a basket, signs in or pays; a static import put
 * them in the first load of the basket, checkout and login pages, ahead of their first paint on a phone
 * (ADR 0016). The first call costs one small request; later calls reuse the module.
 */
import type { SpektrixClient, SpektrixClientOptions } from "./client";
import type { RemovableKind } from "./web-basket";

export function loadSpektrixClient(options: SpektrixClientOptions): Promise<SpektrixClient> {
  // The caller's bound on Spektrix covers the download too: a stalled chunk must not hold a visitor longer.
  return withinTime(import("./client"), options.timeoutMs ?? DOWNLOAD_TIMEOUT_MS).then(({ createSpektrixClient }) =>
    createSpektrixClient(options),
  );
}

const DOWNLOAD_TIMEOUT_MS = 10_000;

/** `promise`, or a rejection once `ms` have passed without an answer. */
export function withinTime<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`No answer within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/**
 * Starts the download without waiting for it, for a control whose click will need the client (pay, sign out):
 * the click then waits only on Spektrix. A failed download is not remembered; the click's own call tries again.
 */
export function preloadSpektrixClient(): void {
  import("./client").catch(() => undefined);
}

/**
 * Removes basket items of one kind in web mode (lib/spektrix/web-basket.ts), loading it on first use; a stalled
 * download ends like a stalled call, so the basket's "Remove" never spins for ever.
 */
export async function removeFromWebBasket(
  options: { baseUrl: string; clientName: string },
  kind: RemovableKind,
  ids: readonly string[],
): Promise<void> {
  const { createWebBasket } = await withinTime(import("./web-basket"), DOWNLOAD_TIMEOUT_MS);
  await createWebBasket(options).remove(kind, ids);
}
