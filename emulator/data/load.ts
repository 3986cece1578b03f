import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export type Json = Record<string, unknown>;

export interface VenueRec {
  id: string;
  name: string;
  address: string;
}

/** What the fixture folder holds, normalised to API shapes but not yet enriched. */
export interface LoadedData {
  files: string[];
  /** Event objects as `GET v3/events` returns them (no `instances`). */
  events: Json[];
  /** Instance objects as `GET v3/instances` returns them. Empty for raw event files. */
  instances: Json[];
  /** Events that came from a raw `v3/events` feed and need instances derived. */
  rawEventSources: Map<string, string>;
  /** Event id → the data file it came from: `--shift-dates` moves each file's dates by the file's own offset. */
  eventFiles: Map<string, string>;
  venues: VenueRec[];
  /** Instance-id → venue id, learnt from the publisher's `locations`. */
  venueByPlan: Map<string, string>;
  samplePlans: Json[];
}

// Fields the artsdata publisher added; the real API never sends them.
const PUBLISHER_FIELDS = new Set(["locations", "source", "offerUrl"]);

function isoDurationToMinutes(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const m = /^PT(?:(\d+)H)?(?:(\d+)M)?$/.exec(value);
  if (!m) return value;
  return Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0);
}

function venueFromLocation(loc: unknown): VenueRec | undefined {
  if (!loc || typeof loc !== "object") return undefined;
  const l = loc as { id?: unknown; name?: unknown; address?: Record<string, unknown> };
  if (typeof l.id !== "string" || typeof l.name !== "string") return undefined;
  const a = l.address ?? {};
  const parts = [a.streetAddress, a.addressLocality, [a.addressRegion, a.postalCode].filter(Boolean).join(" ")].filter(
    (p): p is string => typeof p === "string" && p.length > 0,
  );
  return { id: l.id, name: l.name, address: parts.length ? parts.join(", ") : "Unknown" };
}

function splitRow(row: Json): { event: Json; instance: Json } {
  const event: Json = {};
  const instance: Json = {};
  for (const [key, value] of Object.entries(row)) {
    if (key.startsWith("instance_")) instance[key.slice("instance_".length)] = value;
    else if (!PUBLISHER_FIELDS.has(key)) event[key] = value;
  }
  event.duration = isoDurationToMinutes(event.duration);
  return { event, instance };
}

/** Python literal (the artsdata test file) → JSON value. Only used on the trimmed sample blocks. */
function pythonBlock(source: string, name: string): unknown[] {
  const start = source.indexOf(`self.${name} = [`);
  if (start < 0) return [];
  let i = source.indexOf("[", start);
  let depth = 0;
  let end = i;
  let inString = false;
  for (; i < source.length; i++) {
    const ch = source[i];
    if (inString) {
      if (ch === "\\") i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === "[") depth++;
    else if (ch === "]" && --depth === 0) {
      end = i + 1;
      break;
    }
  }
  const json = source
    .slice(source.indexOf("[", start), end)
    .replace(/\bTrue\b/g, "true")
    .replace(/\bFalse\b/g, "false")
    .replace(/\bNone\b/g, "null")
    .replace(/,(\s*[\]}])/g, "$1");
  try {
    return JSON.parse(json) as unknown[];
  } catch {
    return [];
  }
}

/** Reads every JSON file in `dataDir` (both real formats) plus the artsdata Python samples. */
export function loadFixtures(dataDir: string): LoadedData {
  const out: LoadedData = {
    files: [],
    events: [],
    instances: [],
    rawEventSources: new Map(),
    eventFiles: new Map(),
    venues: [],
    venueByPlan: new Map(),
    samplePlans: [],
  };
  const seenEvents = new Map<string, Json>();
  const seenInstances = new Set<string>();
  const seenVenues = new Set<string>();
  const addVenue = (v: VenueRec | undefined) => {
    if (v && !seenVenues.has(v.id)) {
      seenVenues.add(v.id);
      out.venues.push(v);
    }
  };

  // Real feeds first, so their venue names win over the hand-trimmed samples'.
  const files = readdirSync(dataDir).sort(
    (a, b) => Number(a.endsWith(".py.txt")) - Number(b.endsWith(".py.txt")) || a.localeCompare(b),
  );
  for (const file of files) {
    const full = join(dataDir, file);
    if (file.endsWith(".py.txt")) {
      const src = readFileSync(full, "utf8");
      for (const v of pythonBlock(src, "mock_venues")) {
        const rec = v as Partial<VenueRec>;
        if (typeof rec.id === "string" && typeof rec.name === "string")
          addVenue({ id: rec.id, name: rec.name, address: String(rec.address ?? "Unknown") });
      }
      for (const p of pythonBlock(src, "mock_plans")) {
        if (p && typeof p === "object" && "type" in p && "id" in p) out.samplePlans.push(p as Json);
      }
      out.files.push(file);
      continue;
    }
    if (!file.endsWith(".json")) continue;
    const parsed: unknown = JSON.parse(readFileSync(full, "utf8"));
    if (!Array.isArray(parsed)) continue;
    out.files.push(file);
    const source = file.split(".")[0] ?? file;
    for (const item of parsed as Json[]) {
      if (!item || typeof item !== "object" || typeof item.id !== "string") continue;
      if ("instance_id" in item) {
        const { event, instance } = splitRow(item);
        if (!seenEvents.has(item.id)) {
          seenEvents.set(item.id, event);
          out.events.push(event);
          out.eventFiles.set(item.id, file);
        }
        const locations = Array.isArray(item.locations) ? item.locations : [];
        const venue = venueFromLocation(locations[0]);
        addVenue(venue);
        if (typeof instance.id === "string" && !seenInstances.has(instance.id)) {
          seenInstances.add(instance.id);
          out.instances.push(instance);
          if (venue && typeof instance.planId === "string" && !out.venueByPlan.has(instance.planId))
            out.venueByPlan.set(instance.planId, venue.id);
        }
      } else {
        if (seenEvents.has(item.id)) continue;
        const event: Json = {};
        for (const [k, v] of Object.entries(item)) if (!PUBLISHER_FIELDS.has(k)) event[k] = v;
        event.duration = isoDurationToMinutes(event.duration);
        seenEvents.set(item.id, event);
        out.events.push(event);
        out.eventFiles.set(item.id, file);
        out.rawEventSources.set(item.id, source);
        const locations = Array.isArray(item.locations) ? item.locations : [];
        addVenue(venueFromLocation(locations[0]));
      }
    }
  }
  return out;
}
