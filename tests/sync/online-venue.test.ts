import { describe, expect, it } from "vitest";
import { queryFeed } from "@/lib/events/queries";
import { runSync } from "@/lib/sync/engine";
import { countWrites, FakeSource, makeEvent, makePerformance, rowVersions, storeForThisFile } from "./helpers";

/**
 * A venue for streamed shows, which Spektrix holds with "Online" as its address, is stored as online by the sync
 * and reaches the pages' performances as such (JSON-LD and calendar files then say online, not the theatre's
 * address: tests/seo/json-ld.test.ts, tests/calendar/ics.test.ts). Turning a venue online or back is one venue
 * write; an unchanged re-sync writes nothing. On PGlite, and on PostgreSQL with TEST_DATABASE_URL.
 */

const ctx = storeForThisFile();
const NOW = new Date("2026-03-01T12:00:00Z");

async function sync(source: FakeSource) {
  const summary = await runSync({ database: ctx.database, source, trigger: "test", timeZone: "UTC", now: () => NOW });
  expect(summary.status, summary.abortReason ?? summary.errors.join("; ")).toBe("succeeded");
}

const venueOfFeed = async () => (await queryFeed(ctx.db, { timeZone: "UTC", now: NOW }))[0]?.venue;

describe("a streamed show's venue", () => {
  it("is stored and shown as online, and a change either way is one write", async () => {
    const source = new FakeSource(0, 0);
    source.venues = [{ id: "VENUE1", name: "Streamed", address: null, online: true }];
    const event = makeEvent(1);
    source.events.push(event);
    source.performances.push(makePerformance(event, 1, { venueId: "VENUE1" }));
    await sync(source);
    expect(await venueOfFeed()).toEqual({ name: "Streamed", address: null, online: true });

    const before = await rowVersions(ctx.db);
    await sync(source);
    expect(countWrites(before, await rowVersions(ctx.db))).toBe(0);

    source.venues = [{ id: "VENUE1", name: "Streamed", address: null, online: false }];
    await sync(source);
    expect(await venueOfFeed()).toEqual({ name: "Streamed", address: null, online: false });
  });
});
