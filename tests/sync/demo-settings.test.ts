import { describe, expect, it } from "vitest";
import { Catalogue } from "../../emulator/data/catalogue";
import { loadFixtures } from "../../emulator/data/load";
import { FIXTURES, NOW } from "../emulator/helpers";
import { saveDemoSyncSettings } from "../../scripts/lib/demo-settings";
import { DEMO_VENUE_NAMES } from "../../scripts/lib/demo-venues";
import { loadSyncSettings, saveSyncSettings } from "@/lib/sync/settings";
import { storeForThisFile } from "./helpers";

const store = storeForThisFile();

describe("the demo's sync settings", () => {
  it("rename venues the emulator's demo catalogue really sends", () => {
    const catalogue = Catalogue.build(loadFixtures(FIXTURES), {
      seed: "spektrix-emulator",
      now: NOW,
      shiftDates: true,
    });
    const sent = new Set([...catalogue.venues.values()].map((venue) => venue.name.toLowerCase()));
    for (const { spektrix, site } of DEMO_VENUE_NAMES) {
      expect(sent, spektrix).toContain(spektrix.toLowerCase());
      expect(site).not.toMatch(/TM ID|\(/);
    }
  });

  it("are saved into a store without settings, once", async () => {
    expect(await saveDemoSyncSettings(store.db)).toBe("saved");
    const loaded = await loadSyncSettings(store.db);
    expect(loaded.version).toBe(1);
    expect(loaded.settings.display.venueNames).toEqual(DEMO_VENUE_NAMES);
    expect(await saveDemoSyncSettings(store.db)).toBe("kept");
    expect((await loadSyncSettings(store.db)).version).toBe(1);
  });

  it("leave an editor's saved settings alone", async () => {
    const editor = await saveSyncSettings(store.db, { display: { venueNames: [{ spektrix: "A", site: "B" }] } });
    expect(editor.ok).toBe(true);
    expect(await saveDemoSyncSettings(store.db)).toBe("kept");
    const loaded = await loadSyncSettings(store.db);
    expect(loaded.version).toBe(1);
    expect(loaded.settings.display.venueNames).toEqual([{ spektrix: "A", site: "B" }]);
  });
});
