/**
 * The demo's Spektrix connection lives where a venue's does: in the studio's store (ADR 0017), not pinned by
 * environment variables, so an editor trying the demo can change it on the Connection page. Before the site
 * starts, the demo points it at the emulator it just started: a store with no connection gets one; a connection
 * already on an emulator (a loopback address, from an earlier demo run on another port) follows it; one an
 * editor pointed at a real Spektrix domain is left alone.
 */
import {
  newStoredConnection,
  readStoredConnection,
  writeStoredConnection,
  type StoredConnection,
} from "@/lib/connection";
import type { Database } from "@/lib/db";
import { isLoopbackHttp } from "@/lib/http/loopback.mjs";

export async function pointDemoConnectionAt(
  database: Pick<Database, "db" | "withAdvisoryLock">,
  emulator: { origin: string; clientName: string; apiUser: string },
): Promise<"created" | "moved" | "kept"> {
  const stored = await readStoredConnection(database.db);
  if (stored && !(stored.customDomain && isLoopbackHttp(stored.customDomain))) return "kept";
  if (stored?.customDomain === emulator.origin) return "kept";
  const next: StoredConnection = stored
    ? { ...stored, revision: stored.revision + 1, customDomain: emulator.origin }
    : newStoredConnection({
        revision: 1,
        clientName: emulator.clientName,
        customDomain: emulator.origin,
        apiUser: emulator.apiUser,
      });
  await writeStoredConnection(next, database);
  return stored ? "moved" : "created";
}
