import { describe, expect, it } from "vitest";
import { accessFlags } from "@/lib/spektrix/access";
import { rescheduledOf } from "@/lib/events/queries";
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
    expect(accessFlags({ SLCaptioned: "On", BSL: "off" })).toMatchObject({ captioned: true, bsl: false });
    expect(rescheduledOf({ Rescheduled: "on" })).toEqual({ from: null });
    expect(rescheduledOf({ Rescheduled: "no" })).toBeNull();
  });
});
