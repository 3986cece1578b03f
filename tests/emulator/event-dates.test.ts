/** An event's summary dates agree with its instances, as in Spektrix, derived instances included. */
import { describe, expect, it } from "vitest";
import { Catalogue } from "../../emulator/data/catalogue";
import { loadFixtures } from "../../emulator/data/load";
import { FIXTURES, NOW } from "./helpers";

describe("the demo catalogue's events", () => {
  it("span exactly their instances' first and last starts", () => {
    const cat = Catalogue.build(loadFixtures(FIXTURES), { seed: "spektrix-emulator", now: NOW, shiftDates: true });
    let checked = 0;
    for (const [id, event] of cat.events) {
      const starts = cat
        .instancesOf(id)
        .map((i) => String(i.start))
        .sort();
      if (!starts.length) continue;
      expect([event.firstInstanceDateTime, event.lastInstanceDateTime], String(event.name)).toEqual([
        starts[0],
        starts.at(-1),
      ]);
      checked++;
    }
    // And the demo has events of several performances, so the check covers runs, not single nights only.
    expect(checked).toBeGreaterThan(20);
    expect([...cat.events.keys()].some((id) => cat.instancesOf(id).length > 1)).toBe(true);
  });
});
