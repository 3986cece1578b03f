/**
 * The cache follows the store (ADR 0008): the decision `cache-handler.mjs` makes before a read, given the store's
 * generation chain and the cache's marker, and the chain the store keeps as syncs and migrations change it.
 */
import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { CHECK_EVERY_MS, GENERATION_SOURCE, followTheStore, storeChangedHere } from "@/lib/cache/follow-store.mjs";
import { openDb, type Database } from "@/lib/db";
import { announceGeneration, bumpGeneration, readGenerationChain } from "@/lib/db/generation";

const holder = globalThis as unknown as Record<symbol, unknown>;
const STATE = Symbol.for("storefront.followStoreState");

function fakeCache(marker: string | null) {
  const cache = {
    marker,
    invalidations: 0,
    follow: () =>
      followTheStore({
        invalidate: async () => {
          cache.invalidations++;
        },
        marker: {
          read: async () => cache.marker,
          write: async (token: string) => {
            cache.marker = token;
          },
        },
      }),
  };
  return cache;
}

describe("before a cache read", () => {
  let chain = { newest: "t3", valid: ["t3", "t2"] };
  const source = vi.fn(async () => chain);

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    delete holder[STATE];
    holder[GENERATION_SOURCE] = source;
    source.mockClear();
    chain = { newest: "t3", valid: ["t3", "t2"] };
  });
  afterEach(() => {
    vi.useRealTimers();
    delete holder[GENERATION_SOURCE];
    delete holder[STATE];
  });

  it("keeps the cache when it last matched a generation the store was told about since, and moves the marker", async () => {
    const cache = fakeCache("t2");
    await cache.follow();
    expect(cache).toMatchObject({ invalidations: 0, marker: "t3" });
  });

  it("drops what the cache derived from the store when its marker is not in the chain (changed while down, restored, another store)", async () => {
    const cache = fakeCache("t1");
    await cache.follow();
    expect(cache).toMatchObject({ invalidations: 1, marker: "t3" });
  });

  it("drops it too when the cache has no marker at all (a new cache, or one kept from another build)", async () => {
    const cache = fakeCache(null);
    await cache.follow();
    expect(cache).toMatchObject({ invalidations: 1, marker: "t3" });
  });

  it("asks the store at most once per interval; reads in between cost nothing", async () => {
    const cache = fakeCache("t3");
    await Promise.all([cache.follow(), cache.follow(), cache.follow()]);
    expect(source).toHaveBeenCalledTimes(1);
    chain = { newest: "t9", valid: ["t9"] };
    await cache.follow();
    expect(cache.invalidations).toBe(0);
    vi.setSystemTime(Date.now() + CHECK_EVERY_MS + 1);
    await cache.follow();
    expect(source).toHaveBeenCalledTimes(2);
    expect(cache).toMatchObject({ invalidations: 1, marker: "t9" });
  });

  it("checks on the very next read after this process changed the store unannounced (a studio Sync now)", async () => {
    const cache = fakeCache("t3");
    await cache.follow(); // a visitor's read just before the sync ended: the interval is armed
    chain = { newest: "t9", valid: ["t9"] };
    storeChangedHere();
    await cache.follow(); // well within CHECK_EVERY_MS
    expect(cache).toMatchObject({ invalidations: 1, marker: "t9" });
  });

  it("compares again for a read that waited on a check begun before the change", async () => {
    let release!: () => void;
    source.mockImplementationOnce(async () => {
      const before = chain;
      await new Promise<void>((r) => (release = r));
      return before;
    });
    const cache = fakeCache("t3");
    const running = cache.follow();
    await vi.waitFor(() => expect(release).toBeTypeOf("function"));
    chain = { newest: "t9", valid: ["t9"] };
    storeChangedHere();
    release();
    // The read that waited does not go on with the old answer: it is compared with the changed store first.
    await running;
    expect(cache).toMatchObject({ invalidations: 1, marker: "t9" });
    await cache.follow();
    expect(cache).toMatchObject({ invalidations: 1, marker: "t9" });
  });

  it("serves what the cache has when the store cannot be read", async () => {
    source.mockRejectedValueOnce(new Error("store down"));
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const cache = fakeCache("t1");
    await cache.follow();
    expect(cache).toMatchObject({ invalidations: 0, marker: "t1" });
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });

  it("does nothing before the app installed its reader (during a build)", async () => {
    delete holder[GENERATION_SOURCE];
    const cache = fakeCache(null);
    await cache.follow();
    expect(cache).toMatchObject({ invalidations: 0, marker: null });
  });
});

describe("the store's generation chain", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openDb("pglite://memory");
    await database.migrate();
  });
  afterAll(async () => {
    await database.close();
  });

  it("starts every store with a token of its own", async () => {
    const other = await openDb("pglite://memory");
    await other.migrate();
    const [a, b] = [await readGenerationChain(database.db), await readGenerationChain(other.db)];
    await other.close();
    expect(a.newest).not.toBe("");
    expect(a.valid[0]).toBe(a.newest);
    expect(b.newest).not.toBe(a.newest);
  });

  it("keeps earlier tokens valid across announced changes and cuts the chain at an unannounced one", async () => {
    const db = database.db;
    const created = (await readGenerationChain(db)).newest;
    const announced = await bumpGeneration(db, "sync");
    await announceGeneration(db, announced);
    expect(await readGenerationChain(db)).toEqual({ newest: announced, valid: [announced, created] });
    const silent = await bumpGeneration(db, "sync");
    expect(await readGenerationChain(db)).toEqual({ newest: silent, valid: [silent] });
  });

  it("moves when a migration is applied, not when there was none to apply", async () => {
    const db = database.db;
    const reasons = (await db.execute(sql`select reason from store_generations order by id`)) as unknown as {
      rows: { reason: string }[];
    };
    expect(reasons.rows.map((r) => r.reason).slice(0, 2)).toEqual(["created", "migration"]);
    const before = (await readGenerationChain(db)).newest;
    await database.migrate();
    expect((await readGenerationChain(db)).newest).toBe(before);
  });
});
