import { activeConnection } from "@/lib/connection";
import { clipSearchText, containsPattern, containsWords, hasSearchableText } from "@/lib/text/search";
import { parkedEvents, removeParkedEvents } from "@/lib/sync/park";
import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { getDb, schema, type StoreDb, type StoreTx } from "@/lib/db";
import { queryEventPreview } from "@/lib/events/queries";
import type { EventDetail } from "@/lib/events/types";
import { siteInfo } from "@/lib/site";
import { EVENT_TARGETS, loadSyncSettings, lockedEventFields, type EventTargetColumn } from "@/lib/sync/settings";
import { DISALLOWED_MARKUP_MESSAGE, hasDisallowedMarkup, sanitizeVenueHtml } from "@/lib/html/sanitize";
import { display } from "./format";
import { fieldErrorsOf, optionalText, optionalUrl, type FieldErrors } from "./forms";
import { plainText, unixLineBreaks } from "@/lib/text/plain-text";
import type { PickerItem } from "./picker-core";

/**
 * Synced events in the studio: list and search, and the editor's changes to site-owned fields. Fields a
 * `locked` sync map writes come from Spektrix and are refused here; other mapped fields an editor changes are
 * recorded in `editedFields`, so `editable` and `fill-if-empty` maps leave them alone from then on.
 */

export const EDITABLE_SITE_FIELDS = Object.keys(EVENT_TARGETS) as EventTargetColumn[];

export const FIELD_LABELS: Record<
  EventTargetColumn | "bodyOverrideHtml" | "hidden" | "published" | "weight" | "keepLiveUntil",
  string
> = {
  title: "Title",
  subtitle: "Subtitle",
  summary: "Summary",
  bodyHtml: "Description (HTML)",
  genre: "Genre",
  heroImageUrl: "Hero image URL",
  heroImageAlt: "Hero image alt text",
  thumbnailUrl: "Thumbnail URL",
  durationMinutes: "Running time (minutes)",
  ageGuidance: "Age guidance",
  tags: "Tags (comma-separated)",
  credits: "Cast and creative (one per line: Role: Name, or a name alone)",
  trailerUrl: "Trailer (a https:// page where it plays)",
  bodyOverrideHtml: "Site-only description override (HTML)",
  hidden: "Hidden from the site",
  published: "Published",
  weight: "Weight (higher lists first)",
  keepLiveUntil: "Keep live until",
};

const optionalHtml = z
  .string({ error: "must be text" })
  .max(50_000, { message: "must be at most 50,000 characters" })
  .refine((s) => !hasDisallowedMarkup(s), { message: DISALLOWED_MARKUP_MESSAGE })
  .transform((s) => sanitizeVenueHtml(unixLineBreaks(s)));

const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("false"), z.literal(""), z.boolean(), z.undefined()], {
    error: "must be on or off",
  })
  // Absent stays absent: a field the editor did not touch is not sent, and must not read as "off".
  .transform((v) => (v === undefined ? undefined : v === true || v === "on" || v === "true"));

/** A text field holding a list (tags by commas, credits by lines): trimmed items, none empty; null when empty. */
function separatedList(separator: string, limits: { chars: number; itemChars: number; items: number; what: string }) {
  return z
    .string({ error: "must be text" })
    .max(limits.chars, { message: `must be at most ${limits.chars.toLocaleString("en")} characters` })
    .optional()
    .transform((s) =>
      s === undefined
        ? undefined
        : s
            .split(separator)
            .map((item) => item.trim())
            .filter(Boolean),
    )
    .pipe(
      z
        .array(plainText(limits.itemChars, { min: 1 }))
        .max(limits.items, { message: `at most ${limits.items} ${limits.what}` })
        .optional(),
    )
    .transform((a) => (a && a.length === 0 ? null : a));
}

/** The edit form as submitted (strings from FormData, or typed values from tests). */
export const eventEditSchema = z.object({
  title: plainText(200, { min: 1 }).optional(),
  subtitle: optionalText(200),
  summary: optionalText(2000),
  bodyHtml: optionalHtml.optional(),
  genre: optionalText(80),
  heroImageUrl: optionalUrl(),
  heroImageAlt: optionalText(300),
  thumbnailUrl: optionalUrl(),
  durationMinutes: z
    .preprocess(
      (v) => (v === "" || v === null ? null : typeof v === "string" && /^\s*-?\d+(\.\d+)?\s*$/.test(v) ? Number(v) : v),
      z
        .number({ error: "must be a whole number of minutes" })
        .int({ message: "must be a whole number of minutes" })
        .min(0, { message: "must be a whole number of minutes from 0 to 1440" })
        .max(1440, { message: "must be a whole number of minutes from 0 to 1440" })
        .nullable(),
    )
    .optional(),
  ageGuidance: optionalText(120),
  tags: separatedList(",", { chars: 800, itemChars: 40, items: 20, what: "tags" }),
  credits: separatedList("\n", { chars: 6_000, itemChars: 160, items: 60, what: "credits" }),
  trailerUrl: optionalUrl().refine((s) => s === null || s === undefined || s.startsWith("https://"), {
    message: "must be an https:// address",
  }),
  bodyOverrideHtml: optionalHtml.optional(),
  published: checkbox.optional(),
  weight: z.coerce
    .number({ error: "must be a whole number" })
    .int({ message: "must be a whole number" })
    .min(-100, { message: "must be from -100 to 100" })
    .max(100, { message: "must be from -100 to 100" })
    .default(0),
  keepLiveUntil: z
    .union([
      z.literal(""),
      z
        .string({ error: "must be a date (YYYY-MM-DD)" })
        .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "must be a date (YYYY-MM-DD)" }),
    ])
    .nullable()
    .optional()
    .transform((v) => (v === undefined ? undefined : v ? new Date(`${v}T23:59:59Z`) : null))
    .refine((d) => d === undefined || d === null || !Number.isNaN(d.getTime()), { message: "is not a real date" }),
});

async function db(database?: StoreDb) {
  return database ?? (await getDb());
}

export interface EventListRow {
  id: number;
  sourceId: string;
  slug: string;
  title: string;
  status: string;
  hidden: boolean;
  published: boolean;
  /** The previous Spektrix client this event is kept from (hidden from the site), or null. */
  parkedFrom: string | null;
  /** The slug it gave to an event of the client in use while kept, and takes back when listed (ADR 0017). */
  yieldedSlug: string | null;
  isOnSale: boolean;
  firstPerformanceAt: Date | null;
  lastPerformanceAt: Date | null;
  editedCount: number;
}

/** Events kept from Spektrix clients the site no longer uses, per client (lib/sync/park.ts). */
export async function listKeptEvents(database?: StoreDb) {
  return parkedEvents(await db(database));
}

/**
 * Removes the events kept from one previous client: the editor's decision, never the sync's. Refused for the
 * client in use (its events are only kept until its next sync brings them back).
 */
export async function removeKeptEvents(client: string, database?: StoreDb): Promise<number | "in-use"> {
  if (client === (await activeConnection()).clientName) return "in-use";
  return removeParkedEvents(await db(database), client);
}

/** The longest studio event search the box takes (`maxLength`); an address with more is cut to it. */
export const STUDIO_SEARCH_MAX_LENGTH = 100;

/** An events search as the studio runs and shows it: the site's search-text rule, cut to the box's length. */
export function studioSearchText(raw: unknown): string {
  return clipSearchText(typeof raw === "string" ? raw : "", STUDIO_SEARCH_MAX_LENGTH);
}

export async function listEvents(
  options: { q?: string; status?: string; limit?: number } = {},
  database?: StoreDb,
): Promise<EventListRow[]> {
  const d = await db(database);
  const e = schema.events;
  const where: SQL[] = [];
  const q = studioSearchText(options.q);
  if (q) {
    const like = containsPattern(q);
    where.push(
      or(
        // Words that fold to nothing (a lone quote or dash) would match every title; the ids still match as typed.
        hasSearchableText(q) ? containsWords(e.title, q) : undefined,
        ilike(e.slug, like),
        ilike(e.yieldedSlug, like),
        ilike(e.sourceId, like),
      )!,
    );
  }
  if (options.status && ["active", "missing", "disabled", "cancelled"].includes(options.status))
    where.push(eq(e.status, options.status as "active"));
  const rows = await d
    .select({
      id: e.id,
      sourceId: e.sourceId,
      slug: e.slug,
      title: e.title,
      status: e.status,
      hidden: e.hidden,
      published: e.published,
      parkedFrom: e.parkedFrom,
      yieldedSlug: e.yieldedSlug,
      isOnSale: e.isOnSale,
      firstPerformanceAt: e.firstPerformanceAt,
      lastPerformanceAt: e.lastPerformanceAt,
      editedCount: sql<number>`jsonb_array_length(${e.editedFields})`,
    })
    .from(e)
    .where(where.length ? and(...where) : undefined)
    .orderBy(sql`${e.firstPerformanceAt} asc nulls last`, asc(e.title), desc(e.id))
    .limit(Math.min(options.limit ?? 100, 200));
  return rows.map((r) => ({ ...r, editedCount: Number(r.editedCount) }));
}

export async function getEvent(id: number, database?: StoreDb) {
  const [row] = await (await db(database)).select().from(schema.events).where(eq(schema.events.id, id)).limit(1);
  return row ?? null;
}

/** An event as its public page renders it (drafts and hidden events included), with the flags the preview states. */
export async function getEventPreview(
  id: number,
  database?: StoreDb,
): Promise<{ id: number; published: boolean; hidden: boolean; event: EventDetail } | null> {
  if (!Number.isSafeInteger(id)) return null;
  const store = await db(database);
  const e = schema.events;
  const [row] = await store
    .select({ id: e.id, published: e.published, hidden: e.hidden })
    .from(e)
    .where(eq(e.id, id))
    .limit(1);
  const event = row ? await queryEventPreview(store, row.id, { timeZone: siteInfo().timeZone, now: new Date() }) : null;
  return row && event ? { ...row, event } : null;
}

/**
 * Event picker rows (live from Spektrix) marked where the site does not show the event: not in the store, hidden or a
 * draft: a block that features it shows visitors no card, so the editor should know before picking it.
 */
export async function markUnshownEvents(items: PickerItem[], database?: StoreDb): Promise<PickerItem[]> {
  if (!items.length) return items;
  const e = schema.events;
  const ids = items.map((i) => i.id);
  let rows: { sourceId: string; hidden: boolean; published: boolean }[];
  try {
    rows = await (
      await db(database)
    )
      .select({ sourceId: e.sourceId, hidden: e.hidden, published: e.published })
      .from(e)
      .where(inArray(e.sourceId, ids));
  } catch {
    // The rows read as Spektrix gave them if the store cannot be opened or read: the mark is a help, not the search.
    return items;
  }
  const held = new Map(rows.map((r) => [r.sourceId, r]));
  const why = (id: string) => {
    const row = held.get(id);
    // Not in the store: the sync settings leave it out, or the sync has not reached it; the site has no page for it.
    if (!row) return NOT_ON_THIS_SITE;
    return row.hidden ? "hidden on this site" : row.published ? null : "a draft on this site";
  };
  return items.map((item) => {
    const mark = why(item.id);
    return mark ? { ...item, detail: [item.detail, mark].filter(Boolean).join(" · ") } : item;
  });
}

/** The event picker's mark for a Spektrix event the store does not hold. */
export const NOT_ON_THIS_SITE = "not on this site: left out by the sync settings, or not synced yet";

/** Which site fields are locked (from Spektrix) under the settings in force. */
export async function lockedFields(database?: StoreDb): Promise<Set<string>> {
  const { settings } = await loadSyncSettings(await db(database));
  return new Set(lockedEventFields(settings));
}

/** The fields of the studio's event form; hiding has its own button (`setEventHidden`), not a field here. */
export const EVENT_FORM_FIELDS = [
  ...EDITABLE_SITE_FIELDS,
  "bodyOverrideHtml",
  "published",
  "weight",
  "keepLiveUntil",
] as const;
type EventFormField = (typeof EVENT_FORM_FIELDS)[number];

/** Fields the form shows in a textarea; every other one is a single-line input, which drops line breaks. */
export const MULTILINE_EVENT_FIELDS: ReadonlySet<string> = new Set([
  "summary",
  "bodyHtml",
  "credits",
  "bodyOverrideHtml",
]);

type StoredEvent = NonNullable<Awaited<ReturnType<typeof getEvent>>>;

/**
 * An event as its studio form shows it, field by field, as the strings the form holds: the form's defaults, and
 * what a save is compared with to tell what the editor changed from what changed under them.
 */
export function eventFormValues(event: StoredEvent): Record<EventFormField, string> {
  const out = {} as Record<EventFormField, string>;
  for (const f of EDITABLE_SITE_FIELDS) {
    const v = event[f];
    // Credits one per line (a name may hold a comma); other lists comma-separated, as their labels say.
    out[f] = Array.isArray(v) ? v.join(f === "credits" ? "\n" : ", ") : v === null ? "" : String(v);
  }
  out.bodyOverrideHtml = event.bodyOverrideHtml ?? "";
  out.published = event.published ? "on" : "";
  out.weight = String(event.weight);
  out.keepLiveUntil = event.keepLiveUntil ? event.keepLiveUntil.toISOString().slice(0, 10) : "";
  return out;
}

/** A save of the event form: the fields as sent, and as the form showed them when the editor began (or last saved). */
export interface EventFormSave {
  sent: Record<string, string>;
  basedOn: Record<string, string>;
}

export type EventEditResult =
  /** `savedAs`: the fields this save wrote, as the form now shows them (trimmed, tags rejoined, HTML cleaned). */
  | { ok: true; sourceId: string; changed: string[]; savedAs: Record<string, string>; hidden: boolean }
  | { ok: false; fieldErrors: FieldErrors; message?: string; stale?: Record<string, string> };

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
// Form text compared as the editor sees it: browsers send a textarea's line breaks as CRLF, and a single-line input
// holds none (a value the sync wrote with one would otherwise read as changed); absent is empty.
const formText = (field: string, s: string | undefined) =>
  MULTILINE_EVENT_FIELDS.has(field) ? unixLineBreaks(s ?? "") : (s ?? "").replace(/[\r\n]/g, "");

/**
 * Applies an editor's changes: only the fields they changed since the form opened (a stale tab does not put back
 * what another editor or the sync wrote meanwhile). A field changed both here and elsewhere is refused, saying what
 * it reads now, and its new value comes back as `stale` for the form to adopt: saving again then replaces it. (A
 * checkbox never conflicts: changed on both sides, it reads the same.)
 * Invalid input, a conflict or any attempt to change a locked field writes nothing. Mapped fields that change
 * join `editedFields`.
 */
export async function updateEvent(id: number, save: EventFormSave, database?: StoreDb): Promise<EventEditResult> {
  const d = await db(database);
  const locked = await lockedFields(d);
  // The row is locked from the check to the write: two saves at once cannot both pass, nor lose `editedFields`.
  return d.transaction(async (tx) => {
    const [current] = await tx.select().from(schema.events).where(eq(schema.events.id, id)).for("update");
    if (!current) return { ok: false, fieldErrors: {}, message: "This event no longer exists." };
    return applyEventSave(tx, current, save, locked);
  });
}

async function applyEventSave(
  tx: StoreTx,
  current: StoredEvent,
  save: EventFormSave,
  locked: Set<string>,
): Promise<EventEditResult> {
  const shown = eventFormValues(current);
  const touched = EVENT_FORM_FIELDS.filter((f) => formText(f, save.sent[f]) !== formText(f, save.basedOn[f]));
  const stale = touched.filter(
    (f) =>
      formText(f, shown[f]) !== formText(f, save.basedOn[f]) && formText(f, shown[f]) !== formText(f, save.sent[f]),
  );
  if (stale.length)
    return {
      ok: false,
      message: "Nothing was saved: someone changed this event after you opened it.",
      fieldErrors: Object.fromEntries(
        stale.map((f) => [
          f,
          [`was changed meanwhile; it now reads “${display(shown[f])}”. Save again to replace it with yours`],
        ]),
      ),
      stale: Object.fromEntries(stale.map((f) => [f, shown[f]])),
    };
  const input: Record<string, unknown> = Object.fromEntries(touched.map((f) => [f, save.sent[f] ?? ""]));
  const parsed = eventEditSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const values = parsed.data as Record<string, unknown>;
  const set: Record<string, unknown> = {};
  const errors: FieldErrors = {};
  const edited = new Set(current.editedFields);
  for (const field of EDITABLE_SITE_FIELDS) {
    if (!(field in input) || values[field] === undefined) continue;
    const before = (current as Record<string, unknown>)[field];
    if (same(before, values[field])) continue;
    if (locked.has(field)) {
      errors[field] = [
        "comes from Spektrix and is locked by a sync map; change it in Spektrix, or make the map editable",
      ];
      continue;
    }
    set[field] = values[field];
    edited.add(field);
  }
  if (Object.keys(errors).length) return { ok: false, fieldErrors: errors };
  for (const field of ["bodyOverrideHtml", "published", "weight", "keepLiveUntil"] as const) {
    if (!(field in input) || values[field] === undefined) continue;
    const before = current[field];
    const after = values[field];
    const differs =
      before instanceof Date || after instanceof Date
        ? (before as Date | null)?.getTime() !== (after as Date | null)?.getTime()
        : !same(before, after);
    if (differs) set[field] = after;
  }
  const changed = Object.keys(set);
  let saved = current;
  if (changed.length) {
    [saved] = (await tx
      .update(schema.events)
      .set({ ...set, editedFields: [...edited], updatedAt: new Date() })
      .where(eq(schema.events.id, current.id))
      .returning()) as [StoredEvent];
  }
  const savedShown = eventFormValues(saved);
  return {
    ok: true,
    sourceId: current.sourceId,
    changed,
    savedAs: Object.fromEntries(touched.map((f) => [f, savedShown[f]])),
    // Another tab may have hidden or shown it meanwhile: the form's visibility line follows.
    hidden: saved.hidden,
  };
}

export async function setEventHidden(id: number, hidden: boolean, database?: StoreDb): Promise<string | null> {
  const d = await db(database);
  const [row] = await d
    .update(schema.events)
    .set({ hidden, updatedAt: new Date() })
    .where(eq(schema.events.id, id))
    .returning({ sourceId: schema.events.sourceId });
  return row?.sourceId ?? null;
}

/** A performance as the studio lists it under its event. */
export interface StudioPerformanceRow {
  id: number;
  sourceId: string;
  startsAt: Date;
  status: string;
  cancelled: boolean;
  hidden: boolean;
  rescheduled: boolean;
}

/** Every performance of one event, past and future, in date order: the editor decides which are shown. */
export async function listEventPerformances(eventId: number, database?: StoreDb): Promise<StudioPerformanceRow[]> {
  const p = schema.performances;
  return (await db(database))
    .select({
      id: p.id,
      sourceId: p.sourceId,
      startsAt: p.startsAt,
      status: p.status,
      cancelled: p.cancelled,
      hidden: p.hidden,
      rescheduled: p.rescheduled,
    })
    .from(p)
    .where(eq(p.eventId, eventId))
    .orderBy(asc(p.startsAt), asc(p.id));
}

/**
 * Shows or hides one performance of one event (a sync never changes this after the first insert, so hiding by
 * the sync settings' default can be undone here). Returns the event's source id for revalidation, or null when
 * the performance is not that event's.
 */
export async function setPerformanceHidden(
  eventId: number,
  performanceId: number,
  hidden: boolean,
  database?: StoreDb,
): Promise<string | null> {
  const d = await db(database);
  const [row] = await d
    .update(schema.performances)
    .set({ hidden, updatedAt: new Date() })
    .where(and(eq(schema.performances.id, performanceId), eq(schema.performances.eventId, eventId)))
    .returning({ id: schema.performances.id });
  if (!row) return null;
  return (await getEvent(eventId, d))?.sourceId ?? null;
}

/** What an editor should know about a performance besides whether it is shown. */
export function performanceNotes(p: StudioPerformanceRow, now: Date): string[] {
  return [
    p.startsAt < now ? "Past" : null,
    p.cancelled || p.status === "cancelled" ? "Cancelled" : null,
    p.status === "missing" ? "Not in Spektrix's feed" : null,
    p.status === "disabled" ? "Withdrawn by the sync" : null,
    p.rescheduled ? "Rescheduled" : null,
  ].filter((n): n is string => n !== null);
}
