import { describe, expect, it } from "vitest";
import { buildIcs, calendarLocation, performanceIcsFilename } from "@/lib/calendar/ics";
import { performanceCalendar } from "@/lib/checkout/calendar";
import type { FeedPerformance } from "@/lib/events/queries";

const site = {
  name: "The Lyric Playhouse",
  url: "https://www.lyric.example",
  address: "215 Stage Door Lane, Calgary, AB",
};
const perf: FeedPerformance = {
  id: "2841ABCD",
  startsAt: "2026-12-01T02:30:00.000Z",
  cancelled: false,
  label: "Captioned performance",
  eventSlug: "tosca",
  eventTitle: "Tosca",
  eventSummary:
    "Puccini's thriller, with commas, semicolons; and a very long line that has to be folded to stay under seventy-five octets.",
  durationMinutes: 165,
  venue: { name: "Studio Theatre", address: "1700 Mathers Avenue", online: false },
  updatedAt: "2026-11-01T00:00:00.000Z",
  sequence: 0,
};

/** Unfolds RFC 5545 continuation lines. */
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, "");

describe(".ics files", () => {
  it("writes a valid VCALENDAR with one VEVENT per performance, in UTC", () => {
    const ics = buildIcs(
      [perf, { ...perf, id: "2842ABCD", startsAt: "2026-12-02T02:30:00.000Z", cancelled: true, label: null }],
      site,
    );
    expect(ics.startsWith("BEGIN:VCALENDAR")).toBe(true);
    expect(ics.trimEnd().endsWith("END:VCALENDAR")).toBe(true);
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    const text = unfold(ics);
    expect(text).toContain("DTSTART:20261201T023000Z");
    expect(text).toContain("UID:2841ABCD@www.lyric.example");
    expect(text).toContain("SUMMARY:Tosca (Captioned performance)");
    expect(text).toContain("STATUS:CANCELLED");
    expect(text).toContain("SUMMARY:CANCELLED: Tosca");
    expect(text).toContain("URL:https://www.lyric.example/events/tosca");
    for (const line of ics.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });

  it("publishes the entry's revision, so a moved performance updates in calendars that saved it", () => {
    expect(unfold(buildIcs([perf], site))).toContain("SEQUENCE:0");
    expect(unfold(buildIcs([{ ...perf, sequence: 2 }], site))).toContain("SEQUENCE:2");
  });

  it("sends a visitor to the venue's address, or for a streamed show to its page, never to the building", () => {
    // A venue elsewhere is not named with the theatre: a map would look for the theatre at that address.
    expect(unfold(buildIcs([perf], site))).toContain("LOCATION:Studio Theatre\\, 1700 Mathers Avenue");
    const streamed = unfold(buildIcs([{ ...perf, venue: { name: "Online", address: null, online: true } }], site));
    expect(streamed).toContain("LOCATION:Online: https://www.lyric.example/events/tosca");
    expect(streamed).not.toContain("Stage Door Lane");
  });

  it("puts a venue with no address of its own in the theatre's building, and a booking's entry at its venue", () => {
    const page = "https://www.lyric.example/events/tosca";
    expect(calendarLocation(null, site, page)).toBe("The Lyric Playhouse, 215 Stage Door Lane, Calgary, AB");
    for (const address of [null, "215 stage door lane"])
      expect(calendarLocation({ name: "Studio Theatre", address, online: false }, site, page)).toBe(
        "Studio Theatre, The Lyric Playhouse, 215 Stage Door Lane, Calgary, AB",
      );
    // The confirmation's "Add to calendar" says the same as the site's own calendar files.
    const booked = performanceCalendar({
      performanceId: "2841ABCD",
      eventName: "Tosca",
      startUtc: "2026-12-01T02:30:00Z",
      durationMinutes: 165,
      venueName: site.name,
      location: calendarLocation({ name: "Online", address: null, online: true }, site, page),
      url: "https://www.lyric.example/account",
      orderReference: "A1",
    });
    expect(unfold(booked!)).toContain(`LOCATION:Online: ${page}`);
  });

  it("still produces a calendar when there is nothing on", () => {
    const ics = buildIcs([], site);
    expect(ics).toContain("BEGIN:VCALENDAR");
    expect(ics).not.toContain("BEGIN:VEVENT");
  });

  it("names a performance's file by the venue's date, not UTC's, which is tomorrow for an evening show", () => {
    // 7.30pm on Tuesday 8 December in Calgary is 02:30 on Wednesday in UTC.
    expect(performanceIcsFilename("tosca", "2026-12-09T02:30:00Z", "America/Edmonton")).toBe("tosca-2026-12-08.ics");
    expect(performanceIcsFilename("tosca", "2026-12-09T02:30:00Z", "Europe/London")).toBe("tosca-2026-12-09.ics");
    // A show known only by its Spektrix name (the confirmation's, when the store does not list it) gets the slug rule.
    expect(performanceIcsFilename("Rock & Roll!", "2026-12-09T02:30:00Z", "UTC")).toBe("rock-and-roll-2026-12-09.ics");
    expect(performanceIcsFilename("Αντιγόνη", "2026-12-09T02:30:00Z", "UTC")).toBe("performance-2026-12-09.ics");
  });
});
