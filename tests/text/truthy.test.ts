import { describe, expect, it } from "vitest";
import { accessFlags, rescheduledOf } from "@/lib/sync/mapping";
import { defaultSyncSettings } from "@/lib/sync/settings";
import { applyTransform } from "@/lib/sync/transforms";
import { isTruthy } from "@/lib/text/truthy";

/** The one yes/no rule (lib/text/truthy), shared by the sync, the access flags and the rescheduled notice. */
describe("isTruthy", () => {
  it.each([true, 1, 2, -1, "true", "True", "TRUE", "yes", "Yes", " y ", "1", "on", "On", " ON "])(
    "reads %j as yes",
    (value) => {
      expect(isTruthy(value)).toBe(true);
    },
  );

  it.each([false, 0, "false", "no", "No", "n", "0", "off", "", "  ", "maybe", "yes please", null, undefined, {}, []])(
    "reads %j as no",
    (value) => {
      expect(isTruthy(value)).toBe(false);
    },
  );

  it("is the rule every caller applies", () => {
    expect(applyTransform("boolean", "on", { timeZone: "UTC" })).toBe(true);
    const performance = (attributes: Record<string, string>) => attributes as never;
    const access = defaultSyncSettings.performances.access;
    expect(accessFlags(performance({ attribute_SLCaptioned: "On", attribute_BSL: "off" }), access)).toEqual([
      "captioned",
    ]);
    expect(rescheduledOf(performance({ attribute_Rescheduled: "on" })).rescheduled).toBe(true);
    expect(rescheduledOf(performance({ attribute_Rescheduled: "no" })).rescheduled).toBe(false);
  });
});
