/**
 * The one active Spektrix connection (docs/adr/0025): every server-side Spektrix call, the browser's config
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
import { getDb, type StoreDb } from "@/lib/db";
import { bumpGeneration } from "@/lib/db/generation";
import { schema } from "@/lib/db";
import { errorText, logger } from "@/lib/log/logger.mjs";
import { getConnectedRedis } from "@/lib/redis";
import { eq } from "drizzle-orm";
import { parkEventsOf } from "@/lib/sync/park";
import { resolveConnection, type SpektrixConnection, type StoredConnection } from "./resolve";
import { open } from "./secret-box";

export {
  CONNECTION_FIELDS,
  ENV_FOR_FIELD,
  customDomainOrigin,
  type ConnectionChange,
  type ConnectionField,
  type FieldSource,
  type SpektrixConnection,
  type StoredConnection,
} from "./resolve";

export const CONNECTION_KEY = "studio.connection";

/** How long a process waits for Redis to say which revision is current before using what it has. */
const REDIS_WAIT_MS = 250;

const log = logger("connection");

type Memo = { connection: SpektrixConnection; loading: Promise<SpektrixConnection> | null };
const slot = globalThis as unknown as { __spektrixConnection?: Memo | null };

function revisionKey(): string {
  return `${env().REDIS_KEY_PREFIX}:connection-revision`;
}

/** The stored record as saved (older records lack newer fields: they read as unset). */
export async function readStoredConnection(database?: StoreDb): Promise<StoredConnection | null> {
  const db = database ?? (await getDb());
  const [row] = await db
    .select({ value: schema.siteSettings.value })
    .from(schema.siteSettings)
    .where(eq(schema.siteSettings.key, CONNECTION_KEY))
    .limit(1);
  if (!row) return null;
  const raw = row.value as Partial<StoredConnection>;
  return {
    revision: typeof raw.revision === "number" ? raw.revision : 1,
    clientName: raw.clientName ?? env().SPEKTRIX_CLIENT_NAME,
    customDomain: raw.customDomain ?? null,
    webComponentsUrl: raw.webComponentsUrl ?? null,
    apiUser: raw.apiUser ?? env().SPEKTRIX_API_USER,
    apiKeySealed: raw.apiKeySealed ?? null,
    accountPath: raw.accountPath ?? "",
    basketPath: raw.basketPath ?? "",
    checkoutPath: raw.checkoutPath ?? "",
    iframeStylesheetUrl: raw.iframeStylesheetUrl ?? null,
    componentsStylesheetUrl: raw.componentsStylesheetUrl ?? null,
    history: Array.isArray(raw.history) ? raw.history : [],
  };
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
  slot.__spektrixConnection = { connection, loading: null };
  return connection;
}

/**
 * The connection in force. Never throws for a store outage once a copy is held (the last good one is used);
 * the very first read of a process falls back to the environment alone if the store cannot be read.
 */
export async function activeConnection(): Promise<SpektrixConnection> {
  const memo = slot.__spektrixConnection;
  if (memo) {
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

/**
 * Writes a new record, with the store generation that makes every cache start over, in one transaction (which
 * also parks the old client's events when the client changes, lib/sync/park.ts); then this process uses it at
 * once and other instances are told (Redis) to read it.
 */
export async function writeStoredConnection(next: StoredConnection, database?: StoreDb): Promise<void> {
  const db = database ?? (await getDb());
  const before = connectionFrom(await readStoredConnection(db)).clientName;
  const after = connectionFrom(next).clientName;
  await db.transaction(async (tx) => {
    // Another client's feed has none of these events: keep them, hidden, rather than let the sync lose them.
    if (after !== before) await parkEventsOf(tx, before);
    await tx
      .insert(schema.siteSettings)
      .values({ key: CONNECTION_KEY, value: next })
      .onConflictDoUpdate({ target: schema.siteSettings.key, set: { value: next, updatedAt: new Date() } });
    await bumpGeneration(tx, "connection");
  });
  slot.__spektrixConnection = { connection: connectionFrom(next), loading: null };
  if (!env().REDIS_URL) return;
  try {
    const redis = await getConnectedRedis(undefined, 2_000);
    await redis?.set(revisionKey(), String(next.revision));
  } catch (error) {
    log.warn({ error: errorText(error) }, "could not publish the connection revision; other instances wait for Redis");
  }
}

/** Tests: forget this process's copy. */
export function forgetActiveConnection(): void {
  slot.__spektrixConnection = null;
}
