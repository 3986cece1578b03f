import { randomBytes } from "node:crypto";
import pg from "pg";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { openDb, rowsOf, type Database, type StoreDb } from "@/lib/db";
import type { SourceEvent, SourcePerformance, SourceVenue, SyncSource } from "@/lib/sync/source";

/**
 * A migrated store for one test file: in-memory PGlite by default, or a fresh database on the PostgreSQL
 * server named by TEST_DATABASE_URL (created here, dropped by `dispose`), so CI can rerun the same tests there.
 */
export async function openTestDb(): Promise<{ database: Database; db: StoreDb; dispose: () => Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL ?? "pglite://memory";
  if (!/^postgres(ql)?:\/\//.test(url)) {
    const database = await openDb(url);
    await database.migrate();
    return { database, db: database.db, dispose: () => database.close() };
  }
  const name = `sync_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = await openDb(target.toString());
  await database.migrate();
  return {
    database,
    db: database.db,
    dispose: async () => {
      await database.close();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

/**
 * One migrated store for the calling test file (openTestDb), emptied before each of its tests. Read `db` and
 * `database` inside tests and hooks: they exist once the file's `beforeAll` has run.
 */
export function storeForThisFile(): { readonly db: StoreDb; readonly database: Database } {
  let opened: Awaited<ReturnType<typeof openTestDb>> | undefined;
  beforeAll(async () => {
    opened = await openTestDb();
  });
  afterAll(async () => {
    await opened?.dispose();
  });
  beforeEach(async () => {
    await resetStore(opened!.db);
  });
  return {
    get db() {
      return opened!.db;
    },
    get database() {
      return opened!.database;
    },
  };
}

/** Empties the content tables between tests (the schema stays). */
export async function resetStore(db: StoreDb): Promise<void> {
  await db.execute(sql`truncate performances, events, venues, sync_runs, sync_settings restart identity cascade`);
}

/**
 * Row versions of every content row. PostgreSQL (and PGlite) give each row version a new `xmin`, so equal
 * snapshots before and after a run prove the run wrote nothing: the count is measured, not assumed.
 */
export async function rowVersions(db: StoreDb): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const table of ["venues", "events", "performances"]) {
    for (const r of await rows<{ id: number; v: string }>(db, `select id, xmin::text as v from ${table}`))
      out.set(`${table}:${r.id}`, r.v);
  }
  return out;
}

/** How many rows were inserted or updated between two snapshots. */
export function countWrites(before: Map<string, string>, after: Map<string, string>): number {
  let n = 0;
  for (const [key, v] of after) if (before.get(key) !== v) n++;
  return n;
}

export function revalidationRecorder() {
  const calls: string[] = [];
  return { calls, revalidate: (tag: string) => void calls.push(tag) };
}

export async function rows<T = Record<string, unknown>>(db: StoreDb, query: string): Promise<T[]> {
  return rowsOf<T>(await db.execute(sql.raw(query)));
}

// ---------------------------------------------------------------------------------------------------------
// An in-memory feed, shaped like real Spektrix data (trailing spaces, empty strings, `<div id>` wrappers).

export const NOW = new Date("2026-03-01T12:00:00Z");

export function makeEvent(n: number, overrides: Partial<SourceEvent> = {}): SourceEvent {
  const day = String(5 + (n % 20)).padStart(2, "0");
  return {
    id: `${1000 + n}01AEVENTXXXXXXXXXXXXXXXXXXXXXXXX`.slice(0, 33),
    name: `Show number ${n} `,
    description: `Plain description ${n}\r\nSecond line`,
    htmlDescription: `<div id>\r\n<p>About show ${n}</p><script>alert(1)</script>\r\n</div>`,
    duration: 90,
    imageUrl: n % 2 ? `https://img.example/${n}.jpg` : "",
    thumbnailUrl: "",
    altText: "",
    isOnSale: true,
    webEventId: n === 1 ? "show-one" : null,
    instanceDates: "5 March-6 March",
    firstInstanceDateTime: `2026-04-${day}T19:30:00`,
    lastInstanceDateTime: `2026-04-${day}T19:30:00`,
    attribute_Genre: n % 3 ? "Drama" : "",
    attribute_SLExcludeFromViewEventsPage: false,
    ...overrides,
  } as SourceEvent;
}

export function makePerformance(
  event: SourceEvent,
  k: number,
  overrides: Partial<SourcePerformance> = {},
): SourcePerformance {
  const local = event.firstInstanceDateTime!.replace("19:30", `1${k}:00`);
  return {
    id: `${event.id.slice(0, 6)}P${k}`.padEnd(33, "Y"),
    eventId: event.id,
    start: local,
    startUtc: local, // close enough for tests: zone handling has its own unit tests
    startSellingAtWebUtc: "2026-01-01T10:00:00Z",
    stopSellingAtWebUtc: null,
    isOnSale: true,
    cancelled: false,
    planId: "PLAN1",
    priceListId: "PL1",
    webInstanceId: null,
    venueId: "VENUE1",
    attribute_SLCaptioned: k === 1,
    attribute_SignedBSL: k === 2 ? "True" : false,
    ...overrides,
  } as SourcePerformance;
}

export class FakeSource implements SyncSource {
  events: SourceEvent[] = [];
  performances: SourcePerformance[] = [];
  venues: SourceVenue[] = [{ id: "VENUE1", name: "Main House", address: "1 Theatre Row, Winnipeg" }];
  calls = 0;
  /** Throw on the n-th call (1-based) to simulate an upstream failure mid-run. */
  failOnCall: number | null = null;
  delayMs = 0;

  constructor(events = 3, performancesPerEvent = 2) {
    for (let n = 1; n <= events; n++) {
      const e = makeEvent(n);
      this.events.push(e);
      for (let k = 1; k <= performancesPerEvent; k++) this.performances.push(makePerformance(e, k));
    }
  }

  private async tick<T>(value: () => T): Promise<T> {
    this.calls++;
    if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
    if (this.failOnCall !== null && this.calls >= this.failOnCall) throw new Error("Spektrix GET failed with 503");
    return structuredClone(value());
  }

  fetchEvents() {
    return this.tick(() => this.events);
  }
  fetchPerformances() {
    return this.tick(() => this.performances);
  }
  fetchVenues() {
    return this.tick(() => this.venues);
  }
  fetchEvent(id: string) {
    return this.tick(() => this.events.find((e) => e.id === id) ?? null);
  }
  fetchEventPerformances(id: string) {
    return this.tick(() => this.performances.filter((p) => p.eventId === id));
  }
}
