import { describe, expect, it } from "vitest";
import { runSkipped } from "@/lib/sync/status";

describe("runSkipped", () => {
  it("reads what a run skipped, naming a record by its event's name or its kind and id", () => {
    const details = {
      skipped: [
        { kind: "event", id: "E1", name: "Tosca", reason: "not on sale" },
        { kind: "performance", id: "P9", name: null, reason: "its event E7 is not in the events feed" },
      ],
    };
    expect(runSkipped({ details })).toEqual([
      { label: "Tosca", reason: "not on sale" },
      { label: "Performance P9", reason: "its event E7 is not in the events feed" },
    ]);
  });

  it("shows nothing for runs logged before it existed, and drops lines it cannot read", () => {
    expect(runSkipped({ details: {} })).toEqual([]);
    expect(runSkipped({ details: { skipped: [null, { id: 3 }, "x"] } })).toEqual([]);
  });
});
