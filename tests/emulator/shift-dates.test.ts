import { describe, expect, it } from "vitest";
import { Catalogue, DEMO_ACCESS_ATTRIBUTES, refId, SHIFT_LEAD_MS } from "../../emulator/data/catalogue";
import { DAY_MS, parseWallClock } from "../../emulator/data/dates";
import { loadFixtures, type Json } from "../../emulator/data/load";
import { sellingCandidates, SALE_MARGIN_MS, type InstanceFacts } from "../../e2e/performances";
import { availabilityState } from "@/lib/availability/state";
import { presetRange, utcWindow } from "@/lib/events/dates";
import { defaultSyncSettings } from "@/lib/sync/settings";
import { wallTimeToInstant } from "@/lib/time/zone";
import { FIXTURES, NOW, start } from "./helpers";

/**
 * Tests must not depend on the hour they run. CI once failed at 19:10 UTC because `--shift-dates` put the
 * earliest performance within a day of now, and web sales stop an hour before a show: "the first performance"
 * was off sale for part of every day. This runs the shift, and the choice the journeys make
 * (e2e/performances.ts), at simulated times of day in the venue's zone, on a winter day, a summer (DST) day
 * and the last day of a month, and checks what the journeys rely on.
 */

const TZ = "America/Edmonton"; // the demo venue's zone (.env.example VENUE_TIME_ZONE)
const DAYS = [
  [2026, 0, 15],
  [2026, 6, 16],
  [2026, 10, 30],
] as const;
const TIMES = [
  [0, 30],
  [6, 0],
  [19, 30],
  [23, 30],
] as const;
const CASES = DAYS.flatMap(([y, m, d]) =>
  TIMES.map(([h, min]) => {
    const label = `${y}-${String(m + 1).padStart(2, "0")}-${String(d).padStart(2, "0")} ${String(h).padStart(2, "0")}:${String(min).padStart(2, "0")}`;
    return [label, wallTimeToInstant(Date.UTC(y, m, d, h, min), TZ)] as const;
  }),
);

const data = loadFixtures(FIXTURES);
const FILES = [
  "kaymeekcentre.event-instances.json",
  "manitobaopera.event-instances.json",
  "terrabrucemajestic.events.json",
];
const HOUR_MS = 3_600_000;
const startMs = (i: Json) => parseWallClock(String(i.startUtc));
const fileOf = (i: Json) => data.eventFiles.get(refId(i.event));

/** What the site decides for a performance from the sale facts the sync stores, with plenty of seats left. */
function siteState(i: Json, now: Date) {
  const utc = (v: unknown) => (typeof v === "string" ? new Date(v.endsWith("Z") ? v : `${v}Z`) : null);
  const facts = {
    startsAt: utc(i.startUtc)!,
    cancelled: i.cancelled === true,
    isOnSale: i.isOnSale === true,
    sellFrom: utc(i.startSellingAtWebUtc),
    sellUntil: utc(i.stopSellingAtWebUtc),
  };
  return availabilityState(facts, { available: 100, capacity: 200 }, { now, threshold: 20 }).state;
}

describe.each(CASES)("shifted at %s venue time", (_label, now) => {
  // As the demo runs it: one system zone, the site's (scripts/demo.ts).
  const cat = Catalogue.build(data, { shiftDates: true, now, seed: "spektrix-emulator", timeZone: TZ });
  const instances = [...cat.instances.values()];

  it.each(FILES)("%s: its earliest performance starts a day or two ahead, on sale on the web", (file) => {
    const own = instances.filter((i) => fileOf(i) === file);
    expect(own.length).toBeGreaterThan(0);
    const earliest = own.reduce((a, b) => (startMs(b) < startMs(a) ? b : a));
    const ahead = startMs(earliest) - now.getTime();
    // A whole-day shift across a daylight-saving change keeps the local time, so the instant may move an hour.
    expect(ahead).toBeGreaterThanOrEqual(SHIFT_LEAD_MS - HOUR_MS);
    expect(ahead).toBeLessThan(SHIFT_LEAD_MS + DAY_MS + HOUR_MS);
    expect(cat.shifts.get(file)! % DAY_MS, "whole days keep each show's time of day").toBe(0);
    if (earliest.cancelled !== true) {
      expect(siteState(earliest, now)).toBe("onSale");
      // Still on sale after a long test run.
      expect(siteState(earliest, new Date(now.getTime() + 3 * 3_600_000))).toBe("onSale");
    }
    // Several venues at once: every file stays inside the sync's default window, however old its capture.
    const latest = Math.max(...own.map(startMs));
    expect(latest - now.getTime()).toBeLessThan(defaultSyncSettings.fetch.daysAhead * DAY_MS);
  });

  it("the journeys' choice is in the future, on sale, and the site agrees", () => {
    // Emulator records are plain JSON; the choice reads only the fields of InstanceFacts.
    const candidates = sellingCandidates(instances as unknown as InstanceFacts[], now);
    expect(candidates.length).toBeGreaterThan(0);
    const chosen = candidates[0] as unknown as Json;
    expect(startMs(chosen)).toBeGreaterThan(now.getTime() + SALE_MARGIN_MS);
    expect(chosen.isOnSale).toBe(true);
    expect(siteState(chosen, now)).toBe("onSale");
    // Every performance the shift left in the future is sellable: no part of the day where a choice goes stale.
    for (const i of instances.filter((x) => x.cancelled !== true && startMs(x) > now.getTime()))
      expect(siteState(i, now), String(i.id)).toBe("onSale");
  });

  it("'Next 7 days' on the site lists performances of every venue", () => {
    const { start: from, end } = utcWindow(presetRange("7days", TZ, now), TZ);
    for (const file of FILES) {
      const inWeek = instances.filter(
        (i) => fileOf(i) === file && startMs(i) >= from.getTime() && startMs(i) < end.getTime(),
      );
      expect(inWeek.length, file).toBeGreaterThan(0);
    }
  });
});

describe("the emulator's shift", () => {
  it("is taken once at load: a reset later in the day gives back the same dates", async () => {
    const emu = await start({ shiftDates: true });
    try {
      const before = new Map([...emu.state.catalogue.instances].map(([id, i]) => [id, i.startUtc]));
      emu.advanceTime(20 * 3_600_000);
      emu.reset();
      const after = new Map([...emu.state.catalogue.instances].map(([id, i]) => [id, i.startUtc]));
      expect(after).toEqual(before);
      expect(emu.state.opts.now().getTime()).toBeGreaterThan(NOW.getTime());
    } finally {
      await emu.stop();
    }
  });
});

describe("the emulator's time zone", () => {
  const NOW_WINTER = wallTimeToInstant(Date.UTC(2026, 11, 3, 12, 0), TZ);
  const cat = Catalogue.build(data, { shiftDates: true, now: NOW_WINTER, seed: "spektrix-emulator", timeZone: TZ });

  it("gives every performance a UTC start that is its local start in the system's zone, as Spektrix does", () => {
    const instances = [...cat.instances.values()];
    expect(instances.length).toBeGreaterThan(50);
    for (const i of instances) {
      const local = parseWallClock(String(i.start));
      expect(new Date(startMs(i)).toISOString(), String(i.id)).toBe(wallTimeToInstant(local, TZ).toISOString());
    }
  });

  it("does the same for performances created later (the control API, generated load)", () => {
    const event = cat.createEvent({ name: "Added later", starts: ["2027-07-01T19:30:00"] });
    const [added] = cat.instancesOf(String(event.id));
    expect(added?.startUtc).toBe("2027-07-02T01:30:00"); // Edmonton in summer is UTC-6
  });
});

describe("the demo's access performances", () => {
  it.each(CASES)(
    "at %s there are upcoming captioned, signed, described, relaxed and touch-tour performances",
    (_label, now) => {
      const cat = Catalogue.build(data, { shiftDates: true, now, seed: "spektrix-emulator", timeZone: TZ });
      const upcoming = [...cat.instances.values()].filter((i) => i.cancelled !== true && startMs(i) > now.getTime());
      for (const name of DEMO_ACCESS_ATTRIBUTES)
        expect(upcoming.filter((i) => i[`attribute_${name}`] === true).length, name).toBeGreaterThan(0);
      // Most performances stay general ones.
      expect(
        upcoming.filter((i) => DEMO_ACCESS_ATTRIBUTES.some((n) => i[`attribute_${n}`] === true)).length,
      ).toBeLessThan(upcoming.length / 3);
    },
  );
});
