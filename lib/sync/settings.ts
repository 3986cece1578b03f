import { desc } from "drizzle-orm";
import { z } from "zod";
import { isUniqueViolation, schema, type StoreDb, type StoreTx } from "@/lib/db";
import type { AccessFlag } from "@/lib/db/schema";
import { canonicalJson } from "./hash";
import { MAX_WINDOW_DAYS } from "./time";

/**
 * Sync settings: the rules editors control. One zod schema, validated field by field; stored as versioned
 * rows in `sync_settings` (the newest row is in force). With no saved row, `defaultSyncSettings` apply.
 */

export const ACCESS_FLAGS = [
  "captioned",
  "bsl",
  "audioDescribed",
  "relaxed",
  "touchTour",
] as const satisfies readonly AccessFlag[];

/** Spektrix event fields a sync map may read, besides any `attribute_<Name>`. */
export const EVENT_SOURCE_FIELDS = [
  "id",
  "name",
  "description",
  "htmlDescription",
  "duration",
  "imageUrl",
  "thumbnailUrl",
  "altText",
  "isOnSale",
  "instanceDates",
  "webEventId",
  "firstInstanceDateTime",
  "lastInstanceDateTime",
  "firstInstanceDateTimeUtc",
  "lastInstanceDateTimeUtc",
] as const;

export const TRANSFORMS = ["text", "html", "date", "number", "boolean", "list"] as const;
export type Transform = (typeof TRANSFORMS)[number];

export const MAP_MODES = ["locked", "fill-if-empty", "editable"] as const;
export type MapMode = (typeof MAP_MODES)[number];

/** Site event fields a map may write, and the transforms each accepts. `custom.<name>` accepts any. */
export const EVENT_TARGETS = {
  title: ["text"],
  subtitle: ["text"],
  summary: ["text"],
  bodyHtml: ["html"],
  genre: ["text"],
  heroImageUrl: ["text"],
  heroImageAlt: ["text"],
  thumbnailUrl: ["text"],
  durationMinutes: ["number"],
  ageGuidance: ["text"],
  tags: ["list"],
  credits: ["list"],
  trailerUrl: ["text"],
} as const satisfies Record<string, readonly Transform[]>;
export type EventTargetColumn = keyof typeof EVENT_TARGETS;
export type EventTarget = EventTargetColumn | `custom.${string}`;

const attributeName = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_]+$/, "must be a Spektrix attribute name without the attribute_ prefix, e.g. SLCaptioned");

const sourceField = z
  .string()
  .trim()
  .min(1, "choose a Spektrix field")
  .refine(
    (s) => s === "" || (EVENT_SOURCE_FIELDS as readonly string[]).includes(s) || /^attribute_[A-Za-z0-9_]+$/.test(s),
    { message: `must be a Spektrix event field (${EVENT_SOURCE_FIELDS.join(", ")}) or attribute_<Name>` },
  );

const targetField = z
  .string()
  .trim()
  .min(1, "choose a site field")
  .refine((t) => t === "" || t in EVENT_TARGETS || /^custom\.[A-Za-z][A-Za-z0-9_]{0,63}$/.test(t), {
    message: `must be a site field (${Object.keys(EVENT_TARGETS).join(", ")}) or custom.<name>`,
  });

export const syncMapSchema = z
  .object({
    source: sourceField,
    target: targetField,
    transform: z.enum(TRANSFORMS),
    mode: z.enum(MAP_MODES),
  })
  .superRefine((map, ctx) => {
    const accepted = (EVENT_TARGETS as Record<string, readonly Transform[]>)[map.target];
    if (accepted && !accepted.includes(map.transform)) {
      ctx.addIssue({
        code: "custom",
        path: ["transform"],
        message: `${map.target} takes ${accepted.join(" or ")}, not ${map.transform}`,
      });
    }
  });
export type SyncMap = z.output<typeof syncMapSchema>;

const exclusionSchema = z.object({
  attribute: attributeName,
  /** Excluded when the attribute equals this; when absent, excluded when the attribute is truthy. */
  equals: z.union([z.string(), z.number(), z.boolean()]).optional(),
});

const accessNames = z.array(attributeName).max(10);

export const syncSettingsSchema = z
  .object({
    events: z
      .object({
        /** How a new event appears: published, or a draft an editor must publish. Applies on create only. */
        newEvents: z.enum(["published", "draft"]).default("published"),
        /** The slug a new event gets; once assigned it never changes. */
        slugRule: z.enum(["name", "webEventId", "id"]).default("webEventId"),
        /** Which events are taken from the feed. */
        take: z.enum(["all", "onSale", "withFuturePerformances"]).default("all"),
        exclude: z
          .array(exclusionSchema)
          .max(20)
          .default([{ attribute: "SLExcludeFromViewEventsPage" }]),
      })
      .prefault({}),
    performances: z
      .object({
        /** Whether a new performance is shown; applies on create only, editors own it after. */
        visibility: z.enum(["visible", "hidden"]).default("visible"),
        /** Instance attribute whose text replaces the performance title, e.g. "Captioned performance". */
        titleOverrideAttribute: attributeName.nullable().default("SLFreeText"),
        /** Instance attributes (without `attribute_`) that set each access flag when truthy. */
        access: z
          .object({
            captioned: accessNames.default(["SLCaptioned", "Captioned"]),
            bsl: accessNames.default(["SLSigned", "SignedBSL", "BSL", "Signed"]),
            audioDescribed: accessNames.default(["SLAudioDescribed", "AudioDescribed"]),
            relaxed: accessNames.default(["SLRelaxed", "Relaxed", "RelaxedPerformance"]),
            touchTour: accessNames.default(["SLTouchTour", "TouchTour"]),
          })
          .prefault({}),
      })
      .prefault({}),
    maps: z
      .array(syncMapSchema)
      .max(100)
      .default(() => defaultMaps()),
    fetch: z
      .object({
        /** The window fetched each run, relative to now. */
        daysBack: z.number().int().min(0).max(366).default(1),
        daysAhead: z.number().int().min(1).max(MAX_WINDOW_DAYS).default(540),
        /** The window is fetched in slices of this many days (Spektrix has no paging). */
        sliceDays: z.number().int().min(1).max(366).default(92),
        /** At most this many requests to Spektrix at once. */
        concurrency: z.number().int().min(1).max(16).default(4),
      })
      .prefault({}),
    guards: z
      .object({
        /** Abort when more than this share of active events (or performances) would vanish in one run. */
        maxVanishShare: z.number().min(0).max(1).default(0.5),
        /** A record missing from the feed stays listed this long before it is hidden (unless keep-live-until). */
        missingGraceHours: z
          .number()
          .int()
          .min(0)
          .max(24 * 90)
          .default(48),
      })
      .prefault({}),
    display: z
      .object({
        /**
         * Genres Spektrix carries for the box office's own bookkeeping (a venue hire, a rental) that visitors
         * should never see as a genre: left out of event labels and the genre filter. Matched in any case.
         */
        hiddenGenres: z.array(z.string().trim().min(1).max(80)).max(50).default(["Rental"]),
        /**
         * The names visitors see for Spektrix venues, matched by the name Spektrix sends (any case): a ticketing
         * code or a seating area in the name ("Studio TM ID: 61", "Main House (Orchestra Right)") reads as the
         * house. Several Spektrix venues may share one site name; the venue filter then lists it once.
         */
        venueNames: z
          .array(
            z.object({
              spektrix: z.string().trim().min(1, "needs the name Spektrix sends before “=”").max(200),
              site: z.string().trim().min(1, "needs the name visitors see after “=”").max(120),
            }),
          )
          .max(200)
          .default([]),
      })
      .prefault({}),
    schedule: z
      .object({
        enabled: z.boolean().default(true),
        everyMinutes: z
          .number({ error: "must be a number of minutes" })
          .int("must be a whole number of minutes")
          .min(1, "must be at least 1 minute")
          .max(24 * 60, "must be at most 1,440 minutes (a day)")
          .default(10),
      })
      .prefault({}),
  })
  .superRefine((settings, ctx) => {
    const seen = new Map<string, number>();
    settings.maps.forEach((map, i) => {
      if (map.target === "") return; // "choose a site field" says it already
      const first = seen.get(map.target);
      if (first !== undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["maps", i, "target"],
          message: `${map.target} is already written by maps.${first}`,
        });
      } else seen.set(map.target, i);
    });
    const venueNames = new Map<string, number>();
    settings.display.venueNames.forEach((rename, i) => {
      const key = rename.spektrix.toLowerCase();
      const first = venueNames.get(key);
      if (first !== undefined)
        ctx.addIssue({
          code: "custom",
          path: ["display", "venueNames", i, "spektrix"],
          message: `${rename.spektrix} is already renamed by line ${first + 1}`,
        });
      else venueNames.set(key, i);
    });
    if (!seen.has("title")) {
      ctx.addIssue({ code: "custom", path: ["maps"], message: "one map must write title (e.g. name → title, locked)" });
    }
    if (settings.fetch.daysBack + settings.fetch.daysAhead > MAX_WINDOW_DAYS) {
      ctx.addIssue({ code: "custom", path: ["fetch", "daysAhead"], message: "the window may span at most 3 years" });
    }
  });

export type SyncSettings = z.output<typeof syncSettingsSchema>;
export type SyncSettingsInput = z.input<typeof syncSettingsSchema>;

export function defaultMaps(): SyncMap[] {
  return [
    { source: "name", target: "title", transform: "text", mode: "locked" },
    { source: "htmlDescription", target: "bodyHtml", transform: "html", mode: "locked" },
    { source: "description", target: "summary", transform: "text", mode: "fill-if-empty" },
    { source: "imageUrl", target: "heroImageUrl", transform: "text", mode: "locked" },
    { source: "altText", target: "heroImageAlt", transform: "text", mode: "fill-if-empty" },
    { source: "thumbnailUrl", target: "thumbnailUrl", transform: "text", mode: "locked" },
    { source: "duration", target: "durationMinutes", transform: "number", mode: "locked" },
    { source: "attribute_Genre", target: "genre", transform: "text", mode: "fill-if-empty" },
  ];
}

export const defaultSyncSettings: SyncSettings = syncSettingsSchema.parse({});

export type SettingsErrors = Record<string, string[]>;
export type SettingsResult = { ok: true; settings: SyncSettings } | { ok: false; errors: SettingsErrors };

/** Validates settings, returning every problem keyed by its field path (e.g. `maps.2.transform`). */
export function parseSyncSettings(input: unknown): SettingsResult {
  const result = syncSettingsSchema.safeParse(input ?? {});
  if (result.success) return { ok: true, settings: result.data };
  const errors: SettingsErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.map(String).join(".") || "(settings)";
    (errors[key] ??= []).push(issue.message);
  }
  return { ok: false, errors };
}

/**
 * The studio's settings form sends every section of the settings, each time. Input without them is not an edit (a
 * stray or forged call: `null`, `{}`, junk), and parsing it would fill every section with the defaults and save those
 * over the editor's settings, so it is refused: one problem per missing section.
 */
export function missingSettingsSections(input: unknown): SettingsErrors | null {
  if (typeof input !== "object" || input === null || Array.isArray(input))
    return { "(settings)": ["must be the whole settings form"] };
  const missing = Object.keys(defaultSyncSettings).filter((section) => !Object.hasOwn(input, section));
  return missing.length ? Object.fromEntries(missing.map((section) => [section, ["is missing from the form"]])) : null;
}

export class InvalidSyncSettingsError extends Error {
  constructor(readonly errors: SettingsErrors) {
    super(
      `Invalid sync settings: ${Object.entries(errors)
        .map(([k, v]) => `${k} ${v.join("; ")}`)
        .join(", ")}`,
    );
    this.name = "InvalidSyncSettingsError";
  }
}

export interface LoadedSettings {
  settings: SyncSettings;
  /** 0 when no settings have been saved and the defaults apply. */
  version: number;
  /** Set when the newest saved row no longer validates (e.g. after an upgrade); the defaults apply then. */
  problem?: string;
}

/** The settings in force: the newest saved version, or the defaults. */
export async function loadSyncSettings(db: StoreDb): Promise<LoadedSettings> {
  const [row] = await db
    .select({ version: schema.syncSettings.version, settings: schema.syncSettings.settings })
    .from(schema.syncSettings)
    .orderBy(desc(schema.syncSettings.version))
    .limit(1);
  if (!row) return { settings: defaultSyncSettings, version: 0 };
  const parsed = parseSyncSettings(row.settings);
  if (parsed.ok) return { settings: parsed.settings, version: row.version };
  return {
    settings: defaultSyncSettings,
    version: row.version,
    problem: `saved version ${row.version} is invalid (${Object.keys(parsed.errors).join(", ")}); using the defaults`,
  };
}

/** The version in force when an editor's save was refused for being based on an older one. */
export interface SettingsConflict {
  version: number;
  savedBy: string | null;
  savedAt: Date;
}

/**
 * Saves a new version when `input` is valid. When it is not, nothing is written, the previous version stays
 * in force, and the result carries a message per field. With `basedOn` (the version the editor opened), a save
 * made after someone else's writes nothing either, and says whose version is in force.
 */
export async function saveSyncSettings(
  db: StoreDb,
  input: unknown,
  options: { savedBy?: string; basedOn?: number } = {},
): Promise<
  /** `unchanged`: the settings were those in force already, so no version was added (no other tab goes stale). */
  | { ok: true; version: number; settings: SyncSettings; unchanged?: boolean }
  | { ok: false; errors: SettingsErrors; conflict?: undefined }
  | { ok: false; conflict: SettingsConflict; errors?: undefined }
> {
  const parsed = parseSyncSettings(input);
  if (!parsed.ok) return parsed;
  const latestOf = async (q: StoreDb | StoreTx) => {
    const [latest] = await q
      .select({
        version: schema.syncSettings.version,
        savedBy: schema.syncSettings.savedBy,
        savedAt: schema.syncSettings.savedAt,
        settings: schema.syncSettings.settings,
      })
      .from(schema.syncSettings)
      .orderBy(desc(schema.syncSettings.version))
      .limit(1);
    return latest ?? { version: 0, savedBy: null, savedAt: new Date(), settings: null };
  };
  let saved: { conflict: SettingsConflict } | { version: number; unchanged?: boolean };
  try {
    saved = await db.transaction(async (tx) => {
      const latest = await latestOf(tx);
      const inForce = latest.settings === null ? null : parseSyncSettings(latest.settings);
      if (inForce?.ok && canonicalJson(inForce.settings) === canonicalJson(parsed.settings))
        return { version: latest.version, unchanged: true };
      const { settings: _, ...conflict } = latest;
      if (options.basedOn !== undefined && options.basedOn !== latest.version) return { conflict };
      await tx.insert(schema.syncSettings).values({
        version: latest.version + 1,
        settings: parsed.settings as unknown as Record<string, unknown>,
        savedBy: options.savedBy ?? null,
      });
      return { version: latest.version + 1 };
    });
  } catch (error) {
    // A save at the same moment took the next version (the unique index on it): theirs is in force now.
    if (!isUniqueViolation(error) || options.basedOn === undefined) throw error;
    const { settings: _, ...conflict } = await latestOf(db);
    saved = { conflict };
  }
  if ("conflict" in saved) return { ok: false, conflict: saved.conflict };
  return { ok: true, version: saved.version, settings: parsed.settings, unchanged: saved.unchanged };
}

/** Site fields editors may not change in the studio: those a `locked` map writes. */
export function lockedEventFields(settings: SyncSettings): EventTarget[] {
  return settings.maps.filter((m) => m.mode === "locked").map((m) => m.target as EventTarget);
}
