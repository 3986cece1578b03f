/**
 * The demo's sync settings, saved once into a store that has none, as an editor would on day one: the real
 * feeds the emulator replays name some venues with a ticketing code or a seating area ("Cinematheque TM ID: 61"),
 * which a venue's editor renames on the studio's Sync settings page. A store with settings already saved (an editor
 * changed them) is left alone.
 */
import { defaultSyncSettings, loadSyncSettings, saveSyncSettings } from "@/lib/sync/settings";
import type { StoreDb } from "@/lib/db";
import { DEMO_VENUE_NAMES } from "./demo-venues";

export async function saveDemoSyncSettings(db: StoreDb): Promise<"saved" | "kept"> {
  if ((await loadSyncSettings(db)).version > 0) return "kept";
  const saved = await saveSyncSettings(
    db,
    { ...defaultSyncSettings, display: { ...defaultSyncSettings.display, venueNames: DEMO_VENUE_NAMES } },
    // Only into a store with none: an editor who saved meanwhile keeps theirs.
    { savedBy: "demo", basedOn: 0 },
  );
  if (!saved.ok && saved.conflict) return "kept";
  if (!saved.ok) throw new Error(`the demo's sync settings are invalid: ${JSON.stringify(saved.errors)}`);
  return "saved";
}
