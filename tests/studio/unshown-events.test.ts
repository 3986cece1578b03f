/** The event picker marks Spektrix events the site does not show, so an editor knows before featuring one. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, inArray } from "drizzle-orm";
import { openDb, type Database } from "@/lib/db";
import { events } from "@/lib/db/schema";
import { listEvents, markUnshownEvents, NOT_ON_THIS_SITE } from "@/lib/studio/events";
import { seedSite } from "../events/seed";

describe("event picker rows", () => {
  let database: Database;
  let ids: string[];

  beforeAll(async () => {
    database = await openDb("pglite://memory");
    await database.migrate();
    await seedSite(database.db, { now: new Date("2031-03-01T12:00:00Z"), events: 4, performancesPerEvent: 1 });
    ids = (await database.db.select({ id: events.sourceId }).from(events).orderBy(events.sourceId)).map((r) => r.id);
    await database.db.update(events).set({ hidden: true }).where(eq(events.sourceId, ids[0]!));
    await database.db.update(events).set({ published: false }).where(eq(events.sourceId, ids[1]!));
    await database.db
      .update(events)
      .set({ hidden: true, published: false })
      .where(inArray(events.sourceId, [ids[2]!]));
  });
  afterAll(async () => {
    await database?.close();
  });

  it("say which events the site does not show, held or not, and leave the rest as Spektrix gave them", async () => {
    const rows = [...ids, "999999AZZZZZZZZZZ"].map((id) => ({ id, label: `Show ${id}`, detail: "on sale" }));
    const marked = await markUnshownEvents(rows, database.db);
    expect(marked.map((r) => r.detail)).toEqual([
      "on sale · hidden on this site",
      "on sale · a draft on this site",
      "on sale · hidden on this site",
      "on sale",
      // Spektrix has it; the store does not (the sync settings leave it out, or it is new since the last sync).
      `on sale · ${NOT_ON_THIS_SITE}`,
    ]);
    expect(marked.map((r) => r.id)).toEqual(rows.map((r) => r.id));
  });

  it("the studio's event search takes any text: a NUL byte (refused by PostgreSQL in text) is a space", async () => {
    const [first] = await database.db.select({ title: events.title }).from(events).orderBy(events.sourceId).limit(1);
    const word = first!.title.split(" ")[0]!;
    const found = await listEvents({ q: `\u0000${word}\u0000` }, database.db);
    expect(found.map((e) => e.title)).toContain(first!.title);
    expect(await listEvents({ q: "a\u0000b%_" }, database.db)).toEqual([]);
    // Only a quote or a dash has nothing to find in a title (folded away), so it does not list every event.
    expect(await listEvents({ q: "\u2019" }, database.db)).toEqual([]);
  });

  it("read as Spektrix gave them when the store cannot be read", async () => {
    const broken = await openDb("pglite://memory");
    await broken.close();
    const rows = [{ id: ids[0]!, label: "Show", detail: "on sale" }];
    expect(await markUnshownEvents(rows, broken.db)).toEqual(rows);
  });
});
