import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { readGenerationChain } from "@/lib/db/generation";
import { runSync, type RunSyncOptions } from "@/lib/sync/engine";
import { saveSyncSettings } from "@/lib/sync/settings";
import { HOUR } from "@/lib/sync/time";
import {
  countWrites,
  FakeSource,
  makeEvent,
  makePerformance,
  NOW,
  revalidationRecorder,
  rows,
  rowVersions,
  storeForThisFile,
} from "./helpers";

const ctx = storeForThisFile();

function sync(source: FakeSource, extra: Partial<RunSyncOptions> = {}) {
  const recorder = revalidationRecorder();
  const result = runSync({
    database: ctx.database,
    source,
    trigger: "test",
    timeZone: "UTC",
    revalidate: recorder.revalidate,
    now: () => NOW,
    ...extra,
  });
  return result.then((summary) => ({ summary, revalidated: recorder.calls }));
}

type EventRow = {
  source_id: string;
  slug: string;
  title: string;
  summary: string | null;
  body_html: string | null;
  status: string;
  missing_since: Date | null;
};

describe("a first sync", () => {
  it("creates every event, performance and venue, and revalidates each event once", async () => {
    const source = new FakeSource(3, 2);
    const { summary, revalidated } = await sync(source);
    expect(summary).toMatchObject({ status: "succeeded", writes: 1 + 3 + 6, abortReason: null });
    expect(summary.details!.events).toMatchObject({ created: 3, updated: 0, unchanged: 0 });
    expect(summary.details!.performances).toMatchObject({ created: 6 });
    const events = await rows<EventRow>(ctx.db, "select * from events order by source_id");
    expect(events.map((e) => e.slug)).toEqual(["show-one", "show-number-2", "show-number-3"]);
    expect(events[0]).toMatchObject({
      title: "Show number 1",
      status: "active",
      body_html: "<div>\n<p>About show 1</p>\n</div>",
    });
    const perfs = await rows<{ access: string[]; venue_id: number | null; status: string }>(
      ctx.db,
      "select * from performances order by source_id",
    );
    expect(perfs[0]).toMatchObject({ access: ["captioned"], status: "active" });
    expect(perfs[1]!.access).toEqual(["bsl"]);
    expect(perfs.every((p) => p.venue_id !== null)).toBe(true);
    // New events also revalidate the slug map: a visitor may have asked for a slug before its event existed.
    expect(revalidated).toEqual([...source.events.map((e) => `event:${e.id}`).sort(), "slugs", "listings", "venues"]);
    const [run] = await rows(ctx.db, "select * from sync_runs");
    expect(run).toMatchObject({ status: "succeeded", trigger: "test", created: 9, scope: "full" });
  });
});

describe("the run history", () => {
  it("records which Spektrix client each run read, for the studio's history", async () => {
    const { runClient } = await import("@/lib/sync/status");
    const source = Object.assign(new FakeSource(1, 1), { client: "venue-a" });
    await sync(source);
    const [run] = await rows<{ details: Record<string, unknown> }>(
      ctx.db,
      "select details from sync_runs order by id desc limit 1",
    );
    expect(runClient(run!)).toBe("venue-a");
    expect(runClient({ details: {} })).toBeNull();
  });
});

describe("the store generation (ADR 0008)", () => {
  it("moves with a run that writes: announced when the run revalidated, unannounced when it could not", async () => {
    const source = new FakeSource(2, 1);
    const before = await readGenerationChain(ctx.db);
    await sync(source);
    const announced = await readGenerationChain(ctx.db);
    expect(announced.newest).not.toBe(before.newest);
    expect(announced.valid).toContain(before.newest);

    await sync(source); // nothing changed: nothing moves
    expect((await readGenerationChain(ctx.db)).newest).toBe(announced.newest);

    source.events[0]!.name = "Changed with no site to tell";
    await sync(source, { revalidate: undefined });
    const silent = await readGenerationChain(ctx.db);
    expect(silent.newest).not.toBe(announced.newest);
    expect(silent.valid).toEqual([silent.newest]);
  });
});

describe("the time-zone check", () => {
  it("warns when Spektrix's times contradict the configured zone, and says nothing when they agree", async () => {
    const source = new FakeSource(1, 1);
    const agreeing = await sync(source); // the fake feed's startUtc equals its local start: a UTC venue
    expect(agreeing.summary.warnings).toEqual([]);
    const first = source.performances[0]!;
    first.startUtc = new Date(Date.parse(`${first.start}Z`) + 5 * HOUR).toISOString(); // a venue at UTC−5
    const { summary } = await sync(source);
    expect(summary.warnings).toHaveLength(1);
    expect(summary.warnings[0]).toMatch(/time zone \(UTC\) for 1 of \d+ performances: .* at UTC−5\./);
    const [run] = await rows<{ details: { warnings?: string[] } }>(
      ctx.db,
      "select details from sync_runs order by id desc limit 1",
    );
    expect(run!.details.warnings).toEqual(summary.warnings);
  });
});

describe("a re-sync", () => {
  it("stores each venue's slug, fills one a migration left empty and follows a rename", async () => {
    const source = new FakeSource(1, 1);
    await sync(source);
    const slugs = () => rows<{ slug: string | null }>(ctx.db, "select slug from venues");
    expect(await slugs()).toEqual([{ slug: "main-house" }]);
    await ctx.db.execute(sql`update venues set slug = null`);
    const { revalidated } = await sync(source);
    expect(await slugs()).toEqual([{ slug: "main-house" }]);
    expect(revalidated).toContain("venues");
    source.venues[0]!.name = "Main House & Studio";
    await sync(source);
    expect(await slugs()).toEqual([{ slug: "main-house-and-studio" }]);
  });

  it("keeps the box office's own genres from visitors, clearing one filled before it was hidden", async () => {
    const source = new FakeSource(2, 1);
    Object.assign(source.events[0]!, { attribute_Genre: "Rental" });
    Object.assign(source.events[1]!, { attribute_Genre: "Opera" });
    const genres = async () =>
      (await rows<{ genre: string | null }>(ctx.db, "select genre from events order by source_id")).map((r) => r.genre);
    await sync(source);
    expect(await genres()).toEqual([null, "Opera"]); // "Rental" is hidden by default
    await saveSyncSettings(ctx.db, { display: { hiddenGenres: [] } });
    await sync(source);
    expect(await genres()).toEqual(["Rental", "Opera"]);
    await saveSyncSettings(ctx.db, { display: { hiddenGenres: ["RENTAL"] } });
    const before = await rowVersions(ctx.db);
    await sync(source);
    expect(await genres()).toEqual([null, "Opera"]);
    expect(countWrites(before, await rowVersions(ctx.db))).toBe(2); // the rule changed: each event once
  });

  it("shows venues by the editor's names, and follows the rename with the slug", async () => {
    const source = new FakeSource(1, 1);
    source.venues[0]!.name = "Main House TM ID: 61";
    await saveSyncSettings(ctx.db, {
      display: { venueNames: [{ spektrix: "main house tm id: 61", site: "Main House" }] },
    });
    const { revalidated } = await sync(source);
    expect(revalidated).toContain("venues");
    expect(await rows(ctx.db, "select name, slug from venues")).toEqual([{ name: "Main House", slug: "main-house" }]);
    await saveSyncSettings(ctx.db, { display: { venueNames: [] } });
    await sync(source);
    expect(await rows(ctx.db, "select name, slug from venues")).toEqual([
      { name: "Main House TM ID: 61", slug: "main-house-tm-id-61" },
    ]);
  });

  it("makes zero writes and zero revalidations when nothing changed", async () => {
    const source = new FakeSource(3, 2);
    await sync(source);
    const before = await rowVersions(ctx.db);
    const { summary, revalidated } = await sync(source);
    expect(countWrites(before, await rowVersions(ctx.db))).toBe(0);
    expect(revalidated).toEqual([]);
    expect(summary).toMatchObject({ status: "succeeded", writes: 0, counts: { created: 0, updated: 0, unchanged: 9 } });
  });

  it("updates only the renamed event and revalidates only its tag plus the listings", async () => {
    const source = new FakeSource(3, 2);
    await sync(source);
    const before = await rowVersions(ctx.db);
    source.events[1]!.name = "A New Title";
    const { summary, revalidated } = await sync(source);
    expect(countWrites(before, await rowVersions(ctx.db))).toBe(1);
    expect(summary.counts).toMatchObject({ updated: 1, created: 0 });
    expect(revalidated).toEqual([`event:${source.events[1]!.id}`, "listings"]);
    const [row] = await rows<EventRow>(ctx.db, `select * from events where source_id = '${source.events[1]!.id}'`);
    expect(row).toMatchObject({ title: "A New Title", slug: "show-number-2" }); // slugs never move
  });

  it("overwrites locked fields and keeps editable and editor-filled ones", async () => {
    await saveSyncSettings(ctx.db, {
      maps: [
        { source: "name", target: "title", transform: "text", mode: "locked" },
        { source: "description", target: "summary", transform: "text", mode: "editable" },
        { source: "altText", target: "heroImageAlt", transform: "text", mode: "fill-if-empty" },
        { source: "attribute_Genre", target: "genre", transform: "text", mode: "fill-if-empty" },
        { source: "attribute_Genre", target: "custom.genreTag", transform: "list", mode: "locked" },
      ],
    });
    const source = new FakeSource(1, 1);
    await sync(source);
    const id = source.events[0]!.id;
    await ctx.db.execute(
      `update events set title = 'Editor title', summary = 'Editor summary', genre = 'Editor genre' where source_id = '${id}'` as never,
    );
    Object.assign(source.events[0]!, {
      name: "Spektrix title",
      description: "New upstream text",
      altText: "A stage",
      attribute_Genre: "Opera",
    });
    await sync(source);
    const [row] = await rows<Record<string, unknown>>(
      ctx.db,
      `select title, summary, genre, hero_image_alt, custom from events where source_id = '${id}'`,
    );
    expect(row).toEqual({
      title: "Spektrix title",
      summary: "Editor summary",
      genre: "Editor genre",
      hero_image_alt: "A stage",
      custom: { genreTag: ["Opera"] },
    });
  });

  it("keeps a cancelled performance and marks it", async () => {
    const source = new FakeSource(2, 2);
    await sync(source);
    source.performances[0]!.cancelled = true;
    const { summary, revalidated } = await sync(source);
    expect(summary.details!.performances).toMatchObject({ updated: 1, unchanged: 3 });
    const [perf] = await rows(
      ctx.db,
      `select status, cancelled from performances where source_id = '${source.performances[0]!.id}'`,
    );
    expect(perf).toEqual({ status: "cancelled", cancelled: true });
    expect(revalidated).toEqual([`event:${source.events[0]!.id}`, "listings"]);
  });
});

describe("a performance whose start moves", () => {
  type MoveRow = { rescheduled: boolean; rescheduled_from: string | null; start_sequence: number };
  const read = async (id: string) => {
    const [row] = await rows<MoveRow>(
      ctx.db,
      `select rescheduled, rescheduled_from, start_sequence from performances where source_id = '${id}'`,
    );
    return { ...row!, rescheduled_from: row!.rescheduled_from === null ? null : new Date(row!.rescheduled_from) };
  };
  // Spektrix's form: local wall-clock time, no offset (the tests' zone is UTC).
  const at = (iso: string) => iso.slice(0, 19);

  it("is marked rescheduled from its first start, raises the calendar sequence, and clears when moved back", async () => {
    const source = new FakeSource(1, 2);
    await sync(source);
    const perf = source.performances[0]!;
    const original = perf.start;
    perf.start = perf.startUtc = at(new Date(new Date(`${original}Z`).getTime() + 2 * HOUR).toISOString());
    const { revalidated } = await sync(source);
    expect(revalidated).toContain(`event:${source.events[0]!.id}`);
    expect(await read(perf.id)).toEqual({
      rescheduled: true,
      rescheduled_from: new Date(`${original}Z`),
      start_sequence: 1,
    });
    // Moved again: still "from" the start people first saw.
    perf.start = perf.startUtc = at(new Date(new Date(`${original}Z`).getTime() + 26 * HOUR).toISOString());
    await sync(source);
    expect(await read(perf.id)).toMatchObject({ rescheduled_from: new Date(`${original}Z`), start_sequence: 2 });
    // Another change leaves the move on record.
    perf.isOnSale = !perf.isOnSale;
    await sync(source);
    expect(await read(perf.id)).toMatchObject({ rescheduled: true, start_sequence: 2 });
    // Back where it was: no notice, but calendars still need the update.
    perf.start = perf.startUtc = original;
    await sync(source);
    expect(await read(perf.id)).toEqual({ rescheduled: false, rescheduled_from: null, start_sequence: 3 });
    // The untouched performance never moved.
    expect(await read(source.performances[1]!.id)).toMatchObject({ rescheduled: false, start_sequence: 0 });
  });

  it("raises the calendar sequence when cancelled and again when restored, never lowering it", async () => {
    const source = new FakeSource(1, 1);
    await sync(source);
    const perf = source.performances[0]!;
    perf.cancelled = true;
    await sync(source);
    expect((await read(perf.id)).start_sequence).toBe(1);
    perf.cancelled = false;
    await sync(source);
    expect((await read(perf.id)).start_sequence).toBe(2);
  });

  it("is not called moved when the whole source was re-based (the demo's emulator on a new day)", async () => {
    const source = new FakeSource(1, 1);
    await sync(source);
    const perf = source.performances[0]!;
    perf.start = perf.startUtc = at(new Date(new Date(`${perf.start}Z`).getTime() + 24 * HOUR).toISOString());
    await sync(source, { rebasedStarts: true });
    expect(await read(perf.id)).toEqual({ rescheduled: false, rescheduled_from: null, start_sequence: 1 });
  });
});

describe("records leaving the feed", () => {
  it("are marked missing, hidden after the grace period, kept live by keep-live-until, and come back", async () => {
    const source = new FakeSource(4, 1);
    await sync(source);
    const [gone, kept] = source.events.splice(0, 2);
    source.performances = source.performances.filter((p) => p.eventId !== gone!.id && p.eventId !== kept!.id);
    const first = await sync(source);
    expect(first.summary.details!.events).toMatchObject({ missing: 2 });
    expect(first.summary.details!.performances).toMatchObject({ missing: 2 });
    const ids = `'${gone!.id}', '${kept!.id}'`;
    expect(await rows(ctx.db, `select status from events where source_id in (${ids})`)).toEqual([
      { status: "missing" },
      { status: "missing" },
    ]);
    expect(await rows(ctx.db, "select count(*)::int as n from events")).toEqual([{ n: 4 }]); // never deleted

    await ctx.db.execute(`update events set keep_live_until = '2030-01-01' where source_id = '${kept!.id}'` as never);
    const later = new Date(NOW.getTime() + 49 * HOUR);
    const after = await sync(source, { now: () => later });
    expect(after.summary.details!.events).toMatchObject({ disabled: 1, missing: 0 });
    const statuses = await rows<{ source_id: string; status: string }>(
      ctx.db,
      `select source_id, status from events where source_id in (${ids}) order by source_id`,
    );
    expect(Object.fromEntries(statuses.map((s) => [s.source_id, s.status]))).toEqual({
      [gone!.id]: "disabled",
      [kept!.id]: "missing",
    });

    source.events.push(gone!);
    const back = await sync(source, { now: () => later });
    expect(back.summary.details!.events).toMatchObject({ updated: 1 });
    expect(await rows(ctx.db, `select status, missing_since from events where source_id = '${gone!.id}'`)).toEqual([
      { status: "active", missing_since: null },
    ]);
  });

  it("hides an event newly excluded by attribute, without counting it as missing", async () => {
    const source = new FakeSource(3, 1);
    await sync(source);
    source.events[0]!.attribute_SLExcludeFromViewEventsPage = true;
    const { summary } = await sync(source);
    expect(summary.details!.events).toMatchObject({ disabled: 1, missing: 0 });
    expect(summary.details!.performances).toMatchObject({ skipped: 1 });
    expect(await rows(ctx.db, `select status from events where source_id = '${source.events[0]!.id}'`)).toEqual([
      { status: "disabled" },
    ]);
  });

  it("names each record it skipped and why, for the editor", async () => {
    const source = new FakeSource(3, 1);
    Object.assign(source.events[1]!, { attribute_SLExcludeFromViewEventsPage: true });
    source.performances.push(makePerformance(source.events[0]!, 7, { id: "ORPHAN1", eventId: "NOSUCHEVENT" }));
    const { summary } = await sync(source);
    expect(summary.skipped).toEqual([
      {
        kind: "event",
        id: source.events[1]!.id,
        name: source.events[1]!.name!.trim(),
        reason: "excluded by attribute_SLExcludeFromViewEventsPage",
      },
      { kind: "performance", id: "ORPHAN1", name: null, reason: "its event NOSUCHEVENT is not in the events feed" },
    ]);
    expect(summary.counts.skipped).toBe(3); // the excluded event, its performance and the orphan
    const [run] = await rows<{ details: { skipped: unknown[] } }>(ctx.db, "select details from sync_runs");
    expect(run!.details.skipped).toHaveLength(2);
  });
});

describe("guards", () => {
  it("abort a mass vanish with the store untouched and the reason logged", async () => {
    const source = new FakeSource(4, 1);
    await sync(source);
    const before = await rowVersions(ctx.db);
    source.events = source.events.slice(0, 1);
    const { summary, revalidated } = await sync(source);
    expect(summary.status).toBe("aborted");
    expect(summary.abortReason).toMatch(/^mass vanish: 3 of 4 \(75%\) active events/);
    expect(countWrites(before, await rowVersions(ctx.db))).toBe(0);
    expect(revalidated).toEqual([]);
    const [run] = await rows(ctx.db, "select status, abort_reason from sync_runs order by id desc limit 1");
    expect(run).toEqual({ status: "aborted", abort_reason: summary.abortReason });
    // A person who checked the feed can force it through.
    expect((await sync(source, { force: true })).summary.status).toBe("succeeded");
  });

  it("abort when the performances feed empties while events remain", async () => {
    const source = new FakeSource(3, 2);
    await sync(source);
    source.performances = [];
    const { summary } = await sync(source);
    expect(summary).toMatchObject({ status: "aborted", writes: 0 });
    expect(summary.abortReason).toMatch(/active performances/);
  });

  it("abort an empty feed", async () => {
    const source = new FakeSource(2, 1);
    await sync(source);
    source.events = [];
    source.performances = [];
    const { summary } = await sync(source);
    expect(summary.status).toBe("aborted");
    expect(summary.abortReason).toMatch(/^empty feed/);
  });

  it("leave the store as it was when a fetch fails mid-run", async () => {
    const source = new FakeSource(3, 2);
    await sync(source);
    const before = await rowVersions(ctx.db);
    source.events[0]!.name = "Changed";
    source.calls = 0;
    source.failOnCall = 5;
    const { summary, revalidated } = await sync(source);
    expect(summary.status).toBe("failed");
    expect(summary.errors.join()).toMatch(/503/);
    expect(countWrites(before, await rowVersions(ctx.db))).toBe(0);
    expect(revalidated).toEqual([]);
  });

  it("let exactly one of two concurrent runs happen", async () => {
    const source = new FakeSource(2, 1);
    source.delayMs = 20;
    const [a, b] = await Promise.all([sync(source), sync(source)]);
    expect([a.summary.status, b.summary.status].sort()).toEqual(["already-running", "succeeded"]);
    expect(await rows(ctx.db, "select count(*)::int as n from sync_runs")).toEqual([{ n: 1 }]);
  });

  it("mark a run left running by a dead process as failed", async () => {
    await ctx.db.execute("insert into sync_runs (trigger, status) values ('cli', 'running')" as never);
    await sync(new FakeSource(1, 1));
    expect(await rows(ctx.db, "select status from sync_runs order by id")).toEqual([
      { status: "failed" },
      { status: "succeeded" },
    ]);
  });
});

describe("single-event sync", () => {
  it("syncs one event by id and leaves the others alone", async () => {
    const source = new FakeSource(3, 2);
    await sync(source);
    const before = await rowVersions(ctx.db);
    const target = source.events[2]!;
    target.name = "Renamed";
    source.events[0]!.name = "Also renamed, but not asked for";
    source.performances.push(makePerformance(target, 3));
    const { summary, revalidated } = await sync(source, { eventId: target.id });
    expect(summary).toMatchObject({ status: "succeeded", scope: `event:${target.id}`, writes: 2 });
    expect(countWrites(before, await rowVersions(ctx.db))).toBe(2);
    expect(revalidated).toEqual([`event:${target.id}`, "listings"]);
  });

  it("creates a new event with a unique slug, and marks a vanished one missing", async () => {
    const source = new FakeSource(1, 1);
    await sync(source);
    const twin = makeEvent(9, { name: source.events[0]!.name, webEventId: "show-one" });
    source.events.push(twin);
    await sync(source, { eventId: twin.id });
    expect(await rows(ctx.db, `select slug from events where source_id = '${twin.id}'`)).toEqual([
      { slug: "show-one-2" },
    ]);
    source.events.pop();
    const { summary } = await sync(source, { eventId: twin.id });
    expect(summary.details!.events).toMatchObject({ missing: 1 });
  });
});

describe("sync health", () => {
  it("reports the last run, the age of the last success, missing counts and an abort after it", async () => {
    const { getSyncHealth, listSyncRuns } = await import("@/lib/sync/status");
    expect(await getSyncHealth(ctx.db, { now: NOW })).toMatchObject({
      lastRun: null,
      lastSuccessAt: null,
      lastFailure: null,
    });
    const source = new FakeSource(4, 1);
    await sync(source);
    const gone = source.events.shift()!;
    source.performances = source.performances.filter((p) => p.eventId !== gone.id);
    await sync(source); // one of four events missing: under the 50% guard
    source.events = source.events.slice(0, 1);
    await sync(source); // mass vanish
    const health = await getSyncHealth(ctx.db, { now: new Date(NOW.getTime() + 60_000) });
    expect(health).toMatchObject({
      running: false,
      lastSuccessAgeSeconds: 60,
      missing: { events: 1, performances: 1 },
      disabled: { events: 0, performances: 0 },
    });
    expect(health.lastRun?.status).toBe("aborted");
    expect(health.lastFailure?.reason).toMatch(/^mass vanish: 2 of 3/);
    expect((await listSyncRuns(ctx.db)).map((r) => r.status)).toEqual(["aborted", "succeeded", "succeeded"]);
    // A run that fails outright (Spektrix down, a record it cannot read) is reported the same way, with its error.
    source.failOnCall = 1;
    await sync(source);
    const failed = await getSyncHealth(ctx.db, { now: NOW });
    expect(failed.lastRun?.status).toBe("failed");
    expect(failed.lastFailure?.reason).toMatch(/503/);
  });
});
