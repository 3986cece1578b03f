import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  defaultSyncSettings,
  loadSyncSettings,
  lockedEventFields,
  parseSyncSettings,
  saveSyncSettings,
} from "@/lib/sync/settings";
import { openTestDb } from "./helpers";

describe("sync settings validation", () => {
  it("fills every default when nothing is given", () => {
    const result = parseSyncSettings({});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.settings).toEqual(defaultSyncSettings);
    expect(result.settings.events).toMatchObject({ newEvents: "published", take: "all" });
    expect(result.settings.events.exclude).toEqual([{ attribute: "SLExcludeFromViewEventsPage" }]);
    expect(result.settings.performances.access.captioned).toEqual(["SLCaptioned", "Captioned"]);
    expect(result.settings.performances.access.bsl).toEqual(["SLSigned", "SignedBSL", "BSL", "Signed"]);
    expect(result.settings.guards.maxVanishShare).toBe(0.5);
  });

  it("ships maps with name locked to title and the description filling the summary only when empty", () => {
    const byTarget = Object.fromEntries(defaultSyncSettings.maps.map((m) => [m.target, m]));
    expect(byTarget.title).toMatchObject({ source: "name", mode: "locked", transform: "text" });
    expect(byTarget.bodyHtml).toMatchObject({ source: "htmlDescription", transform: "html", mode: "locked" });
    expect(byTarget.summary).toMatchObject({ source: "description", mode: "fill-if-empty" });
    expect(byTarget.genre).toMatchObject({ source: "attribute_Genre" });
    expect(lockedEventFields(defaultSyncSettings)).toContain("title");
  });

  it("rejects invalid settings with one message per field", () => {
    const result = parseSyncSettings({
      events: { take: "sometimes", exclude: [{ attribute: "has space" }] },
      performances: { access: { captioned: ["ok", "not ok!"] } },
      maps: [
        { source: "name", target: "title", transform: "text", mode: "locked" },
        { source: "htmlDescription", target: "bodyHtml", transform: "text", mode: "locked" },
        { source: "nonsense", target: "summary", transform: "text", mode: "locked" },
        { source: "attribute_Genre", target: "favouriteColour", transform: "text", mode: "locked" },
        { source: "description", target: "title", transform: "text", mode: "sometimes" },
      ],
      guards: { maxVanishShare: 2 },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(
      [
        "events.take",
        "events.exclude.0.attribute",
        "performances.access.captioned.1",
        "maps.1.transform",
        "maps.2.source",
        "maps.3.target",
        "maps.4.mode",
        "guards.maxVanishShare",
      ].sort(),
    );
    expect(result.errors["maps.1.transform"]![0]).toBe("bodyHtml takes html, not text");
  });

  it("refuses a map whose fields were never chosen, naming what to choose", () => {
    const result = parseSyncSettings({
      maps: [
        { source: "name", target: "title", transform: "text", mode: "locked" },
        { source: " ", target: "", transform: "text", mode: "fill-if-empty" },
        { source: "", target: "", transform: "text", mode: "fill-if-empty" },
      ],
    });
    expect(result.ok || result.errors["maps.1.source"]).toEqual(["choose a Spektrix field"]);
    expect(result.ok || result.errors["maps.1.target"]).toEqual(["choose a site field"]);
    // Two new maps are two empty fields, not one field written twice.
    expect(result.ok || result.errors["maps.2.target"]).toEqual(["choose a site field"]);
  });

  it("words a schedule out of range in minutes, not in the validator's terms", () => {
    for (const [everyMinutes, message] of [
      [0, "must be at least 1 minute"],
      [1441, "must be at most 1,440 minutes (a day)"],
      [2.5, "must be a whole number of minutes"],
      ["ten", "must be a number of minutes"],
    ] as const) {
      const result = parseSyncSettings({ schedule: { everyMinutes } });
      expect(result.ok || result.errors["schedule.everyMinutes"], String(everyMinutes)).toEqual([message]);
    }
  });

  it("refuses two maps writing one field, and maps that never write the title", () => {
    const twice = parseSyncSettings({
      maps: [
        { source: "name", target: "title", transform: "text", mode: "locked" },
        { source: "description", target: "title", transform: "text", mode: "editable" },
      ],
    });
    expect(twice.ok || twice.errors["maps.1.target"]).toEqual(["title is already written by maps.0"]);
    const noTitle = parseSyncSettings({
      maps: [{ source: "description", target: "summary", transform: "text", mode: "locked" }],
    });
    expect(noTitle.ok || Object.keys(noTitle.errors)).toEqual(["maps"]);
  });

  it("renames each Spektrix venue once, whatever its case, and refuses empty names", () => {
    const twice = parseSyncSettings({
      display: {
        venueNames: [
          { spektrix: "Studio TM ID: 61", site: "Studio" },
          { spektrix: "studio tm id: 61", site: "The Studio" },
        ],
      },
    });
    expect(twice.ok || twice.errors["display.venueNames.1.spektrix"]).toEqual([
      "studio tm id: 61 is already renamed by line 1",
    ]);
    const blank = parseSyncSettings({ display: { venueNames: [{ spektrix: "Studio", site: "  " }] } });
    expect(blank.ok || Object.keys(blank.errors)).toEqual(["display.venueNames.0.site"]);
  });

  it("accepts custom targets with any transform and attribute sources", () => {
    const result = parseSyncSettings({
      maps: [
        { source: "name", target: "title", transform: "text", mode: "locked" },
        { source: "attribute_LowestPrice", target: "custom.fromPrice", transform: "number", mode: "locked" },
        { source: "attribute_Series", target: "tags", transform: "list", mode: "fill-if-empty" },
      ],
    });
    expect(result.ok).toBe(true);
  });
});

describe("sync settings storage", () => {
  let ctx: Awaited<ReturnType<typeof openTestDb>>;
  beforeAll(async () => {
    ctx = await openTestDb();
  });
  afterAll(async () => {
    await ctx.dispose();
  });

  it("uses the defaults until a version is saved, then the newest version", async () => {
    expect(await loadSyncSettings(ctx.db)).toEqual({ settings: defaultSyncSettings, version: 0 });
    const saved = await saveSyncSettings(ctx.db, { events: { take: "onSale" } }, { savedBy: "editor@example.com" });
    expect(saved).toMatchObject({ ok: true, version: 1 });
    const second = await saveSyncSettings(ctx.db, { events: { take: "withFuturePerformances" } });
    expect(second).toMatchObject({ ok: true, version: 2 });
    const loaded = await loadSyncSettings(ctx.db);
    expect(loaded.version).toBe(2);
    expect(loaded.settings.events.take).toBe("withFuturePerformances");
  });

  it("keeps the previous version when a save is invalid", async () => {
    const before = await loadSyncSettings(ctx.db);
    const rejected = await saveSyncSettings(ctx.db, { fetch: { concurrency: 0 } });
    expect(rejected.ok).toBe(false);
    if (!rejected.ok) expect(Object.keys(rejected.errors ?? {})).toEqual(["fetch.concurrency"]);
    expect(await loadSyncSettings(ctx.db)).toEqual(before);
  });
});
