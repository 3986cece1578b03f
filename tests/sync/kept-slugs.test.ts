import { describe, expect, it } from "vitest";
import { queryEvent, querySlugSourceId } from "@/lib/events/queries";
import { keptSlug, SlugLedger, type SlugHolder } from "@/lib/sync/kept-slugs";
import { runSync, type RunSyncOptions } from "@/lib/sync/engine";
import { switchParkedEvents } from "@/lib/sync/park";
import type { SourceEvent } from "@/lib/sync/source";
import { SLUG_MAX, slugify } from "@/lib/text/slug";
import {
  countWrites,
  FakeSource,
  makeEvent,
  makePerformance,
  NOW,
  revalidationRecorder,
  rows,
  resetStore,
  rowVersions,
  storeForThisFile,
} from "./helpers";

/**
 * Event URLs across a switch of Spektrix client (ADR 0017): the client in use has the natural slugs, a kept event
 * gives its slug up and takes it back when its client returns, a listed event's slug is never taken, and no
 * sequence of switches and runs makes two events want one slug at once. On PGlite, and on PostgreSQL when
 * TEST_DATABASE_URL names one (scripts/test.sh reruns tests/sync there).
 */

describe("the slug ledger", () => {
  const holder = (id: number, slug: string, keptFrom: string | null = null, yieldedSlug: string | null = null) =>
    ({ id, slug, keptFrom, yieldedSlug }) satisfies SlugHolder;

  it("moves a kept event aside for a new event that wants its slug, and records what it gave", () => {
    const ledger = new SlugLedger([holder(1, "hamlet", "old"), holder(2, "macbeth")]);
    expect(ledger.forNew("hamlet")).toBe("hamlet");
    // A listed event keeps its slug: the new one is suffixed as before.
    expect(ledger.forNew("macbeth")).toBe("macbeth-2");
    expect(ledger.moves).toEqual([{ id: 1, slug: "hamlet-kept-old", yieldedSlug: "hamlet" }]);
  });

  it("gives a slug back from a kept event, never from a listed one", () => {
    const ledger = new SlugLedger([
      holder(1, "hamlet-kept-a", null, "hamlet"),
      holder(2, "hamlet", "b"),
      holder(3, "macbeth-kept-a", null, "macbeth"),
      holder(4, "macbeth"),
      holder(5, "lear-kept-a", null, "lear"),
    ]);
    expect(ledger.reclaim(holder(1, "hamlet-kept-a", null, "hamlet"))).toBe("hamlet");
    expect(ledger.reclaim(holder(3, "macbeth-kept-a", null, "macbeth"))).toBeNull();
    // Nothing holds it: taken back without a move of anyone else.
    expect(ledger.reclaim(holder(5, "lear-kept-a", null, "lear"))).toBe("lear");
    expect(ledger.moves).toEqual([
      { id: 2, slug: "hamlet-kept-b", yieldedSlug: "hamlet" },
      { id: 1, slug: "hamlet", yieldedSlug: null },
      { id: 5, slug: "lear", yieldedSlug: null },
    ]);
  });

  it("never hands out a slug still held, even one about to be left", () => {
    const ledger = new SlugLedger([
      holder(1, "hamlet-kept-a", null, "hamlet"),
      holder(2, "hamlet", "b"),
      // Someone already holds the kept slug the holder would move to.
      holder(3, "hamlet-kept-b"),
    ]);
    expect(ledger.reclaim(holder(1, "hamlet-kept-a", null, "hamlet"))).toBe("hamlet");
    // Event 1 has just left hamlet-kept-a, but until the moves are written it is still taken.
    expect(ledger.forNew("hamlet-kept-a")).toBe("hamlet-kept-a-2");
    expect(ledger.moves[0]).toEqual({ id: 2, slug: "hamlet-kept-b-2", yieldedSlug: "hamlet" });
    const written = new Map([
      [1, "hamlet-kept-a"],
      [2, "hamlet"],
      [3, "hamlet-kept-b"],
    ]);
    for (const m of ledger.moves) {
      expect([...written.values()]).not.toContain(m.slug);
      written.set(m.id, m.slug);
    }
  });

  it("keeps the first slug a kept event gave when it gives up its kept one too", () => {
    const ledger = new SlugLedger([holder(1, "hamlet-kept-a", "a", "hamlet")]);
    expect(ledger.forNew("hamlet-kept-a")).toBe("hamlet-kept-a");
    // Its kept slug again, from the slug it first gave: taken, so suffixed.
    expect(ledger.moves).toEqual([{ id: 1, slug: "hamlet-kept-a-2", yieldedSlug: "hamlet" }]);
  });

  it("makes kept slugs by the one slug rule, cut to fit", () => {
    expect(keptSlug("hamlet", "Venue Test")).toBe("hamlet-kept-venue-test");
    const long = slugify("a ".repeat(60));
    const kept = keptSlug(long, "demo");
    expect(kept.length).toBeLessThanOrEqual(SLUG_MAX);
    expect(kept).toBe(slugify(kept));
    expect(kept.endsWith("-kept-demo")).toBe(true);
  });
});

const ctx = storeForThisFile();

async function sync(source: FakeSource, extra: Partial<RunSyncOptions> = {}) {
  const recorder = revalidationRecorder();
  const summary = await runSync({
    database: ctx.database,
    source,
    trigger: "test",
    timeZone: "UTC",
    revalidate: recorder.revalidate,
    now: () => NOW,
    ...extra,
  });
  expect(summary.status, summary.abortReason ?? summary.errors.join("; ")).toBe("succeeded");
  return { summary, revalidated: recorder.calls };
}

/** A Spektrix client's catalogue: its own event ids, shows named "Show number n". */
function client(name: string, shows: number[], idBase: number): FakeSource & { client: string } {
  const source = Object.assign(new FakeSource(0, 0), { client: name });
  for (const n of shows) addShow(source, n, idBase + n);
  return source;
}
function addShow(source: FakeSource, n: number, idNumber: number) {
  const event = makeEvent(n, { id: `${idNumber}EVENT`.padEnd(33, "X"), webEventId: null });
  source.events.push(event);
  source.performances.push(makePerformance(event, 1));
  return event;
}

const switchClient = (from: string, to: string) => ctx.db.transaction((tx) => switchParkedEvents(tx, { from, to }));

type Row = { id: number; source_id: string; slug: string; parked_from: string | null; yielded_slug: string | null };
const stored = () =>
  rows<Row>(ctx.db, "select id, source_id, slug, parked_from, yielded_slug from events order by source_id");
/** Each event's slug, with "(kept from x)" when it is kept. */
async function slugs() {
  return Object.fromEntries(
    (await stored()).map((r) => [r.source_id, `${r.slug}${r.parked_from ? ` (kept from ${r.parked_from})` : ""}`]),
  );
}

/** What the public event page at `/events/{slug}` finds (lib/events/cached.ts reads the same two queries). */
async function publicPage(slug: string) {
  const sourceId = await querySlugSourceId(ctx.db, slug);
  if (!sourceId) return { kind: "unknown" };
  return { kind: (await queryEvent(ctx.db, sourceId, { timeZone: "UTC", now: NOW })).kind, sourceId };
}

describe("slugs across a switch of Spektrix client (ADR 0017)", () => {
  it("gives the client in use the natural URLs, and gives them back when the connection returns", async () => {
    const a = client("a", [2, 3], 100);
    await sync(a);
    const [show2, show3] = a.events.map((e) => e.id) as [string, string];
    expect(await slugs()).toEqual({ [show2]: "show-number-2", [show3]: "show-number-3" });

    // B has its own show of the same name, under another id.
    const b = client("b", [2], 200);
    const twin = b.events[0]!.id;
    await switchClient("a", "b");
    const { revalidated } = await sync(b);
    expect(await slugs()).toEqual({
      [show2]: "show-number-2-kept-a (kept from a)",
      [show3]: "show-number-3 (kept from a)",
      [twin]: "show-number-2",
    });
    // The slug map moved, and so did the kept event's page.
    expect(revalidated).toEqual(expect.arrayContaining(["slugs", `event:${show2}`, `event:${twin}`]));
    // The natural address shows B's show; the kept one's new address shows nothing (it is kept, not listed).
    expect(await publicPage("show-number-2")).toEqual({ kind: "live", sourceId: twin });
    expect(await publicPage("show-number-2-kept-a")).toEqual({ kind: "gone", sourceId: show2 });
    // Unchanged, B's next run writes nothing (the kept event's slug is not taken back and forth).
    let before = await rowVersions(ctx.db);
    await sync(b);
    expect(countWrites(before, await rowVersions(ctx.db))).toBe(0);

    // Back to A: its show takes its slug back in the switch itself, B's twin moves aside, kept.
    await switchClient("b", "a");
    expect(await slugs()).toEqual({
      [show2]: "show-number-2",
      [show3]: "show-number-3",
      [twin]: "show-number-2-kept-b (kept from b)",
    });
    expect((await stored()).find((r) => r.source_id === show2)!.yielded_slug).toBeNull();
    expect(await publicPage("show-number-2")).toEqual({ kind: "live", sourceId: show2 });
    expect(await publicPage("show-number-2-kept-b")).toEqual({ kind: "gone", sourceId: twin });
    // A's first run after the switch takes nothing back and forth either; its second writes nothing.
    await sync(a);
    before = await rowVersions(ctx.db);
    await sync(a);
    expect(countWrites(before, await rowVersions(ctx.db))).toBe(0);

    // And to B again: the twin's turn.
    await switchClient("a", "b");
    expect((await slugs())[twin]).toBe("show-number-2");
    expect((await slugs())[show2]).toBe("show-number-2-kept-a (kept from a)");
  });

  it("never takes a slug from a listed event: a show back in a feed waits while one of its own holds it", async () => {
    // "a-test" is a copy of A's system (Spektrix test systems share the live one's ids): switching to it
    // brings A's events back through the feed, not through the switch.
    const a = client("a", [2], 100);
    await sync(a);
    const show2 = a.events[0]!.id;
    const b = client("b", [2], 200);
    await switchClient("a", "b");
    await sync(b);
    const twin = b.events[0]!.id;

    const test = client("a-test", [], 0);
    test.events.push(...a.events);
    test.performances.push(...a.performances);
    await switchClient("b", "a-test");
    await sync(test);
    // Back through its feed, A's show takes its slug back from B's (kept now).
    expect(await slugs()).toEqual({
      [show2]: "show-number-2",
      [twin]: "show-number-2-kept-b (kept from b)",
    });

    // The same with B's twin in the feed too: both are listed, so the first holder keeps it.
    await resetStore(ctx.db);
    await sync(a);
    await switchClient("a", "b");
    await sync(b);
    const both = client("both", [], 0);
    both.events.push(...a.events, ...b.events);
    both.performances.push(...a.performances, ...b.performances);
    await switchClient("b", "both");
    await sync(both);
    expect(await slugs()).toEqual({ [show2]: "show-number-2-kept-a", [twin]: "show-number-2" });
    // It still remembers the slug, and takes it once the twin no longer holds it; no write until then.
    expect((await stored()).find((r) => r.source_id === show2)!.yielded_slug).toBe("show-number-2");
    const before = await rowVersions(ctx.db);
    await sync(both);
    expect(countWrites(before, await rowVersions(ctx.db))).toBe(0);
  });

  it("gives a new event a kept event's slug in a run for that one event too", async () => {
    const a = client("a", [2], 100);
    await sync(a);
    const b = client("b", [3], 200);
    await switchClient("a", "b");
    await sync(b);
    const twin = addShow(b, 2, 202);
    const { revalidated } = await sync(b, { eventId: twin.id });
    expect(await slugs()).toEqual({
      [a.events[0]!.id]: "show-number-2-kept-a (kept from a)",
      [b.events[0]!.id]: "show-number-3",
      [twin.id]: "show-number-2",
    });
    expect(revalidated).toEqual(expect.arrayContaining(["slugs", `event:${a.events[0]!.id}`]));
  });

  it("holds through any sequence of switches and runs: nothing throws, and the client in use has every slug it can", async () => {
    // A small deterministic walk (mulberry32): four clients whose shows share names, one a copy of another's
    // system, shows coming and going between runs.
    let seed = 20;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    const clients = {
      a: client("a", [2, 3, 4], 100),
      b: client("b", [2, 3], 200),
      c: client("c", [3, 4, 5], 300),
    } as Record<string, FakeSource & { client: string }>;
    clients["a-test"] = Object.assign(new FakeSource(0, 0), { client: "a-test" });
    const copyA = () => {
      clients["a-test"]!.events = structuredClone(clients.a!.events);
      clients["a-test"]!.performances = structuredClone(clients.a!.performances);
    };
    copyA();
    const names = Object.keys(clients);
    let next = 400;
    let inUse = "a";
    await sync(clients.a!);

    for (let step = 0; step < 40; step++) {
      const roll = random();
      let added: SourceEvent | null = null;
      if (roll < 0.5) {
        const to = pick(names.filter((n) => n !== inUse));
        await switchClient(inUse, to);
        inUse = to;
      } else if (roll < 0.75) {
        // A new show in this client, often with a name another client's show has.
        added = addShow(clients[inUse]!, pick([2, 3, 4, 5, 6]), next++);
      } else if (clients[inUse]!.events.length > 1) {
        const gone = clients[inUse]!.events.splice(Math.floor(random() * clients[inUse]!.events.length), 1)[0]!;
        clients[inUse]!.performances = clients[inUse]!.performances.filter((p) => p.eventId !== gone.id);
      }
      if (inUse === "a") copyA();
      await sync(clients[inUse]!, { force: true });
      const before = await rowVersions(ctx.db);
      await sync(clients[inUse]!, { force: true });
      expect(countWrites(before, await rowVersions(ctx.db)), `step ${step}: an unchanged run wrote`).toBe(0);

      const all = await stored();
      const bySlug = new Map(all.map((r) => [r.slug, r]));
      const inFeed = new Set(clients[inUse]!.events.map((e) => e.id));
      for (const r of all) {
        // Kept events are those of other clients; the feed's are listed.
        if (inFeed.has(r.source_id)) expect(r.parked_from, `step ${step}`).toBeNull();
        // A listed event without its slug is waiting only on a listed event that holds it.
        if (r.parked_from === null && r.yielded_slug)
          expect(bySlug.get(r.yielded_slug)?.parked_from, `step ${step}: ${r.slug}`).toBeNull();
      }
      // A new show has its name's slug unless a listed event held it (a stored slug never changes otherwise).
      if (added) {
        const holder = bySlug.get(slugify(added.name!))!;
        expect(holder.source_id === added.id || holder.parked_from === null, `step ${step}: ${added.name}`).toBe(true);
      }
    }
  });
});
