import { describe, expect, it } from "vitest";
import {
  formatDate,
  formatDay,
  formatLocalDay,
  formatLocalPerformanceTime,
  formatPerformanceTime,
  formatTime,
} from "@/lib/events/format";

/** One reading of a performance's time for every page: event pages, basket, checkout, confirmation, studio. */
describe("venue-local dates and times", () => {
  it("reads a local start the way an instant in the venue's zone reads", () => {
    expect(formatLocalPerformanceTime("2025-08-23T16:30:00")).toBe("Sat 23 Aug 2025, 4.30pm");
    // 19:30 in Winnipeg (UTC-5 in October) is 00:30 UTC the next day: same words either way.
    expect(formatLocalPerformanceTime("2025-10-24T19:30:00")).toBe(
      formatPerformanceTime("2025-10-25T00:30:00Z", "America/Winnipeg"),
    );
  });

  it("prints the same day and time the event pages print", () => {
    const instant = new Date("2026-12-08T19:30:00Z");
    const tz = "Europe/London"; // UTC in winter
    expect(formatPerformanceTime(instant.toISOString(), tz)).toBe(
      `${formatDay(instant, tz)}, ${formatTime(instant, tz)}`,
    );
    expect(formatPerformanceTime(instant.toISOString(), tz)).toBe("Tue 8 Dec 2026, 7.30pm");
    expect(formatDate(instant.toISOString(), tz)).toBe("8 December 2026");
  });

  it("has no time to show for a date or for nothing", () => {
    expect(formatLocalPerformanceTime("2025-08-23")).toBeNull();
    expect(formatLocalPerformanceTime(null)).toBeNull();
    expect(formatLocalPerformanceTime("soon")).toBeNull();
    expect(formatPerformanceTime("soon", "UTC")).toBeNull();
  });

  it("reads a calendar date with or without a time, and leaves anything else alone", () => {
    expect(formatLocalDay("2026-11-26")).toBe("Thu 26 Nov 2026");
    expect(formatLocalDay("2026-11-26T00:00:00")).toBe("Thu 26 Nov 2026");
    expect(formatLocalDay("next week")).toBe("next week");
  });
});
