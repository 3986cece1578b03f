import { describe, expect, it } from "vitest";
import {
  addDays,
  isLocalDate,
  isoWithOffset,
  localDateOf,
  presetRange,
  startOfLocalDay,
  utcWindow,
} from "@/lib/events/dates";
import { formatDuration, formatLongDay, formatTime } from "@/lib/events/format";

const TZ = "America/Edmonton";

describe("dates in the venue's time zone", () => {
  it("knows real calendar dates", () => {
    expect(isLocalDate("2024-02-29")).toBe(true);
    expect(isLocalDate("2025-02-29")).toBe(false);
    expect(isLocalDate("2025-1-1")).toBe(false);
  });

  it("reads the venue's date, not UTC's, late in the evening", () => {
    // 03:00 UTC on the 27th is still the 26th in Edmonton.
    expect(localDateOf(new Date("2026-11-27T03:00:00Z"), TZ)).toBe("2026-11-26");
  });

  it("puts local midnight at the right instant on both sides of a DST change", () => {
    expect(startOfLocalDay("2026-03-08", TZ).toISOString()).toBe("2026-03-08T07:00:00.000Z"); // MST
    expect(startOfLocalDay("2026-03-09", TZ).toISOString()).toBe("2026-03-09T06:00:00.000Z"); // MDT
  });

  it("computes presets from the venue's today", () => {
    const thursday = new Date("2026-11-26T18:00:00Z");
    expect(presetRange("today", TZ, thursday)).toEqual({ from: "2026-11-26", to: "2026-11-26" });
    expect(presetRange("weekend", TZ, thursday)).toEqual({ from: "2026-11-27", to: "2026-11-29" });
    expect(presetRange("weekend", TZ, new Date("2026-11-28T18:00:00Z"))).toEqual({
      from: "2026-11-28",
      to: "2026-11-29",
    });
    expect(presetRange("7days", TZ, thursday)).toEqual({ from: "2026-11-26", to: "2026-12-02" });
    expect(presetRange("month", TZ, thursday)).toEqual({ from: "2026-11-26", to: "2026-11-30" });
  });

  it("turns a local range into a half-open UTC window", () => {
    const w = utcWindow({ from: "2025-11-26", to: "2025-11-26" }, TZ);
    expect(w.start.toISOString()).toBe("2025-11-26T07:00:00.000Z");
    expect(w.end.toISOString()).toBe("2025-11-27T07:00:00.000Z");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
  });

  // Dates are in 2025: tzdata 2026c keeps Alberta on UTC-6 all year from November 2026.
  it("writes ISO times with the venue's offset", () => {
    expect(isoWithOffset(new Date("2025-07-01T01:30:00Z"), TZ)).toBe("2025-06-30T19:30:00-06:00");
    expect(isoWithOffset(new Date("2025-12-01T02:30:00Z"), TZ)).toBe("2025-11-30T19:30:00-07:00");
    expect(isoWithOffset(new Date("2026-12-01T02:30:00Z"), "Europe/London")).toBe("2026-12-01T02:30:00+00:00");
  });

  it("prints times and durations the way theatres do", () => {
    expect(formatTime(new Date("2025-12-01T02:30:00Z"), TZ)).toBe("7.30pm");
    // The booking page's date carries its year: a January show is sold in the autumn before.
    expect(formatLongDay(new Date("2027-01-05T02:30:00Z"), TZ)).toMatch(/^Monday 4 January 2027$/);
    expect(formatDuration(150)).toBe("2 hrs 30 mins");
    expect(formatDuration(0)).toBeNull();
  });
});
