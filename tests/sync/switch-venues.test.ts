import { describe, expect, it, vi } from "vitest";
import { queryFacets } from "@/lib/events/queries";
import { runSync } from "@/lib/sync/engine";
import { switchParkedEvents } from "@/lib/sync/park";
import { saveSyncSettings } from "@/lib/sync/settings";
import { countWrites, FakeSource, makeEvent, makePerformance, rows, rowVersions, storeForThisFile } from "./helpers";
vi.mock("server-only", () => ({}));
const { keptVenueNames, spektrixVenueNames } = await import("@/lib/studio/sync");

/**
 * Venues across a switch of Spektrix client (ADR 0017): each records the client whose feed last listed it, so the
 * studio's venue-names hint names the client in use's venues (and the kept clients' apart); the public filters
 * list only venues with a listed performance, so a kept client's venue never reaches them; and the names editors
 * give venues survive a switch and a switch back. On PGlite, and on PostgreSQL with TEST_DATABASE_URL.
 */

const ctx = storeForThisFile();

// Performances in the tests' April; the filters list venues with something still to come.
const NOW = new Date("2026-03-01T12:00:00Z");

async function sync(source: FakeSource) {
  const summary = await runSync({
    database: ctx.database,
    source,
    trigger: "test",
    timeZone: "UTC",
    now: () => NOW,
  });
  expect(summary.status, summary.abortReason ?? summary.errors.join("; ")).toBe("succeeded");
  return summary;
}

/** A client with one show at its own venue (and its own ids). */
function client(name: string, idNumber: number, venue: { id: string; name: string }) {
  const source = Object.assign(new FakeSource(0, 0), { client: name });
  source.venues = [{ ...venue, address: null }];
  const event = makeEvent(idNumber % 10, { id: `${idNumber}EVENT`.padEnd(33, "X") });
  source.events.push(event);
  source.performances.push(makePerformance(event, 1, { venueId: venue.id }));
  return source;
}

const switchClient = (from: string, to: string) => ctx.db.transaction((tx) => switchParkedEvents(tx, { from, to }));
const filterVenues = async () => (await queryFacets(ctx.db, { timeZone: "UTC", now: NOW })).venues.map((v) => v.name);
const renames = [{ spektrix: "Main House TM ID: 61", site: "The Main House" }];

describe("venues across a switch of Spektrix client", () => {
  it("are named for the client in use in the studio and the filters, and keep the editor's names through a switch back", async () => {
    await saveSyncSettings(ctx.db, { display: { venueNames: renames } });
    const a = client("a", 101, { id: "VENUEA", name: "Main House TM ID: 61" });
    const b = client("b", 202, { id: "VENUEB", name: "Concert Hall" });
    await sync(a);
    expect(await filterVenues()).toEqual(["The Main House"]);
    expect(await spektrixVenueNames(renames, ctx.db, "a")).toEqual(["Main House TM ID: 61"]);

    await switchClient("a", "b");
    // Before B's first run, A's venue is already out of the filters (its events are kept).
    expect(await filterVenues()).toEqual([]);
    await sync(b);
    expect(await filterVenues()).toEqual(["Concert Hall"]);
    expect(await spektrixVenueNames(renames, ctx.db, "b")).toEqual(["Concert Hall"]);
    expect(await keptVenueNames(renames, "b", ctx.db)).toEqual([{ client: "a", names: ["Main House TM ID: 61"] }]);
    expect(await rows(ctx.db, "select source_id, name, client from venues order by source_id")).toEqual([
      { source_id: "VENUEA", name: "The Main House", client: "a" },
      { source_id: "VENUEB", name: "Concert Hall", client: "b" },
    ]);

    await switchClient("b", "a");
    // Listed again at once, under the editor's name; B's venue leaves the filters.
    expect(await filterVenues()).toEqual(["The Main House"]);
    const before = await rowVersions(ctx.db);
    await sync(a);
    // Nothing to write: the venue kept its name and its client through both switches.
    expect(countWrites(before, await rowVersions(ctx.db))).toBe(0);
    expect(await filterVenues()).toEqual(["The Main House"]);
    expect(await spektrixVenueNames(renames, ctx.db, "a")).toEqual(["Main House TM ID: 61"]);
    expect(await keptVenueNames(renames, "a", ctx.db)).toEqual([{ client: "b", names: ["Concert Hall"] }]);
  });

  it("stamps venues stored before they recorded a client with the client the site leaves, and follows a shared id", async () => {
    // A run that does not know its client (as before venues recorded one) leaves theirs empty.
    const a = Object.assign(client("a", 101, { id: "VENUE1", name: "Main House" }), { client: undefined });
    await sync(a);
    expect(await rows(ctx.db, "select client from venues")).toEqual([{ client: null }]);
    // Unknown, it counts as the client in use's.
    expect(await spektrixVenueNames([], ctx.db, "a")).toEqual(["Main House"]);

    await switchClient("a", "a-test");
    expect(await rows(ctx.db, "select client from venues")).toEqual([{ client: "a" }]);
    // A test system shares its live system's venue ids: the venue is the client in use's from its run on.
    const test = client("a-test", 101, { id: "VENUE1", name: "Main House" });
    await sync(test);
    expect(await rows(ctx.db, "select client from venues")).toEqual([{ client: "a-test" }]);
    expect(await keptVenueNames([], "a-test", ctx.db)).toEqual([]);
    expect(await filterVenues()).toEqual(["Main House"]);
  });
});
