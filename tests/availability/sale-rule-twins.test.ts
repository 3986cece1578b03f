import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { openDb, type Database, type StoreDb } from "@/lib/db";
import { events, performances } from "@/lib/db/schema";
import { saleClosed, type SaleFactsInput } from "@/lib/availability/state";
import { performanceSellsOnTheWeb } from "@/lib/sync/visibility";

/**
 * One rule in two languages: `saleClosed` (TypeScript, one performance's facts: its badge and booking page) and
 * `performanceSellsOnTheWeb` (SQL, which dates a sold-out page offers instead). They cannot share code, so the same
 * cases, boundaries included, go through both and must get the same answer.
 */
const now = new Date("2026-11-26T18:00:00Z");
const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

const base: SaleFactsInput = {
  startsAt: at(600),
  cancelled: false,
  isOnSale: true,
  sellFrom: at(-600),
  sellUntil: at(540),
};
const CASES: [string, Partial<SaleFactsInput>][] = [
  ["inside its window", {}],
  ["no window at all", { sellFrom: null, sellUntil: null }],
  ["web sales open this minute", { sellFrom: now }],
  ["web sales open in a minute", { sellFrom: at(1) }],
  ["web sales stop this minute", { sellUntil: now }],
  ["web sales stopped a minute ago", { sellUntil: at(-1) }],
  ["web sales stop in a minute", { sellUntil: at(1) }],
  ["starts this minute, no stop", { startsAt: now, sellUntil: null }],
  ["started a minute ago, no stop", { startsAt: at(-1), sellUntil: null }],
  ["starts in a minute, no stop", { startsAt: at(1), sellUntil: null }],
  ["stops after it starts, and has started", { startsAt: at(-1), sellUntil: at(60) }],
  ["off sale", { isOnSale: false }],
  ["off sale, no window", { isOnSale: false, sellFrom: null, sellUntil: null }],
  ["cancelled", { cancelled: true }],
  ["cancelled and off sale before opening", { cancelled: true, isOnSale: false, sellFrom: at(60) }],
];

describe("saleClosed and performanceSellsOnTheWeb agree", () => {
  let database: Database;
  let db: StoreDb;
  let sold: Set<string>;

  beforeAll(async () => {
    database = await openDb("pglite://memory");
    await database.migrate();
    db = database.db;
    const [show] = await db
      .insert(events)
      .values({ sourceId: "1AJ", slug: "twins", title: "Twins", sourceHash: "x" })
      .returning({ id: events.id });
    await db.insert(performances).values(
      CASES.map(([name, change], n) => {
        const facts = { ...base, ...change };
        return {
          sourceId: `${n + 1}AJ`,
          eventId: show!.id,
          startsAt: new Date(facts.startsAt),
          startLocal: new Date(facts.startsAt).toISOString().slice(0, 19),
          sellFrom: facts.sellFrom === null ? null : new Date(facts.sellFrom),
          sellUntil: facts.sellUntil === null ? null : new Date(facts.sellUntil),
          isOnSale: facts.isOnSale,
          cancelled: facts.cancelled,
          sourceHash: name,
        };
      }),
    );
    const rows = await db
      .select({ id: performances.sourceId })
      .from(performances)
      .where(and(eq(performances.eventId, show!.id), performanceSellsOnTheWeb(now)));
    sold = new Set(rows.map((r) => r.id));
  });
  afterAll(async () => {
    await database?.close();
  });

  it.each(CASES.map(([name, change], n) => [name, change, n] as const))("%s", (_name, change, n) => {
    const webSells = saleClosed({ ...base, ...change }, now) === null;
    expect(sold.has(`${n + 1}AJ`)).toBe(webSells);
  });

  it("covers both answers", () => {
    const answers = CASES.map(([, change]) => saleClosed({ ...base, ...change }, now) === null);
    expect(answers).toContain(true);
    expect(answers).toContain(false);
  });
});
