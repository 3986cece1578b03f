import "server-only";
import { env } from "@/lib/config";
import { and, eq, isNotNull, isNull, ne, or } from "drizzle-orm";
import { getDb, schema, type StoreDb } from "@/lib/db";
import { mapEventFields } from "@/lib/sync/mapping";
import { planSync } from "@/lib/sync/plan";
import { parseSyncSettings, loadSyncSettings, type SettingsErrors } from "@/lib/sync/settings";
import { configuredSource } from "@/lib/sync/spektrix-source";
import { activeConnection } from "@/lib/connection";
import { loadStored } from "@/lib/sync/store";
import { windowAround } from "@/lib/sync/time";
import { explainForEditor } from "./spektrix";

/**
 * Thin adapter over lib/sync for the studio: previews of unsaved settings on one real event. It runs the
 * engine's own pure diff (`planSync`) against the stored row, so the preview shows exactly what a sync would
 * write, and writes nothing.
 */

export interface PreviewRow {
  target: string;
  source: string;
  mode: string;
  /** What Spektrix's value maps to. */
  fromSpektrix: unknown;
  /** What the site holds now (null for an event not yet synced). */
  current: unknown;
  /** What the site would hold after the next sync under these settings. */
  after: unknown;
  editedByEditor: boolean;
}

export type PreviewResult =
  | {
      ok: true;
      event: { id: string; name: string };
      existing: boolean;
      taken: boolean;
      rows: PreviewRow[];
      note?: string;
    }
  | { ok: false; fieldErrors?: SettingsErrors; message: string };

export async function previewSettingsOnEvent(
  input: unknown,
  eventId: string,
  database?: StoreDb,
): Promise<PreviewResult> {
  const parsed = parseSyncSettings(input);
  if (!parsed.ok)
    return { ok: false, fieldErrors: parsed.errors, message: "Fix the highlighted settings to preview them." };
  const settings = parsed.settings;
  const config = env();
  const source = configuredSource(await activeConnection(), config.SPEKTRIX_TIMEOUT_MS);
  let event, performances;
  try {
    event = await source.fetchEvent(eventId);
    performances = event ? await source.fetchEventPerformances(eventId) : [];
  } catch (error) {
    return { ok: false, message: explainForEditor(error, "fetching the event") };
  }
  if (!event) return { ok: false, message: "Spektrix no longer has this event. Choose another." };

  const d = database ?? (await getDb());
  const stored = await loadStored(d, { eventSourceId: eventId });
  const now = new Date();
  const window = windowAround(now, settings.fetch.daysBack, settings.fetch.daysAhead);
  const plan = planSync({
    scope: { kind: "event", eventId, window },
    feed: { events: [event], performances, venues: null },
    stored,
    settings,
    now,
    timeZone: config.VENUE_TIME_ZONE,
    force: true,
  });
  const existingRow = stored.events[0];
  const insert = plan.events.insert[0] as Record<string, unknown> | undefined;
  const update = plan.events.update[0]?.set as Record<string, unknown> | undefined;
  const mapped = mapEventFields(event, settings, { timeZone: config.VENUE_TIME_ZONE });

  const read = (row: Record<string, unknown> | undefined, target: string) => {
    if (!row) return null;
    if (target.startsWith("custom."))
      return (row.custom as Record<string, unknown> | undefined)?.[target.slice(7)] ?? null;
    return row[target] ?? null;
  };
  const rows: PreviewRow[] = settings.maps.map((map, i) => {
    const current = read(existingRow as unknown as Record<string, unknown> | undefined, map.target);
    let after: unknown;
    if (insert) after = read(insert, map.target);
    else if (update && (map.target.startsWith("custom.") ? update.custom !== undefined : map.target in update))
      after = read(update, map.target);
    else after = current;
    return {
      target: map.target,
      source: map.source,
      mode: map.mode,
      fromSpektrix: mapped[i]?.value ?? null,
      current,
      after,
      editedByEditor: existingRow?.editedFields.includes(map.target) ?? false,
    };
  });
  const taken = Boolean(insert || existingRow);
  return {
    ok: true,
    event: { id: event.id, name: event.name },
    existing: Boolean(existingRow),
    taken,
    rows,
    note: !taken
      ? (plan.errors?.[0] ?? "These settings would not take this event into the site (see the take/exclude rules).")
      : undefined,
  };
}

/** The settings in force, for the form. */
export async function currentSyncSettings(database?: StoreDb) {
  return loadSyncSettings(database ?? (await getDb()));
}

/**
 * The venues as Spektrix names them, for the venue-names hint: what an editor types on the left of a rename.
 * The store keeps the name visitors see, so a renamed venue is traced back through the renames in force. With
 * `client`, only that client's venues (and those stored before venues recorded their client), as the hint names
 * the venues of the client in use (ADR 0017).
 */
export async function spektrixVenueNames(
  renames: readonly { spektrix: string; site: string }[],
  database?: StoreDb,
  client?: string,
): Promise<string[]> {
  const db = database ?? (await getDb());
  const v = schema.venues;
  const rows = await db
    .selectDistinct({ name: v.name })
    .from(v)
    .where(client === undefined ? undefined : or(isNull(v.client), eq(v.client, client)));
  return spektrixNames(
    rows.map((r) => r.name),
    renames,
  );
}

/**
 * The venues of the Spektrix clients the site used before `client`, by client: their renames stay in the settings
 * for when the connection returns, and the hint says so, so an editor does not take them for stale lines.
 */
export async function keptVenueNames(
  renames: readonly { spektrix: string; site: string }[],
  client: string,
  database?: StoreDb,
): Promise<{ client: string; names: string[] }[]> {
  const db = database ?? (await getDb());
  const v = schema.venues;
  const rows = await db
    .selectDistinct({ client: v.client, name: v.name })
    .from(v)
    .where(and(isNotNull(v.client), ne(v.client, client)));
  const byClient = new Map<string, string[]>();
  for (const r of rows) byClient.set(r.client!, [...(byClient.get(r.client!) ?? []), r.name]);
  return [...byClient]
    .map(([kept, names]) => ({ client: kept, names: spektrixNames(names, renames) }))
    .sort((a, b) => a.client.localeCompare(b.client));
}

function spektrixNames(stored: string[], renames: readonly { spektrix: string; site: string }[]): string[] {
  const names = stored.flatMap((name) => {
    const sources = renames.filter((rename) => rename.site === name).map((rename) => rename.spektrix);
    return sources.length ? sources : [name];
  });
  return [...new Set(names)].sort((a, b) => a.localeCompare(b));
}
