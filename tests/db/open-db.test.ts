import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import {
  DatabaseUnavailableError,
  isUniqueViolation,
  openDb,
  redactUrl,
  rowsOf,
  schema,
  type Database,
} from "@/lib/db";
import { foldText } from "@/lib/text/fold";
import { cleanSearchText, containsWords } from "@/lib/text/search";

// CI reruns this file against a real PostgreSQL by setting TEST_DATABASE_URL; locally it uses PGlite.
const url = process.env.TEST_DATABASE_URL ?? "pglite://memory";

describe(`openDb on ${url.split(":")[0]}`, () => {
  let database: Database;

  beforeAll(async () => {
    database = await openDb(url);
    await database.migrate();
  });
  afterAll(async () => {
    await database?.close();
  });

  it("tells a unique index's refusal (a concurrent writer got there first) from any other failure", async () => {
    const row = { version: 9_000, settings: {}, savedBy: "test" };
    await database.db.insert(schema.syncSettings).values(row);
    const twice = await database.db
      .insert(schema.syncSettings)
      .values(row)
      .then(() => null)
      .catch((error: unknown) => error);
    expect(isUniqueViolation(twice)).toBe(true);
    const other = await database.db.execute(sql`select * from no_such_table`).catch((error: unknown) => error);
    expect(isUniqueViolation(other)).toBe(false);
    expect(isUniqueViolation(null)).toBe(false);
    await database.db.delete(schema.syncSettings).where(sql`${schema.syncSettings.version} = 9000`);
  });

  it("applies the migrations, and applying them again changes nothing", async () => {
    await database.migrate();
    const result = await database.db.execute(
      sql`select count(*)::int as n from information_schema.tables where table_name in ('events','performances','venues','sync_runs','sync_settings','site_settings')`,
    );
    expect(rowsOf<{ n: number }>(result)[0]?.n).toBe(6);
  });

  it("matches searched words in text whatever the case and accents, with LIKE's signs taken literally", async () => {
    const hit = async (text: string, words: string) =>
      rowsOf<{ hit: boolean }>(
        await database.db.execute(sql`select ${containsWords(sql`${text}::text`, words)} as hit`),
      )[0]?.hit;
    expect(await hit("Dvořák in Zoöz", "dvorak")).toBe(true);
    expect(await hit("Dvořák in Zoöz", "ZOÖZ")).toBe(true);
    expect(await hit("Dvorak", "dvořák")).toBe(true);
    expect(await hit("ÉCOLE", "école")).toBe(true);
    expect(await hit("50% off", "50%")).toBe(true);
    expect(await hit("500 off", "50%")).toBe(false);
    expect(await hit("Dvořák", "dvorax")).toBe(false);
    // What a phone types against what the title says, either way round.
    expect(await hit("Bach's Long Night", "bach\u2019s long")).toBe(true);
    expect(await hit("Doin\u2019 It", "doin' it")).toBe(true);
    expect(await hit("Elton \u2013 A Tribute", "elton - a")).toBe(true);
    expect(await hit("Cheng\u00b2", "cheng2")).toBe(true);
    // A title stored with its accents as separate marks (pasted as NFD).
    expect(await hit("Jime\u0301nez", "jimenez")).toBe(true);
    expect(await hit("Jime\u0301nez", "jim\u00e9nez")).toBe(true);
  });

  it("answers every search as the studio's in-memory fold does", async () => {
    const cases: [title: string, words: string][] = [
      ["Dvořák in Zoöz", "dvorak"],
      ["Bach's Long Night", "bach\u2019s long"],
      ["Elton \u2013 A Tribute", "elton - a"],
      ["S\u0326tefan", "stefan"],
      ["S\u0326tefan", "\u0219tefan"],
      ["Tosca\u00a0Live", "tosca live"],
      ["Bach  Night", "bach night"],
      ["İstanbul", "istanbul"],
      ["Nguyễn Trio", "nguyen"],
      ["ØRESUND", "øresund"],
      ["Dvořák", "dvorax"],
      ["King's Point", "kings point"],
      ["YEE-HAW!", "yee haw"],
      ["O\u2019Neill", "oneill"],
      ["Elton John", "elton-john"],
      ["Tosca", "- tosca -"],
      ["50% off", "50\\%"],
      ["Tosca", "\u201ctosca\u201d"],
    ];
    for (const [title, words] of cases) {
      const [row] = rowsOf<{ hit: boolean }>(
        await database.db.execute(sql`select ${containsWords(sql`${title}::text`, cleanSearchText(words))} as hit`),
      );
      const inMemory = foldText(title).includes(foldText(words));
      expect(row?.hit, `${title} / ${words}`).toBe(inMemory);
    }
    // And the cases are not all one answer.
    expect(cases.filter(([title, words]) => foldText(title).includes(foldText(words)))).toHaveLength(16);
  });

  it("stores and reads a venue through the shared schema", async () => {
    const sourceId = `test-venue-${Date.now()}`;
    await database.db.insert(schema.venues).values({ sourceId, name: "Jack Singer Concert Hall" });
    const [venue] = await database.db
      .select()
      .from(schema.venues)
      .where(sql`${schema.venues.sourceId} = ${sourceId}`);
    expect(venue?.name).toBe("Jack Singer Concert Hall");
    expect(venue?.createdAt).toBeInstanceOf(Date);
  });

  it.skipIf(!/^postgres/.test(url))("keeps working when the server closes an idle connection", async () => {
    const result = await database.db.execute(sql`select pg_backend_pid() as pid`);
    const pid = rowsOf<{ pid: number }>(result)[0]!.pid;
    const pg = (await import("pg")).default;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query("select pg_terminate_backend($1)", [pid]);
    await admin.end();
    // Without an error listener on the pool, the terminated idle client would crash the process here.
    await new Promise((r) => setTimeout(r, 200));
    const again = await database.db.execute(sql`select 1 as one`);
    expect(rowsOf<{ one: number }>(again)[0]?.one).toBe(1);
  });

  it("lets only one holder of the sync lock run at a time", async () => {
    let release!: () => void;
    const first = database.withAdvisoryLock(4242, () => new Promise<string>((r) => (release = () => r("first"))));
    // Give the first holder time to take the lock before the second asks.
    await new Promise((r) => setTimeout(r, 50));
    const second = await database.withAdvisoryLock(4242, async () => "second");
    expect(second).toBeUndefined();
    release();
    expect(await first).toBe("first");
    expect(await database.withAdvisoryLock(4242, async () => "third")).toBe("third");
  });
});

describe("openDb errors", () => {
  it("names an unreachable PostgreSQL without leaking the password", async () => {
    const error = await openDb("postgres://app:s3cret@127.0.0.1:1/db").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    expect((error as Error).message).toContain("app:***@127.0.0.1:1");
    expect((error as Error).message).not.toContain("s3cret");
  });

  it("says how to recover when an embedded store's folder is damaged", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "damaged-pglite-"));
    try {
      writeFileSync(path.join(dir, "PG_VERSION"), "not a version\n");
      const error = await openDb(`pglite://${dir}`).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DatabaseUnavailableError);
      expect((error as Error).message).toContain(`The folder ${dir} cannot be read as a PGlite database`);
      expect((error as Error).message).toContain("--fresh");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("keeps the general advice when the folder cannot even be created", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "not-a-folder-"));
    try {
      const file = path.join(dir, "file");
      writeFileSync(file, "");
      const error = await openDb(`pglite://${file}/db`).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DatabaseUnavailableError);
      expect((error as Error).message).toMatch(/Check DATABASE_URL\.$/);
      expect((error as Error).message).not.toContain("--fresh");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("rejects an unknown scheme", async () => {
    await expect(openDb("mysql://x")).rejects.toThrow(/postgres:\/\/ or pglite:\/\//);
  });

  it("redacts credentials in URLs", () => {
    expect(redactUrl("postgresql://u:p@h/d")).toBe("postgresql://u:***@h/d");
    expect(redactUrl("pglite://.data/db")).toBe("pglite://.data/db");
  });
});

describe("the process-wide store", () => {
  it("opens DATABASE_URL once, migrated, and getDb() is its query surface", async () => {
    vi.stubEnv("DATABASE_URL", "pglite://memory");
    vi.resetModules();
    const db = await import("@/lib/db");
    const [first, second] = await Promise.all([db.getDatabase(), db.getDatabase()]);
    try {
      expect(second).toBe(first);
      expect(first.kind).toBe("pglite");
      expect(await db.getDb()).toBe(first.db);
      // Migrated on open: the tables are there before anyone asks.
      expect(await first.db.select().from(db.schema.siteSettings)).toEqual([]);
    } finally {
      await first.close();
      (globalThis as { __storefrontDb?: unknown }).__storefrontDb = undefined;
      vi.unstubAllEnvs();
    }
  });
});
