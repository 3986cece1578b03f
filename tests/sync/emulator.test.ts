import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { DEMO_API_KEY, DEMO_API_USER, startEmulator, type RunningEmulator } from "../../emulator/index";
import { runSync, type RunSyncOptions } from "@/lib/sync/engine";
import { parseSyncSettings, type SyncSettings } from "@/lib/sync/settings";
import { createSpektrixSource } from "@/lib/sync/spektrix-source";
vi.mock("server-only", () => ({}));
const { spektrixVenueNames } = await import("@/lib/studio/sync");
import { countWrites, openTestDb, resetStore, revalidationRecorder, rows, rowVersions } from "./helpers";

/**
 * The engine against the Spektrix emulator seeded with the real venue fixtures, over real HTTP through the
 * typed client. One emulator and one database for the file; both reset before each test.
 */

const FIXTURES =
  process.env.SPEKTRIX_FIXTURES_DIR ?? fileURLToPath(new URL("../../fixtures/spektrix-real/", import.meta.url));
const NOW = new Date("2026-11-26T10:00:00Z");
const BROWSER_ORIGIN = "http://site.test";
const DEMO_OWNER = { apiUser: DEMO_API_USER, apiKey: DEMO_API_KEY };
const TZ = "America/Winnipeg";

let emu: RunningEmulator;
let ctx: Awaited<ReturnType<typeof openTestDb>>;

function settings(input: Record<string, unknown> = {}): SyncSettings {
  const r = parseSyncSettings({ fetch: { daysBack: 1, daysAhead: 1000 }, ...input });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.settings;
}

/** A generous timeout for ordinary runs (shared CI cores are slow); fault tests pass a short one. */
async function sync(extra: Partial<RunSyncOptions> = {}, timeoutMs = 10_000) {
  const recorder = revalidationRecorder();
  const summary = await runSync({
    database: ctx.database,
    // Signed with the emulator's fixed clock, or the signature's Date would be days out.
    source: createSpektrixSource({
      baseUrl: emu.url,
      clientName: emu.clientName,
      owner: DEMO_OWNER,
      timeoutMs,
      retries: 1,
      now: () => NOW,
    }),
    trigger: "test",
    timeZone: TZ,
    settings: settings(),
    revalidate: recorder.revalidate,
    now: () => NOW,
    ...extra,
  });
  return { summary, revalidated: recorder.calls };
}

async function control(method: string, path: string, body?: unknown) {
  const res = await fetch(`${emu.url}/__control/${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status}`);
}

/** What the web shows, read as the site's browser would (the emulator bot-blocks server-side web-mode calls). */
async function feed<T>(path: string): Promise<T> {
  return (await (await fetch(`${emu.apiBase}/${path}`, { headers: { origin: BROWSER_ORIGIN } })).json()) as T;
}

beforeAll(async () => {
  [emu, ctx] = await Promise.all([
    startEmulator({
      dataDir: FIXTURES,
      now: NOW,
      control: true,
      shiftDates: true,
      clientName: "demo",
      origins: [BROWSER_ORIGIN],
    }),
    openTestDb(),
  ]);
});
afterAll(async () => {
  await Promise.all([emu?.stop(), ctx?.dispose()]);
});
beforeEach(async () => {
  emu.reset();
  await resetStore(ctx.db);
});

type Raw = { id: string; name: string; cancelled?: boolean; event?: { id: string } };

describe("sync against the emulator", () => {
  it("makes the store match the feed on a first sync", async () => {
    const { summary, revalidated } = await sync();
    expect(summary.status).toBe("succeeded");
    const events = await feed<Raw[]>("events?instanceStart_from=2026-11-25&instanceStart_to=2029-08-23");
    const instances = await feed<Raw[]>("instances?startFrom=2026-11-25&startTo=2029-08-23");
    expect(events.length).toBeGreaterThan(10);
    const stored = await rows<{ source_id: string; title: string; status: string }>(
      ctx.db,
      "select source_id, title, status from events",
    );
    const storedById = new Map(stored.map((e) => [e.source_id, e]));
    // Every feed event is stored under its trimmed name, except those the default rules exclude.
    const excluded = events.filter(
      (e) => (e as Record<string, unknown>).attribute_SLExcludeFromViewEventsPage === true,
    );
    expect(stored.length).toBe(events.length - excluded.length);
    for (const e of events) if (!excluded.includes(e)) expect(storedById.get(e.id)?.title).toBe(e.name.trim());
    const perfs = await rows<{ source_id: string; cancelled: boolean; venue_id: number | null }>(
      ctx.db,
      "select source_id, cancelled, venue_id from performances",
    );
    const takenInstances = instances.filter((i) => storedById.has(i.event!.id));
    expect(new Set(perfs.map((p) => p.source_id))).toEqual(new Set(takenInstances.map((i) => i.id)));
    expect(perfs.every((p) => p.venue_id !== null)).toBe(true);
    const slugs = await rows<{ n: number; d: number }>(
      ctx.db,
      "select count(*)::int as n, count(distinct slug)::int as d from events",
    );
    expect(slugs[0]!.n).toBe(slugs[0]!.d);
    expect(revalidated).toContain("listings");
    expect(revalidated.filter((t) => t.startsWith("event:")).length).toBe(stored.length);
    expect(revalidated.filter((t) => t === "slugs")).toEqual(["slugs"]);
  });

  it("stores each performance's 'from' price, read once per price list", async () => {
    await sync();
    const stored = await rows<{ source_id: string; price_list_id: string | null; from_price: number | null }>(
      ctx.db,
      "select source_id, price_list_id, from_price from performances where price_list_id is not null",
    );
    expect(stored.length).toBeGreaterThan(10);
    // Checked against the price list as the web shows it, for a few performances chosen by id (not position).
    for (const p of [...stored].sort((a, b) => a.source_id.localeCompare(b.source_id)).slice(0, 5)) {
      const list = await feed<{ prices: { amount: number }[] }>(`instances/${p.source_id}/price-list`);
      const paid = list.prices.map((x) => x.amount).filter((a) => a > 0);
      expect(p.from_price, p.source_id).toBe(paid.length ? Math.min(...paid) : 0);
    }
    const reads = emu.requests.all().filter((r) => /\/instances\/[^/]+\/price-list$/.test(r.path)).length;
    const instances = await feed<{ priceList?: { id: string } | string | null }[]>(
      "instances?startFrom=2026-11-25&startTo=2029-08-23",
    );
    const lists = new Set(instances.map((i) => (typeof i.priceList === "object" ? i.priceList?.id : i.priceList))).size;
    // One read per price list per run, however many performances share it (the checks above added 5).
    expect(reads - 5).toBeLessThanOrEqual(lists);
    expect(reads - 5).toBeLessThan(instances.length);
  });

  it("shows the real catalogue's venues and genres as the editor names them", async () => {
    const venues = async () => (await rows<{ name: string }>(ctx.db, "select name from venues")).map((v) => v.name);
    await sync({ settings: settings({ display: { hiddenGenres: [] } }) });
    const spektrixName = (await venues()).find((name) => / TM ID: \d+$/.test(name))!;
    expect(spektrixName).toBeDefined();
    const genres = async () =>
      (await rows<{ genre: string }>(ctx.db, "select distinct genre from events where genre is not null")).map(
        (r) => r.genre,
      );
    expect(await genres()).toContain("Rental");

    const renames = [{ spektrix: spektrixName, site: "The Studio" }];
    const { revalidated } = await sync({ settings: settings({ display: { venueNames: renames } }) });
    // The studio's hint names venues as Spektrix does, renamed or not: what an editor types on the left.
    expect(await spektrixVenueNames(renames, ctx.db)).toContain(spektrixName);
    expect(await spektrixVenueNames(renames, ctx.db)).not.toContain("The Studio");
    expect(await venues()).toContain("The Studio");
    expect(await venues()).not.toContain(spektrixName);
    expect(await genres()).not.toContain("Rental");
    // Venue names are read at render time: the event pages (tagged `venues`) and every listing re-render.
    expect(revalidated).toEqual(expect.arrayContaining(["venues", "listings"]));
  });

  it("makes zero writes and zero revalidations on an unchanged re-sync", async () => {
    await sync();
    const before = await rowVersions(ctx.db);
    const { summary, revalidated } = await sync();
    expect(countWrites(before, await rowVersions(ctx.db))).toBe(0);
    expect(summary).toMatchObject({ status: "succeeded", writes: 0 });
    expect(revalidated).toEqual([]);
  });

  it("turns an upstream rename into one update and revalidates that event's tag", async () => {
    await sync();
    const [target] = await rows<{ source_id: string }>(
      ctx.db,
      "select source_id from events order by source_id limit 1",
    );
    const before = await rowVersions(ctx.db);
    await control("PATCH", `events/${target!.source_id}`, { name: "Renamed Upstream" });
    const { summary, revalidated } = await sync();
    expect(countWrites(before, await rowVersions(ctx.db))).toBe(1);
    expect(summary.counts).toMatchObject({ created: 0, updated: 1, missing: 0 });
    expect(revalidated).toEqual([`event:${target!.source_id}`, "listings"]);
    expect(await rows(ctx.db, `select title from events where source_id = '${target!.source_id}'`)).toEqual([
      { title: "Renamed Upstream" },
    ]);
  });

  it("overwrites a locked field and keeps an editable one", async () => {
    const own = settings({
      maps: [
        { source: "name", target: "title", transform: "text", mode: "locked" },
        { source: "description", target: "summary", transform: "text", mode: "editable" },
      ],
    });
    await sync({ settings: own });
    const [target] = await rows<{ source_id: string }>(
      ctx.db,
      "select source_id from events order by source_id limit 1",
    );
    await ctx.db.execute(
      `update events set title = 'Edited title', summary = 'Edited summary' where source_id = '${target!.source_id}'` as never,
    );
    await control("PATCH", `events/${target!.source_id}`, {
      name: "Upstream title",
      description: "Upstream description",
    });
    await sync({ settings: own });
    expect(await rows(ctx.db, `select title, summary from events where source_id = '${target!.source_id}'`)).toEqual([
      { title: "Upstream title", summary: "Edited summary" },
    ]);
  });

  it("keeps a cancelled performance and marks it", async () => {
    await sync();
    const [perf] = await rows<{ source_id: string; n: number }>(
      ctx.db,
      "select source_id from performances where status = 'active' order by source_id limit 1",
    );
    await control("PATCH", `instances/${perf!.source_id}`, { cancelled: true });
    const { summary } = await sync();
    expect(summary.details!.performances).toMatchObject({ updated: 1, missing: 0 });
    expect(
      await rows(
        ctx.db,
        `select status, cancelled, is_on_sale from performances where source_id = '${perf!.source_id}'`,
      ),
    ).toEqual([{ status: "cancelled", cancelled: true, is_on_sale: false }]);
  });

  it("reads in owner mode but stores only what the web may see", async () => {
    const instances = await feed<Raw[]>("instances?startFrom=2026-11-25&startTo=2029-08-23");
    // An event with two or more performances: hiding one leaves the event; hiding all of one-only event drops it.
    const byEvent = new Map<string, string[]>();
    for (const i of instances) byEvent.set(i.event!.id, [...(byEvent.get(i.event!.id) ?? []), i.id]);
    const [hiddenOne] = [...byEvent.values()].find((ids) => ids.length >= 2)!;
    const [soleEvent, [sole]] = [...byEvent.entries()].find(([, ids]) => ids.length === 1)!;
    await control("PATCH", `instances/${hiddenOne}`, { isVisibleOnWeb: false });
    await control("PATCH", `instances/${sole}`, { isVisibleOnWeb: false });
    emu.requests.clear();
    const { summary } = await sync();
    expect(summary.status).toBe("succeeded");
    const catalogueCalls = emu.requests.entries.filter((r) => r.path.includes("/api/v3/"));
    expect(catalogueCalls.length).toBeGreaterThan(0);
    expect(catalogueCalls.every((r) => r.mode === "owner")).toBe(true);
    const perfs = new Set(
      (await rows<{ source_id: string }>(ctx.db, "select source_id from performances")).map((p) => p.source_id),
    );
    expect(perfs.has(hiddenOne!)).toBe(false);
    expect(perfs.has(sole!)).toBe(false);
    expect(await rows(ctx.db, `select source_id from events where source_id = '${soleEvent}'`)).toEqual([]);
  });

  it("aborts a mass vanish and leaves the store untouched", async () => {
    await sync();
    const before = await rowVersions(ctx.db);
    await control("POST", "faults", { type: "vanishEvents", percent: 80 });
    const { summary, revalidated } = await sync();
    expect(summary.status).toBe("aborted");
    expect(summary.abortReason).toMatch(/^mass vanish/);
    expect(countWrites(before, await rowVersions(ctx.db))).toBe(0);
    expect(revalidated).toEqual([]);
    expect(await rows(ctx.db, "select status, abort_reason from sync_runs order by id desc limit 1")).toEqual([
      { status: "aborted", abort_reason: summary.abortReason },
    ]);
  });

  it.each([
    ["a 5xx", { type: "status", status: 503, path: "instances" }],
    ["a timeout", { type: "hang", path: "instances" }],
    ["malformed JSON", { type: "malformedJson", path: "instances" }],
  ])("leaves the store as it was after %s mid-run", async (_name, fault) => {
    await sync();
    const before = await rowVersions(ctx.db);
    const [target] = await rows<{ source_id: string }>(
      ctx.db,
      "select source_id from events order by source_id limit 1",
    );
    await control("PATCH", `events/${target!.source_id}`, { name: "Would be renamed" });
    await control("POST", "faults", fault);
    const { summary, revalidated } = await sync({}, 1_000);
    expect(summary.status).toBe("failed");
    expect(summary.errors.length).toBeGreaterThan(0);
    expect(countWrites(before, await rowVersions(ctx.db))).toBe(0);
    expect(revalidated).toEqual([]);
    await control("DELETE", "faults");
    expect((await sync()).summary.counts.updated).toBe(1);
  });

  it("runs exactly one of two concurrent syncs", async () => {
    const [a, b] = await Promise.all([sync(), sync()]);
    expect([a.summary.status, b.summary.status].sort()).toEqual(["already-running", "succeeded"]);
    expect(await rows(ctx.db, "select count(*)::int as n from sync_runs")).toEqual([{ n: 1 }]);
  });

  it("syncs a single event by its Spektrix id", async () => {
    await sync();
    const [target] = await rows<{ source_id: string }>(
      ctx.db,
      "select source_id from events order by source_id desc limit 1",
    );
    await control("PATCH", `events/${target!.source_id}`, { name: "Just this one" });
    const { summary, revalidated } = await sync({ eventId: target!.source_id });
    expect(summary).toMatchObject({ status: "succeeded", writes: 1, scope: `event:${target!.source_id}` });
    expect(revalidated).toEqual([`event:${target!.source_id}`, "listings"]);
  });
});
