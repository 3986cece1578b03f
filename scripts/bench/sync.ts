/**
 * npm run bench:sync — not a timed test: prints how the sync scales.
 *
 * Generates 1,000 events × 10 performances in the emulator, then reports
 *   - full sync time as a ratio of the time spent only fetching the same feeds (goal ≤ 2×);
 *   - the writes an unchanged re-sync makes, counted from row versions (goal 0);
 *   - the tags a sync revalidates after one event is renamed upstream: that event's tag plus `listings`
 *     (goal: one event page per changed event; event pages carry no `listings` tag, tests/events/cached-tags).
 * Options: --events N --per-event N --db <url> (default pglite://memory).
 */
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { DEMO_API_KEY, DEMO_API_USER, startEmulator } from "../../emulator/index";
import { openDb, rowsOf, type StoreDb } from "@/lib/db";
import { fetchFeed, runSync } from "@/lib/sync/engine";
import { parseSyncSettings } from "@/lib/sync/settings";
import { createSpektrixSource } from "@/lib/sync/spektrix-source";
import { windowAround } from "@/lib/sync/time";

const { values } = parseArgs({
  options: {
    events: { type: "string", default: "1000" },
    "per-event": { type: "string", default: "10" },
    db: { type: "string", default: "pglite://memory" },
  },
});

const NOW = new Date();
const TZ = "UTC";

async function rowVersions(db: StoreDb): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const table of ["venues", "events", "performances"]) {
    const rows = rowsOf<{ id: number; v: string }>(
      await db.execute(sql.raw(`select id, xmin::text as v from ${table}`)),
    );
    for (const r of rows) out.set(`${table}:${r.id}`, r.v);
  }
  return out;
}

async function main() {
  const events = Number(values.events);
  const perEvent = Number(values["per-event"]);
  const emu = await startEmulator({ now: NOW, control: true, shiftDates: true });
  const database = await openDb(values.db);
  try {
    await database.migrate();
    const db = database.db;
    const res = await fetch(`${emu.url}/__control/generate`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ events, performancesPerEvent: perEvent }),
    });
    if (!res.ok) throw new Error(`emulator could not generate data: ${res.status}`);
    const parsed = parseSyncSettings({});
    if (!parsed.ok) throw new Error("default settings invalid");
    const settings = parsed.settings;
    const source = () =>
      createSpektrixSource({
        baseUrl: emu.url,
        clientName: emu.clientName,
        owner: { apiUser: DEMO_API_USER, apiKey: DEMO_API_KEY },
        now: () => NOW,
      });
    const window = windowAround(NOW, settings.fetch.daysBack, settings.fetch.daysAhead);

    // Fetch only: the same requests a run makes, best of three (the first also warms up the emulator).
    let fetchMs = Number.POSITIVE_INFINITY;
    let feedSize = { events: 0, performances: 0 };
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      const feed = await fetchFeed(source(), { kind: "full", window }, settings);
      fetchMs = Math.min(fetchMs, performance.now() - t);
      feedSize = {
        events: new Set(feed.events.map((e) => e.id)).size,
        performances: new Set(feed.performances.map((p) => p.id)).size,
      };
    }

    const run = async () => {
      const t = performance.now();
      const summary = await runSync({
        database,
        source: source(),
        trigger: "bench",
        timeZone: TZ,
        settings,
        now: () => NOW,
        revalidate: () => {},
      });
      if (summary.status !== "succeeded")
        throw new Error(`sync ${summary.status}: ${summary.abortReason ?? summary.errors.join("; ")}`);
      return { ms: performance.now() - t, summary };
    };

    const first = await run();
    const before = await rowVersions(db);
    const again = await run();
    const writes = [...(await rowVersions(db))].filter(([k, v]) => before.get(k) !== v).length;

    // One event renamed upstream: the run should revalidate that event's page and the listings, nothing more.
    const picked = (await db.execute(
      sql.raw("select source_id from events order by source_id limit 1"),
    )) as unknown as { rows: { source_id: string }[] };
    const renamedId = picked.rows[0]!.source_id;
    const patch = await fetch(`${emu.url}/__control/events/${renamedId}`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Renamed for the benchmark" }),
    });
    if (!patch.ok) throw new Error(`emulator could not rename an event: ${patch.status}`);
    const one = await run();
    const changedEvents = one.summary.details!.events.updated;
    const eventPages = one.summary.revalidated.filter((t) => t.startsWith("event:")).length;
    const precise = changedEvents === 1 && eventPages === 1 && one.summary.revalidated.length === 2;

    const ratio = (ms: number) => (ms / fetchMs).toFixed(2);
    const rows = [
      ["feed", `${feedSize.events} events, ${feedSize.performances} performances`],
      ["fetch only", `${fetchMs.toFixed(0)} ms`],
      ["first sync", `${first.ms.toFixed(0)} ms  (${ratio(first.ms)}× fetch; ${first.summary.writes} rows written)`],
      ["re-sync", `${again.ms.toFixed(0)} ms  (${ratio(again.ms)}× fetch; goal ≤ 2×)`],
      ["re-sync writes", `${writes} counted from row versions, ${again.summary.writes} reported (goal 0)`],
      ["revalidations", `${again.summary.revalidated.length} on re-sync (goal 0)`],
      [
        "one renamed",
        `${changedEvents} event changed → ${one.summary.revalidated.length} tags (${one.summary.revalidated.join(", ")}); ` +
          `${(eventPages / Math.max(changedEvents, 1)).toFixed(1)} event page(s) revalidated per changed event, of ${feedSize.events} (goal 1, plus the listings)`,
      ],
    ];
    for (const [k, v] of rows) console.log(`${k!.padEnd(16)}${v}`);
    const ok = again.ms / fetchMs <= 2 && writes === 0 && precise;
    console.log(ok ? "goals met" : "goals NOT met");
  } finally {
    await database.close();
    await emu.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
