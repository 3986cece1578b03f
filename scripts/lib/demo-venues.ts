/**
 * The demo's venue names (saved into its sync settings by demo-settings.ts). A module of its own, with no imports, so
 * the browser tests can read it without loading the database.
 */
/** Spektrix's name → the name visitors see, for the venues in the emulator's demo catalogue. */
export const DEMO_VENUE_NAMES: ReadonlyArray<{ spektrix: string; site: string }> = [
  { spektrix: "Cinematheque TM ID: 61", site: "Cinematheque" },
  {
    spektrix: "First Unitarian Universalist Church of Winnipeg TM ID: 58",
    site: "First Unitarian Universalist Church",
  },
  { spektrix: "Centennial Concert Hall (Orchestra Right)", site: "Centennial Concert Hall" },
  { spektrix: "Terrabrucemajestic Theatre", site: "The Majestic" },
  { spektrix: "Fire Road 2, McCallum Point Road, Clearwater Bay", site: "Clearwater Bay" },
];
