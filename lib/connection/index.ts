/**
 * The one active Spektrix connection (docs/adr/0017): every server-side Spektrix call, the browser's config
 * and the sync read it here, so what an editor saves in the studio's Connection page is what the whole site
 * uses, from the next request, without a rebuild or restart.
 *
 * Each process keeps the resolved connection in memory and checks that it is current before use: a save in
 * this process replaces it at once; with `REDIS_URL`, every save also publishes its revision, and another
 * instance whose copy is older reads the store again on its next request. Without Redis the site is one
 * instance (as for sign-out revocation and rate limits). A save also records a new store generation, so every
 * cached page, which embeds the browser's connection, starts over (ADR 0008).
 *
 * Server code only (it holds the owner key), but not marked `server-only`: the command-line sync uses it too.
 */
import { env, setInEnvironment } from "@/lib/config";
import { getDatabase, type Database, type StoreDb } from "@/lib/db";
import { bumpGeneration } from "@/lib/db/generation";
import { readSetting } from "@/lib/db/settings";
import { schema } from "@/lib/db";
import { errorText, logger } from "@/lib/log/logger.mjs";
import { routes } from "@/lib/routes";
import { getConnectedRedis } from "@/lib/redis";
import { eq } from "drizzle-orm";
import { SYNC_LOCK_KEY } from "@/lib/sync/lock";
import { switchParkedEvents } from "@/lib/sync/park";
import { resolveConnection, type SpektrixConnection, type StoredConnection } from "./resolve";
import { open } from "./secret-box";

export {
  CONNECTION_FIELDS,
  ENV_FOR_FIELD,
  type ConnectionChange,
  type ConnectionField,
  type SpektrixConnection,
  type StoredConnection,
} from "./resolve";

export const CONNECTION_KEY = "studio.connection";

/** How long a process waits for Redis to say which revision is current before using what it has. */
const REDIS_WAIT_MS = 250;

const log = logger("connection");

type Memo = { connection: SpektrixConnection; loading: Promise<SpektrixConnection> | null; readAt: number };

/**
 * The longest a process uses its copy without reading the store again, whatever Redis says: a revision that
 * never reached Redis (it was down) cannot leave an instance on an old connection for long.
 */
const MAX_COPY_AGE_MS = 30_000;
const slot = globalThis as unknown as { __spektrixConnection?: Memo | null };

function revisionKey(): string {
  return `${env().REDIS_KEY_PREFIX}:connection-revision`;
}

/** A record as a first save would make it: the environment's values, no custom domain, no key, no history. */
export function newStoredConnection(fields: Partial<StoredConnection> = {}): StoredConnection {
  const e = env();
  return {
    revision: 0,
    clientName: e.SPEKTRIX_CLIENT_NAME,
    customDomain: null,
    webComponentsUrl: null,
    apiUser: e.SPEKTRIX_API_USER,
    apiKeySealed: null,
    accountPath: routes.account,
    basketPath: routes.basket,
    checkoutPath: routes.checkout,
    iframeStylesheetUrl: null,
    componentsStylesheetUrl: null,
    history: [],
    ...fields,
  };
}

/** A stored record's revision: records saved before revisions were kept count as the first. */
function revisionOf(raw: Partial<StoredConnection>): number {
  return typeof raw.revision === "number" ? raw.revision : 1;
}

/** The stored record as saved (older records lack newer fields: they read as a first save would make them). */
export async function readStoredConnection(database?: StoreDb): Promise<StoredConnection | null> {
  const raw = await readSetting<Partial<StoredConnection>>(CONNECTION_KEY, database);
  if (!raw) return null;
  return newStoredConnection({
    ...raw,
    revision: revisionOf(raw),
    history: Array.isArray(raw.history) ? raw.history : [],
  });
}

/** Resolves a stored record (or none) against this process's environment. */
export function connectionFrom(stored: StoredConnection | null): SpektrixConnection {
  const e = env();
  return resolveConnection({
    stored,
    env: e,
    setInEnv: setInEnvironment(),
    openKey: (sealed) => open(sealed, e.AUTH_SECRET),
  });
}

async function sharedRevision(): Promise<number | null> {
  if (!env().REDIS_URL) return null;
  try {
    const redis = await getConnectedRedis(undefined, REDIS_WAIT_MS);
    const value = redis ? await redis.get(revisionKey()) : null;
    return value === null ? null : Number(value);
  } catch (error) {
    log.warn({ error: errorText(error) }, "could not read the connection revision; using this instance's copy");
    return null;
  }
}

async function load(database?: StoreDb): Promise<SpektrixConnection> {
  const connection = connectionFrom(await readStoredConnection(database));
  // A save in this process while this read was under way already holds a newer copy: keep it.
  const held = slot.__spektrixConnection?.connection;
  if (held && held.revision > connection.revision) return held;
  slot.__spektrixConnection = { connection, loading: null, readAt: Date.now() };
  return connection;
}

/**
 * The connection in force. Never throws for a store outage once a copy is held (the last good one is used);
 * the very first read of a process falls back to the environment alone if the store cannot be read.
 */
export async function activeConnection(): Promise<SpektrixConnection> {
  const memo = slot.__spektrixConnection;
  if (memo && Date.now() - memo.readAt < MAX_COPY_AGE_MS) {
    const shared = await sharedRevision();
    if (shared === null || shared <= memo.connection.revision) return memo.connection;
  }
  const loading = memo?.loading ?? load();
  if (memo) memo.loading = loading;
  try {
    return await loading;
  } catch (error) {
    log.warn({ error: errorText(error) }, "could not read the saved connection");
    if (memo) {
      memo.loading = null;
      return memo.connection;
    }
    return connectionFrom(null);
  }
}

/** Another save, or a sync holding the lock, got there first: nothing was written. */
export class ConnectionWriteConflict extends Error {
  constructor(readonly reason: "changed-meanwhile" | "sync-running") {
    super(reason);
    this.name = "ConnectionWriteConflict";
  }
}

/**
 * Writes a new record, with the store generation that makes every cache start over, in one transaction; then
 * this process uses it at once and other instances are told (Redis) to read it. Only over the revision it was
 * made from (`next.revision - 1`): a save made meanwhile is never overwritten.
 *
 * A change of client also parks every event of the old client and un-parks the new client's, if the site used
 * it before (lib/sync/park.ts). It holds the sync lock for that, so no run is half-way through a feed of the old
 * client; with a run under way it refuses (`sync-running`) rather than wait.
 */
export async function writeStoredConnection(
  next: StoredConnection,
  database?: Pick<Database, "db" | "withAdvisoryLock">,
): Promise<void> {
  const store = database ?? (await getDatabase());
  const before = connectionFrom(await readStoredConnection(store.db)).clientName;
  const after = connectionFrom(next).clientName;
  const write = () =>
    store.db.transaction(async (tx) => {
      const [row] = await tx
        .select({ value: schema.siteSettings.value })
        .from(schema.siteSettings)
        .where(eq(schema.siteSettings.key, CONNECTION_KEY))
        .for("update");
      const current = row ? revisionOf(row.value as Partial<StoredConnection>) : 0;
      if (current !== next.revision - 1) throw new ConnectionWriteConflict("changed-meanwhile");
      await tx
        .insert(schema.siteSettings)
        .values({ key: CONNECTION_KEY, value: next })
        .onConflictDoUpdate({ target: schema.siteSettings.key, set: { value: next, updatedAt: new Date() } });
      // Another client's feed has none of these events: keep them, hidden, rather than let the sync lose them.
      if (after !== before) await switchParkedEvents(tx, { from: before, to: after });
      await bumpGeneration(tx, "connection");
      return true;
    });
  if (after === before) await write();
  else if ((await store.withAdvisoryLock(SYNC_LOCK_KEY, write)) === undefined)
    throw new ConnectionWriteConflict("sync-running");
  slot.__spektrixConnection = { connection: connectionFrom(next), loading: null, readAt: Date.now() };
  if (!env().REDIS_URL) return;
  try {
    const redis = await getConnectedRedis(undefined, 2_000);
    await redis?.set(revisionKey(), String(next.revision));
  } catch (error) {
    log.warn({ error: errorText(error) }, "could not publish the connection revision; other instances wait for Redis");
  }
}
