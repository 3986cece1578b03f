/**
 * The demo's Spektrix connection lives where a venue's does: in the studio's store (ADR 0017), not pinned by
 * environment variables, so an editor trying the demo can change it on the Connection page. Before the site
 * starts, the demo points it at the emulator it just started: a store with no connection gets one; a connection
 * already on an emulator (a loopback address, from an earlier demo run on another port) follows it; one an
 * editor pointed at a real Spektrix domain is left alone.
 */
import { readStoredConnection, writeStoredConnection, type StoredConnection } from "@/lib/connection";
import type { StoreDb } from "@/lib/db";
import { routes } from "@/lib/routes";

const LOOPBACK = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\]):\d+$/;

export async function pointDemoConnectionAt(
  db: StoreDb,
  emulator: { origin: string; clientName: string; apiUser: string },
): Promise<"created" | "moved" | "kept"> {
  const stored = await readStoredConnection(db);
  if (stored && !(stored.customDomain && LOOPBACK.test(stored.customDomain))) return "kept";
  if (stored?.customDomain === emulator.origin) return "kept";
  const next: StoredConnection = stored
    ? { ...stored, revision: stored.revision + 1, customDomain: emulator.origin }
    : {
        revision: 1,
        clientName: emulator.clientName,
        customDomain: emulator.origin,
        webComponentsUrl: null,
        apiUser: emulator.apiUser,
        apiKeySealed: null,
        accountPath: routes.account,
        basketPath: routes.basket,
        checkoutPath: routes.checkout,
        iframeStylesheetUrl: null,
        componentsStylesheetUrl: null,
        history: [],
      };
  await writeStoredConnection(next, db);
  return stored ? "moved" : "created";
}
