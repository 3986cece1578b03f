import { describe, expect, it } from "vitest";
import { canonicalJson, hashRecord } from "@/lib/sync/hash";
import {
  accessFlags,
  eventHash,
  eventSyncFields,
  mapEventFields,
  mapPerformance,
  performanceHash,
  rescheduledOf,
  slugBase,
  takeEvent,
  uniqueSlug,
} from "@/lib/sync/mapping";
import { defaultSyncSettings, parseSyncSettings, type SyncSettings } from "@/lib/sync/settings";
import { localToUtc, parseUtc, sliceWindow, zoneMismatch } from "@/lib/sync/time";
import { applyTransform } from "@/lib/sync/transforms";
import { slugify } from "@/lib/text/slug";
import { isTruthy } from "@/lib/text/truthy";
import { makeEvent, makePerformance, NOW } from "./helpers";

const tz = { timeZone: "America/Winnipeg" };
const settingsWith = (input: unknown): SyncSettings => {
  const r = parseSyncSettings(input);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.settings;
};

describe("transforms", () => {
  it("text trims, normalises line breaks and turns blanks into null", () => {
    expect(applyTransform("text", "  Hamlet \r\n", tz)).toBe("Hamlet");
    expect(applyTransform("text", "a\r\nb", tz)).toBe("a\nb");
    expect(applyTransform("text", "", tz)).toBeNull();
    expect(applyTransform("text", null, tz)).toBeNull();
    expect(applyTransform("text", 12, tz)).toBe("12");
  });

  it("html is sanitised and Spektrix's empty <div id> wrapper counts as nothing", () => {
    expect(applyTransform("html", "<div id>\r\n\r\n</div>", tz)).toBeNull();
    const html = applyTransform(
      "html",
      '<div id="x"><p onclick="x()">Hi <a href="javascript:alert(1)">x</a> <a href="https://a.b">y</a></p><script>alert(1)</script><img src=x onerror=alert(1)></div>',
      tz,
    );
    // The transform uses the one venue-HTML policy (tests/html/sanitize.test.ts): outside links open in a new tab.
    expect(html).toBe(
      '<div><p>Hi <span>x</span> <a href="https://a.b" rel="noopener noreferrer nofollow" target="_blank">y</a></p></div>',
    );
  });

  it("number reads numbers, numeric strings and ISO durations", () => {
    expect(applyTransform("number", 90, tz)).toBe(90);
    expect(applyTransform("number", " 12.5 ", tz)).toBe(12.5);
    expect(applyTransform("number", "PT1H30M", tz)).toBe(90);
    expect(applyTransform("number", "PT90M", tz)).toBe(90);
    expect(applyTransform("number", "soon", tz)).toBeNull();
    expect(applyTransform("number", Number.NaN, tz)).toBeNull();
  });

  it("boolean reads Spektrix's booleans, strings and numbers", () => {
    expect(applyTransform("boolean", true, tz)).toBe(true);
    expect(applyTransform("boolean", "True", tz)).toBe(true);
    expect(applyTransform("boolean", "no", tz)).toBe(false);
    expect(applyTransform("boolean", 0, tz)).toBe(false);
    expect(applyTransform("boolean", null, tz)).toBeNull();
    expect(isTruthy("Yes")).toBe(true);
  });

  it("date reads UTC instants, and venue-local times in the venue zone", () => {
    expect(applyTransform("date", "2026-10-19T18:30:00Z", tz)).toBe("2026-10-19T18:30:00.000Z");
    // Winnipeg is UTC-5 in October (CDT).
    expect(applyTransform("date", "2025-10-24T19:30:00", tz)).toBe("2025-10-25T00:30:00.000Z");
    expect(applyTransform("date", "not a date", tz)).toBeNull();
  });

  it("list splits on separators, drops blanks and duplicates", () => {
    expect(applyTransform("list", "Drama, Comedy;Drama\n ", tz)).toEqual(["Drama", "Comedy"]);
    expect(applyTransform("list", "", tz)).toBeNull();
    expect(applyTransform("list", true, tz)).toEqual(["true"]);
  });
});

describe("time", () => {
  it("reads UTC with or without Z", () => {
    expect(parseUtc("2026-02-13T04:00:00")?.toISOString()).toBe("2026-02-13T04:00:00.000Z");
    expect(parseUtc("2026-02-13T04:00:00Z")?.toISOString()).toBe("2026-02-13T04:00:00.000Z");
    expect(parseUtc("")).toBeNull();
  });

  it("converts venue-local wall time across daylight saving", () => {
    expect(localToUtc("2026-01-15T19:30:00", "America/Edmonton")?.toISOString()).toBe("2026-01-16T02:30:00.000Z");
    expect(localToUtc("2026-07-15T19:30:00", "America/Edmonton")?.toISOString()).toBe("2026-07-16T01:30:00.000Z");
    expect(localToUtc("2026-07-15T19:30:00", "Europe/London")?.toISOString()).toBe("2026-07-15T18:30:00.000Z");
  });

  it("slices a window without gaps or overlaps", () => {
    const from = new Date("2026-01-01T00:00:00Z");
    const to = new Date("2026-12-31T23:59:59.999Z");
    const slices = sliceWindow({ from, to }, 92);
    expect(slices[0]!.from).toEqual(from);
    expect(slices.at(-1)!.to).toEqual(to);
    for (let i = 1; i < slices.length; i++) expect(slices[i]!.from.getTime()).toBe(slices[i - 1]!.to.getTime() + 1);
  });
});

describe("event mapping", () => {
  it("applies the default maps to a realistic event", () => {
    const event = makeEvent(1, { duration: 0, attribute_Genre: "Opera" });
    const fields = Object.fromEntries(mapEventFields(event, defaultSyncSettings, tz).map((f) => [f.target, f.value]));
    expect(fields.title).toBe("Show number 1");
    expect(fields.bodyHtml).toBe("<div>\n<p>About show 1</p>\n</div>");
    expect(fields.summary).toBe("Plain description 1\nSecond line");
    expect(fields.heroImageUrl).toBe("https://img.example/1.jpg");
    expect(fields.heroImageAlt).toBeNull();
    expect(fields.durationMinutes).toBeNull(); // 0 means "not entered" in Spektrix
    expect(fields.genre).toBe("Opera");
  });

  it("reads first/last dates from Utc fields first, then local times in the venue zone", () => {
    const utc = eventSyncFields(makeEvent(2, { firstInstanceDateTimeUtc: "2026-10-19T18:30:00Z" }), tz);
    expect(utc.firstPerformanceAt?.toISOString()).toBe("2026-10-19T18:30:00.000Z");
    expect(utc.lastPerformanceAt?.toISOString()).toBe(localToUtc("2026-04-07T19:30:00", tz.timeZone)!.toISOString());
    expect(utc.attributes).toEqual({ Genre: "Drama", SLExcludeFromViewEventsPage: false });
  });

  it("takes or skips events by the rules", () => {
    const opts = { now: NOW, timeZone: "UTC" };
    const event = makeEvent(1);
    expect(takeEvent(event, [], defaultSyncSettings, opts)).toEqual({ take: true });
    expect(takeEvent({ ...event, attribute_SLExcludeFromViewEventsPage: true }, [], defaultSyncSettings, opts)).toEqual(
      {
        take: false,
        reason: "excluded by attribute_SLExcludeFromViewEventsPage",
      },
    );
    const onSale = settingsWith({ events: { take: "onSale" } });
    expect(takeEvent({ ...event, isOnSale: false }, [], onSale, opts).take).toBe(false);
    const future = settingsWith({ events: { take: "withFuturePerformances" } });
    const past = makePerformance(event, 1, { startUtc: "2025-01-01T19:00:00" });
    const cancelled = makePerformance(event, 2, { cancelled: true });
    expect(takeEvent(event, [past, cancelled], future, opts).take).toBe(false);
    expect(takeEvent(event, [past, makePerformance(event, 3)], future, opts).take).toBe(true);
    const byValue = settingsWith({ events: { exclude: [{ attribute: "Genre", equals: "drama" }] } });
    expect(takeEvent(event, [], byValue, opts).take).toBe(false);
  });

  it("builds slugs by the rule and keeps them unique", () => {
    expect(slugBase(makeEvent(1), "webEventId")).toBe("show-one");
    expect(slugBase(makeEvent(2), "webEventId")).toBe("show-number-2");
    expect(slugBase(makeEvent(1), "name")).toBe("show-number-1");
    expect(slugBase({ ...makeEvent(3), name: "   " }, "name")).toBe(slugify(makeEvent(3).id));
    expect(slugify("Les Misérables & Friends!")).toBe("les-miserables-and-friends");
    const taken = new Set(["hamlet"]);
    expect(uniqueSlug("hamlet", taken)).toBe("hamlet-2");
    expect(uniqueSlug("hamlet", taken)).toBe("hamlet-3");
  });
});

describe("performance mapping", () => {
  it("maps access flags through the configured attribute names", () => {
    const event = makeEvent(1);
    const p = makePerformance(event, 1, { attribute_SLTouchTour: "Yes", attribute_Relaxed: 1 } as never);
    expect(accessFlags(p, defaultSyncSettings.performances.access)).toEqual(["captioned", "relaxed", "touchTour"]);
    const custom = settingsWith({ performances: { access: { captioned: ["CC"] } } });
    expect(accessFlags({ ...p, attribute_CC: true } as never, custom.performances.access)).toContain("captioned");
    expect(accessFlags(makePerformance(event, 2), defaultSyncSettings.performances.access)).toEqual(["bsl"]);
  });

  it("reads attribute names whatever their case, as venues spell them", () => {
    const p = makePerformance(makeEvent(1), 1, { attribute_slcaptioned: "Yes", attribute_SIGNEDBSL: "on" } as never);
    expect(accessFlags(p, defaultSyncSettings.performances.access)).toEqual(
      expect.arrayContaining(["captioned", "bsl"]),
    );
  });

  it("stores the rescheduled notice from the venue's attributes, with the old start when it parses", () => {
    const event = makeEvent(1);
    const at = (attrs: Record<string, unknown>) => rescheduledOf(makePerformance(event, 1, attrs as never));
    expect(at({})).toEqual({ rescheduled: false, rescheduledFrom: null });
    expect(at({ attribute_Rescheduled: "on" })).toEqual({ rescheduled: true, rescheduledFrom: null });
    expect(at({ attribute_Rescheduled: "no" })).toEqual({ rescheduled: false, rescheduledFrom: null });
    expect(at({ attribute_rescheduledfrom: "2026-03-01T19:30:00Z" })).toEqual({
      rescheduled: true,
      rescheduledFrom: new Date("2026-03-01T19:30:00Z"),
    });
    expect(at({ attribute_OriginalStart: "not a date", attribute_Rescheduled: false })).toEqual({
      rescheduled: false,
      rescheduledFrom: null,
    });
    const mapped = mapPerformance(
      makePerformance(event, 1, { attribute_Rescheduled: "Yes" } as never),
      defaultSyncSettings,
      {
        timeZone: "UTC",
      },
    );
    expect(mapped).toMatchObject({ rescheduled: true, rescheduledFrom: null });
  });

  it("keeps cancelled performances, reads the title override and the selling window", () => {
    const p = makePerformance(makeEvent(1), 3, { cancelled: true, attribute_SLFreeText: " Post-show talk " } as never);
    const m = mapPerformance(p, defaultSyncSettings, { timeZone: "UTC" });
    expect(m).toMatchObject({ cancelled: true, titleOverride: "Post-show talk", startLocal: p.start });
    expect(m.sellFrom?.toISOString()).toBe("2026-01-01T10:00:00.000Z");
    expect(m.sellUntil).toBeNull();
  });

  it("refuses a performance without a readable start", () => {
    const p = makePerformance(makeEvent(1), 1, { start: "soon", startUtc: null });
    expect(() => mapPerformance(p, defaultSyncSettings, { timeZone: "UTC" })).toThrow(/unreadable start/);
  });
});

describe("hashing", () => {
  it("is independent of key order and of undefined members", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: undefined }], c: 2 } })).toBe(
      '{"a":{"c":2,"d":[1,{"z":1}]},"b":1}',
    );
    expect(hashRecord({ a: 1, b: 2 })).toBe(hashRecord({ b: 2, a: 1 }));
    expect(hashRecord({ a: 1 })).toMatch(/^[0-9a-f]{64}$/);
  });

  it("changes with the source or the mapping rules, not with unrelated settings", () => {
    const event = makeEvent(1);
    const h = eventHash(event, defaultSyncSettings, tz);
    expect(eventHash(structuredClone(event), defaultSyncSettings, tz)).toBe(h);
    expect(eventHash({ ...event, name: "Renamed" }, defaultSyncSettings, tz)).not.toBe(h);
    expect(eventHash(event, settingsWith({ fetch: { concurrency: 2 }, schedule: { everyMinutes: 5 } }), tz)).toBe(h);
    const otherMaps = settingsWith({
      maps: [{ source: "name", target: "title", transform: "text", mode: "editable" }],
    });
    expect(eventHash(event, otherMaps, tz)).not.toBe(h);
    const p = makePerformance(event, 1);
    expect(performanceHash(p, defaultSyncSettings, tz)).toBe(
      performanceHash(structuredClone(p), defaultSyncSettings, tz),
    );
    expect(performanceHash({ ...p, cancelled: true }, defaultSyncSettings, tz)).not.toBe(
      performanceHash(p, defaultSyncSettings, tz),
    );
  });
});

describe("the venue's time zone against Spektrix's times", () => {
  const p = (id: string, start: string, startUtc: string) => ({ id, start, startUtc });

  it("agrees when startUtc is the local start read in the configured zone", () => {
    // London: UTC in winter, UTC+1 in summer.
    expect(zoneMismatch([p("1", "2026-12-08T19:30:00", "2026-12-08T19:30:00")], "Europe/London")).toBeNull();
    expect(zoneMismatch([p("1", "2026-07-08T19:30:00", "2026-07-08T18:30:00Z")], "Europe/London")).toBeNull();
    expect(zoneMismatch([], "UTC")).toBeNull();
  });

  it("names how many disagree and the offset Spektrix implies, so an editor can fix VENUE_TIME_ZONE", () => {
    const feed = [
      p("1", "2026-12-08T19:30:00", "2026-12-09T02:30:00"),
      p("2", "2026-12-08T14:00:00", "2026-12-08T14:00:00"),
    ];
    const message = zoneMismatch(feed, "UTC");
    expect(message).toContain("1 of 2");
    expect(message).toContain("UTC−7");
    expect(message).toContain("VENUE_TIME_ZONE");
    expect(zoneMismatch([p("3", "2026-12-08T19:30:00", "2026-12-08T14:00:00Z")], "UTC")).toContain("UTC+5:30");
  });
});
