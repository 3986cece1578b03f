import { describe, expect, it } from "vitest";
import { formatLocalDay, formatLocalPerformanceTime, formatPerformanceTime } from "@/lib/checkout/format";

/** The one reading of Spektrix's venue-local times, shared by the basket and the studio's pickers. */
describe("venue-local dates and times", () => {
  it("reads a local start the way an instant in the venue's zone reads", () => {
    expect(formatLocalPerformanceTime("2025-08-23T16:30:00")).toBe("Sat, Aug 23, 2025, 4:30 p.m.");
    // 19:30 in Winnipeg (UTC-5 in October) is 00:30 UTC the next day: same words either way.
    expect(formatLocalPerformanceTime("2025-10-24T19:30:00")).toBe(
      formatPerformanceTime("2025-10-25T00:30:00Z", "America/Winnipeg"),
    );
  });

  it("has no time to show for a date or for nothing", () => {
    expect(formatLocalPerformanceTime("2025-08-23")).toBeNull();
    expect(formatLocalPerformanceTime(null)).toBeNull();
    expect(formatLocalPerformanceTime("soon")).toBeNull();
  });

  it("reads a calendar date with or without a time, and leaves anything else alone", () => {
    expect(formatLocalDay("2026-11-26")).toBe("Thu, Nov 26, 2026");
    expect(formatLocalDay("2026-11-26T00:00:00")).toBe("Thu, Nov 26, 2026");
    expect(formatLocalDay("next week")).toBe("next week");
  });
});
