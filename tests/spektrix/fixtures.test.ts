import { describe, expect, it } from "vitest";
import { z } from "zod";
import { isSpektrixId } from "@/lib/spektrix/ids";
import { accessFlags } from "@/lib/sync/mapping";
import { defaultSyncSettings } from "@/lib/sync/settings";
import type { SourcePerformance } from "@/lib/sync/source";
import {
  eventSchema,
  parseResponse,
  performanceSchema,
  plainSeatSchema,
  planSchema,
  venueSchema,
} from "@/lib/spektrix/schemas";
import { readJsonFixture, readPythonSamples, splitEventInstanceRows } from "./fixture-data";

const parseEvents = (data: unknown) => parseResponse(z.array(eventSchema), data, "GET events (fixture)");
const parsePerformances = (data: unknown) => parseResponse(z.array(performanceSchema), data, "GET instances (fixture)");
const ISO_Z = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe.each([
  { file: "kaymeekcentre.event-instances.json", rows: 84, events: 57 },
  { file: "manitobaopera.event-instances.json", rows: 16, events: 12 },
])("real capture $file", ({ file, rows, events: eventCount }) => {
  const split = splitEventInstanceRows(readJsonFixture(file));

  it("keeps every row: one performance per row, one event per distinct id", () => {
    expect(split.rowCount).toBe(rows);
    const events = parseEvents(split.events);
    const performances = parsePerformances(split.instances);
    expect(events).toHaveLength(eventCount);
    expect(performances).toHaveLength(rows);
    expect(new Set(performances.map((p) => p.id)).size).toBe(rows);
    const eventIds = new Set(events.map((e) => e.id));
    expect(performances.every((p) => eventIds.has(p.eventId))).toBe(true);
  });

  it("normalises times, durations and attributes without losing the local start", () => {
    const performances = parsePerformances(split.instances);
    for (const [i, p] of performances.entries()) {
      expect(p.startUtc).toMatch(ISO_Z);
      expect(p.startLocal).toBe(split.instances[i]?.start);
      expect(isSpektrixId(p.id)).toBe(true);
      if (p.stopSellingAtWebUtc !== null) expect(p.stopSellingAtWebUtc).toMatch(ISO_Z);
    }
    const events = parseEvents(split.events);
    expect(events.every((e) => e.durationMinutes === null || Number.isInteger(e.durationMinutes))).toBe(true);
    expect(events.some((e) => e.durationMinutes !== null && e.durationMinutes > 0)).toBe(true);
    // Fields the publisher added (`locations`, `source`) are ignored, not mapped or fatal.
    expect(Object.keys(events[0] ?? {})).not.toContain("locations");
  });
});

describe("real capture kaymeekcentre details", () => {
  const split = splitEventInstanceRows(readJsonFixture("kaymeekcentre.event-instances.json"));
  it("maps the first row exactly", () => {
    const [event] = parseEvents(split.events);
    const [performance] = parsePerformances(split.instances);
    expect(event).toMatchObject({
      id: "210001ABSLVMJVHHPMCPGQQVCTSKKVCVH",
      name: "An Evening With John Vaillant - Fire Weather",
      durationMinutes: 90,
      // Spektrix's empty `<div id>\r\n\r\n</div>` wrapper is no description at all.
      htmlDescription: null,
      imageUrl: null,
      firstPerformanceLocal: "2025-10-24T19:30:00",
      attributes: { Genre: "Rental", GalaEvent: false, Company: null, LowestPrice: 0, Theatre: "Grosvenor Theatre" },
    });
    expect(performance).toEqual({
      id: "284401ALQBLGCMMGQSCQGQCLJTQDMHVRQ",
      eventId: "210001ABSLVMJVHHPMCPGQQVCTSKKVCVH",
      startLocal: "2025-10-24T19:30:00",
      startUtc: "2025-10-25T02:30:00.000Z",
      startSellingAtWebUtc: "2025-09-24T19:06:00.000Z",
      stopSellingAtWebUtc: "2025-10-25T01:30:00.000Z",
      isOnSale: true,
      cancelled: false,
      planId: "401ANPJQJQPQMRSBDNMVNLSPGTRBVQVRH",
      priceListId: "230601ASBJGKHVTTNVSBKMCSNVQHKBSRM",
      webInstanceId: null,
      hasBestAvailableOverlay: true,
      attributes: {},
    });
  });
});

describe("real capture manitobaopera instance attributes", () => {
  it("carries venue access attributes through to the access-flag mapping", () => {
    const split = splitEventInstanceRows(readJsonFixture("manitobaopera.event-instances.json"));
    const [first] = parsePerformances(split.instances);
    expect(first?.attributes).toMatchObject({ SLCaptioned: false, SLSigned: false, SLFreeText: null });
    // The sync reads the raw record (`attribute_…` keys), as the feed gives it.
    const raw = split.instances[0] as never as SourcePerformance;
    const access = defaultSyncSettings.performances.access;
    expect(accessFlags(raw, access)).toEqual([]);
    expect(accessFlags({ ...raw, attribute_SLSigned: true }, access)).toEqual(["bsl"]);
  });
});

describe("real capture terrabrucemajestic (raw GET v3/events)", () => {
  const raw = readJsonFixture("terrabrucemajestic.events.json");
  const events = parseEvents(raw);

  it("parses all 16 events", () => {
    expect(raw).toHaveLength(16);
    expect(events).toHaveLength(16);
  });

  it("trims names, turns empty strings into null and 0-minute durations into unknown", () => {
    expect(events.find((e) => e.name.startsWith("Magical Melodies"))?.name).toBe(
      "Magical Melodies - A Disney Hits Tribute Concert",
    );
    expect(events.every((e) => e.imageUrl === null && e.thumbnailUrl === null)).toBe(true);
    expect(events[0]?.attributes.Genre).toBeNull();
    expect(events[0]?.durationMinutes).toBe(150);
    expect(events.filter((e) => e.durationMinutes === null)).toHaveLength(3);
    expect(events.every((e) => e.firstPerformanceUtc === null)).toBe(true);
  });
});

describe("artsdata test samples (hand-trimmed real data)", () => {
  const samples = readPythonSamples("artsdata-test-samples.py.txt");

  it("finds every sample list", () => {
    expect(Object.keys(samples).sort()).toEqual(["events_data", "mock_instances", "mock_plans", "mock_venues"]);
  });

  it("parses events, venues and instances with counts preserved", () => {
    expect(parseEvents(samples.events_data)).toHaveLength(2);
    const venues = parseResponse(z.array(venueSchema), samples.mock_venues, "GET venues (fixture)");
    // Real systems hold "Unknown" and "Online" where a venue has no street address: read as none, so nothing
    // publishes them as one (JSON-LD, calendar files).
    expect(venues.map((v) => v.address)).toEqual(["215 8 Ave SE, Calgary, AB T2G 0K8", null, null]);
    // "Online" is a streamed show's venue, which search engines and calendars are told; "Unknown" is not.
    expect(venues.map((v) => v.online)).toEqual([false, false, true]);
    const performances = parsePerformances(samples.mock_instances);
    expect(performances.map((p) => p.webInstanceId)).toEqual(["backyardbash-24-fri", "backyardbash-24-satm"]);
    expect(performances[0]?.attributes).toEqual({ MoreInfoTitle: null, MoreInfoContent: null, ButtonDisabled: null });
  });

  it("parses the plan sample: two bare seats, then four plans with reserved/unreserved told apart", () => {
    const list = samples.mock_plans ?? [];
    const seats = list.filter((item) => !(item as Record<string, unknown>).type);
    const plans = parseResponse(
      z.array(planSchema),
      list.filter((item) => (item as Record<string, unknown>).type),
      "GET plans (fixture)",
    );
    expect(parseResponse(z.array(plainSeatSchema), seats, "seats (fixture)")).toHaveLength(2);
    expect(plans).toHaveLength(4);
    expect(plans.map((p) => p.isReserved)).toEqual([true, false, false, false]);
    expect(plans[0]?.seats).toHaveLength(2);
    expect(plans[0]?.seats[0]).toEqual({ id: "53613", name: "A1", row: "A", number: 1, x: 582, y: 80 });
    expect(plans[1]?.venueId).toBe("401ANPJQJQPQMRSBDNMVNLSPGTRBVQVRH");
  });
});
