import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { errorText, logger, redactUrl } from "@/lib/log/logger.mjs";
import { sql } from "drizzle-orm";
import { bumpGeneration } from "./generation";
import * as schema from "./schema";

export { schema };

const MIGRATIONS = path.join(process.cwd(), "drizzle");

export class DatabaseUnavailableError extends Error {
  constructor(target: string, cause: unknown, advice = "Check DATABASE_URL.") {
    super(
      `Cannot reach the database at ${target}: ${cause instanceof Error ? cause.message : String(cause)}. ${advice}`,
    );
    this.name = "DatabaseUnavailableError";
  }
}

export { redactUrl };

/**
 * Whether a query failed on a unique index (SQLSTATE 23505), on either driver: drizzle may wrap the driver's error,
 * so its cause is read too. A concurrent writer that got there first, not a fault.
 */
export function isUniqueViolation(error: unknown): boolean {
  for (
    let e: unknown = error, depth = 0;
    e && typeof e === "object" && depth < 3;
    e = (e as { cause?: unknown }).cause, depth++
  )
    if ((e as { code?: unknown }).code === "23505") return true;
  return false;
}

/**
 * The query surface both drivers share. Every caller gets this type, so no code depends on which driver
 * `openDb` picked (the two drizzle driver types differ only in what this project never uses).
 */
export type StoreDb = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction on either driver. */
export type StoreTx = Parameters<Parameters<StoreDb["transaction"]>[0]>[0];

/** An open store: the query surface, which driver it is, an advisory lock (the sync's), migrations, close. */
export interface Database {
  kind: "postgres" | "pglite";
  db: StoreDb;
  migrate(): Promise<void>;
  /** Runs `fn` holding the lock `key`, or returns undefined if someone else holds it. */
  withAdvisoryLock<T>(key: number, fn: () => Promise<T>): Promise<T | undefined>;
  close(): Promise<void>;
}

/**
 * Opens a store of its own at `url`: PostgreSQL for `postgres://…`, embedded PGlite for `pglite://DIR`
 * (`pglite://memory` for a throwaway one). Both run the same Drizzle schema and the same migrations. For
 * scripts and tests; the site itself uses `getDb()` / `getDatabase()`, the one store of the process.
 */
export async function openDb(url: string): Promise<Database> {
  if (/^postgres(ql)?:\/\//.test(url)) {
    const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5_000 });
    // The server may close an idle connection (restart, failover, an administrator); pg reports that as an
    // 'error' event on the pool, which would crash the whole process if nobody listened. The next query simply
    // opens a fresh connection.
    pool.on("error", (error) =>
      logger("db").warn({ error: errorText(error) }, "database connection closed by the server"),
    );
    try {
      const client = await pool.connect();
      client.release();
    } catch (error) {
      await pool.end().catch(() => {});
      throw new DatabaseUnavailableError(redactUrl(url), error);
    }
    const db = drizzlePg(pool, { schema });
    return {
      kind: "postgres",
      db: db as unknown as StoreDb,
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
    // A folder that holds a database (PG_VERSION) yet will not open is almost always damaged (a process killed
    // mid-write), and only a new folder mends it; PGlite's own message ("Aborted()") does not say so. Any other
    // failure (a folder that cannot be created, say) keeps the general advice: nothing there should be deleted.
    const damaged = dir !== "memory" && existsSync(path.join(dir, "PG_VERSION"));
    throw new DatabaseUnavailableError(
      url,
      error,
      damaged
        ? `The folder ${dir} cannot be read as a PGlite database. Move it aside (or start the demo with --fresh, which deletes it) and run again.`
        : undefined,
    );
  }
  const db = drizzlePglite(client, { schema });
  // PGlite is one connection in one process, so an in-process flag is the whole lock.
  let held = false;
  return {
    kind: "pglite",
    db: db as unknown as StoreDb,
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
    const result = (await db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`)) as unknown as {
      rows: { n: number }[];
    };
    return result.rows[0]?.n ?? 0;
  } catch {
    return 0; // a new database: no migrations table yet
  }
}

const globalForDb = globalThis as unknown as { __storefrontDb?: Promise<Database> };

/**
 * The process-wide store at `DATABASE_URL`, opened and migrated once. Kept on globalThis so dev-server reloads
 * do not open a second PGlite on the same folder (PGlite allows one opener per data directory). Most code wants
 * `getDb()`; this handle is for what needs the lock or the driver kind (the sync, the health check).
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

/** The query surface of the process-wide store: what pages, actions and route handlers query. */
export async function getDb(): Promise<StoreDb> {
  return (await getDatabase()).db;
}

/** The rows of a raw `db.execute(sql…)`: both drivers answer `{ rows }`, which the shared type leaves unknown. */
export function rowsOf<T>(result: unknown): T[] {
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
