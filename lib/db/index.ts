import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { mkdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { bumpGeneration } from "./generation";
import * as schema from "./schema";

export { schema };

const MIGRATIONS = path.join(process.cwd(), "drizzle");

export class DatabaseUnavailableError extends Error {
  constructor(target: string, cause: unknown) {
    super(`Cannot reach the database at ${target}: ${cause instanceof Error ? cause.message : String(cause)}. Check DATABASE_URL.`);
    this.name = "DatabaseUnavailableError";
  }
}

/** Hides the password when a URL is printed in an error or log. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
}

/**
 * Opens the content store: PostgreSQL for `postgres://…`, embedded PGlite for `pglite://DIR`
 * (`pglite://memory` for a throwaway one). Both run the same Drizzle schema and the same migrations.
 */
export async function openDb(url = process.env.DATABASE_URL ?? "pglite://.data/db") {
  if (/^postgres(ql)?:\/\//.test(url)) {
    const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5_000 });
    // The server may close an idle connection (restart, failover, an administrator); pg reports that as an
    // 'error' event on the pool, which would crash the whole process if nobody listened. The next query simply
    // opens a fresh connection.
    pool.on("error", (error) => console.warn(`database connection closed by the server: ${error.message}`));
    try {
      const client = await pool.connect();
      client.release();
    } catch (error) {
      await pool.end().catch(() => {});
      throw new DatabaseUnavailableError(redactUrl(url), error);
    }
    const db = drizzlePg(pool, { schema });
    return {
      kind: "postgres" as const,
      db,
      migrate: () => migrateAndRecord(db, () => migratePg(db, { migrationsFolder: MIGRATIONS })),
      /** Runs `fn` holding a session-level advisory lock, or returns undefined if someone else holds it. */
      withAdvisoryLock: async <T>(key: number, fn: () => Promise<T>): Promise<T | undefined> => {
        const client = await pool.connect();
        try {
          const { rows } = await client.query<{ locked: boolean }>("select pg_try_advisory_lock($1) as locked", [key]);
          if (!rows[0]?.locked) return undefined;
          try {
            return await fn();
          } finally {
            await client.query("select pg_advisory_unlock($1)", [key]);
          }
        } finally {
          client.release();
        }
      },
      close: () => pool.end(),
    };
  }

  const match = /^pglite:\/\/(.+)$/.exec(url);
  if (!match) throw new DatabaseUnavailableError(url, "DATABASE_URL must start with postgres:// or pglite://");
  const dir = match[1]!;
  let client: PGlite;
  try {
    if (dir === "memory") client = new PGlite();
    else {
      mkdirSync(dir, { recursive: true });
      client = new PGlite(dir);
    }
    await client.waitReady;
  } catch (error) {
    throw new DatabaseUnavailableError(url, error);
  }
  const db = drizzlePglite(client, { schema });
  // PGlite is one connection in one process, so an in-process flag is the whole lock.
  let held = false;
  return {
    kind: "pglite" as const,
    db,
    migrate: () => migrateAndRecord(db, () => migratePglite(db, { migrationsFolder: MIGRATIONS })),
    withAdvisoryLock: async <T>(_key: number, fn: () => Promise<T>): Promise<T | undefined> => {
      if (held) return undefined;
      held = true;
      try {
        return await fn();
      } finally {
        held = false;
      }
    },
    close: () => client.close(),
  };
}

/**
 * Runs the migrations and, when any was applied, moves the store's generation: a new schema can change what the
 * pages read, and no cache was told (docs/adr/0008-caches-follow-the-store.md).
 */
async function migrateAndRecord(db: unknown, run: () => Promise<void>): Promise<void> {
  const store = db as unknown as StoreDb;
  const before = await appliedMigrations(store);
  await run();
  if ((await appliedMigrations(store)) > before) await bumpGeneration(store, "migration");
}

async function appliedMigrations(db: StoreDb): Promise<number> {
  try {
    const result = (await db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`)) as unknown as { rows: { n: number }[] };
    return result.rows[0]?.n ?? 0;
  } catch {
    return 0; // a new database: no migrations table yet
  }
}

export type Database = Awaited<ReturnType<typeof openDb>>;
export type Db = Database["db"];

const globalForDb = globalThis as unknown as { __storefrontDb?: Promise<Database> };

/**
 * The process-wide store, opened and migrated once. Kept on globalThis so dev-server reloads do not open a
 * second PGlite on the same folder (PGlite allows one opener per data directory).
 */
export function getDatabase(): Promise<Database> {
  globalForDb.__storefrontDb ??= (async () => {
    const { env } = await import("@/lib/config");
    const database = await openDb(env().DATABASE_URL);
    await database.migrate();
    return database;
  })().catch((error) => {
    globalForDb.__storefrontDb = undefined;
    throw error;
  });
  return globalForDb.__storefrontDb;
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}

/**
 * The query surface both drivers share. Code that must run on PGlite and on PostgreSQL (the sync engine,
 * status queries) takes this type, so it never depends on which driver `openDb` picked.
 */
export type StoreDb = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction on either driver. */
export type StoreTx = Parameters<Parameters<StoreDb["transaction"]>[0]>[0];
/** Widens `openDb(...).db` (a union of two driver types) to the shared query surface. */
export function storeDb(db: Db): StoreDb {
  return db as unknown as StoreDb;
}
