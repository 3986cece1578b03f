import { sql } from "drizzle-orm";
import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

/**
 * The site's own content store. Synced records keep their Spektrix id as `sourceId` and a raw copy of what was
 * fetched; the columns are site fields that sync maps write into and editors may own. Nothing is ever deleted
 * by a sync: records leave the feed as `missing`, and the site decides what to show.
 *
 * Only SQL that PostgreSQL 15 (Debian) and PGlite (PostgreSQL 18) both run belongs here.
 */

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export type AttributeValue = string | number | boolean | null;
export type RecordStatus = "active" | "missing" | "disabled" | "cancelled";
export type AccessFlag = "captioned" | "bsl" | "audioDescribed" | "relaxed" | "touchTour";

export const venues = pgTable("venues", {
  id: serial("id").primaryKey(),
  sourceId: text("source_id").notNull().unique(),
  name: text("name").notNull(),
  /** The venue's URL slug (`/whats-on?venue=…`), set by the sync from the name so pages never derive it. */
  slug: text("slug"),
  address: text("address"),
  /** A venue for streamed shows (Spektrix's "Online" address): its performances have no street address. */
  online: boolean("online").notNull().default(false),
  /**
   * The Spektrix client whose feed last listed this venue (ADR 0017), so the studio names the venues of the client
   * in use. Null for a venue stored before it was recorded: a switch of client stamps those with the client it
   * leaves, and the client in use's next run with its own.
   */
  client: text("client"),
  createdAt: ts("created_at").notNull().defaultNow(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

export const events = pgTable(
  "events",
  {
    id: serial("id").primaryKey(),
    sourceId: text("source_id").notNull(),
    slug: text("slug").notNull(),

    // Site fields: written by sync maps (per their mode) or by editors.
    title: text("title").notNull(),
    subtitle: text("subtitle"),
    summary: text("summary"),
    bodyHtml: text("body_html"),
    genre: text("genre"),
    heroImageUrl: text("hero_image_url"),
    heroImageAlt: text("hero_image_alt"),
    thumbnailUrl: text("thumbnail_url"),
    durationMinutes: integer("duration_minutes"),
    ageGuidance: text("age_guidance"),
    tags: jsonb("tags").$type<string[]>(),
    /** Cast and creative team, one credit per entry: "Director: Jane Smith", or a name alone. */
    credits: jsonb("credits").$type<string[]>(),
    /** A page where the show's trailer plays (YouTube, Vimeo, the venue's own), linked from the event page. */
    trailerUrl: text("trailer_url"),
    /** Site fields a venue adds without a migration (sync maps may target `custom.<name>`). */
    custom: jsonb("custom").$type<Record<string, unknown>>().notNull().default({}),

    // Editorial, site-owned, never touched by sync.
    bodyOverrideHtml: text("body_override_html"),
    published: boolean("published").notNull().default(true),
    hidden: boolean("hidden").notNull().default(false),
    /**
     * Set when the studio's connection moved to another Spektrix client: the client this event came from. Kept
     * (never deleted by a switch), hidden from the public site, left alone by the sync, until an editor removes
     * it or the connection returns to that client and the feed has it again (ADR 0017).
     */
    parkedFrom: text("parked_from"),
    /**
     * The slug a kept event gave to an event of the client in use (it moved to `{slug}-kept-{client}`); it takes it
     * back when its client is in use again, unless a listed event holds it (lib/sync/kept-slugs.ts, ADR 0017).
     */
    yieldedSlug: text("yielded_slug"),
    weight: integer("weight").notNull().default(0),
    keepLiveUntil: ts("keep_live_until"),
    /** Site fields an editor has changed; `editable` and `fill-if-empty` maps respect them. */
    editedFields: jsonb("edited_fields").$type<string[]>().notNull().default([]),

    // What Spektrix said last time, for previews, picker labels and debugging.
    isOnSale: boolean("is_on_sale").notNull().default(false),
    firstPerformanceAt: ts("first_performance_at"),
    lastPerformanceAt: ts("last_performance_at"),
    attributes: jsonb("attributes").$type<Record<string, AttributeValue>>().notNull().default({}),
    source: jsonb("source").$type<Record<string, unknown>>().notNull().default({}),

    // Sync metadata.
    sourceHash: text("source_hash").notNull(),
    status: text("status").$type<RecordStatus>().notNull().default("active"),
    firstSeenAt: ts("first_seen_at").notNull().defaultNow(),
    lastSeenAt: ts("last_seen_at").notNull().defaultNow(),
    missingSince: ts("missing_since"),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("events_source_id_idx").on(t.sourceId),
    uniqueIndex("events_slug_idx").on(t.slug),
    index("events_status_idx").on(t.status, t.hidden, t.published),
  ],
);

export const performances = pgTable(
  "performances",
  {
    id: serial("id").primaryKey(),
    sourceId: text("source_id").notNull(),
    eventId: integer("event_id")
      .notNull()
      .references(() => events.id),
    venueId: integer("venue_id").references(() => venues.id),

    startsAt: ts("starts_at").notNull(),
    /** Venue-local wall time as Spektrix gives it ("2025-08-23T16:30:00"), for display without zone maths. */
    startLocal: text("start_local").notNull(),
    sellFrom: ts("sell_from"),
    sellUntil: ts("sell_until"),
    isOnSale: boolean("is_on_sale").notNull().default(false),
    cancelled: boolean("cancelled").notNull().default(false),
    planId: text("plan_id"),
    priceListId: text("price_list_id"),
    /** The lowest paid price on the price list ("from $25"), in the venue's currency; 0 when free. */
    fromPrice: doublePrecision("from_price"),
    webInstanceId: text("web_instance_id"),
    titleOverride: text("title_override"),
    access: jsonb("access").$type<AccessFlag[]>().notNull().default([]),
    /**
     * Shown as "Rescheduled from …": set by the sync from the venue's "rescheduled" attributes or from a start
     * it saw move (`movedFrom`); `rescheduledFrom` is the old start when known.
     */
    rescheduled: boolean("rescheduled").notNull().default(false),
    rescheduledFrom: ts("rescheduled_from"),
    /** The start before the sync first saw it move; null when it never moved or moved back. */
    movedFrom: ts("moved_from"),
    /** How many times the start has moved: the calendar file's SEQUENCE, so saved entries update. */
    startSequence: integer("start_sequence").notNull().default(0),
    attributes: jsonb("attributes").$type<Record<string, AttributeValue>>().notNull().default({}),

    hidden: boolean("hidden").notNull().default(false),
    sourceHash: text("source_hash").notNull(),
    status: text("status").$type<RecordStatus>().notNull().default("active"),
    firstSeenAt: ts("first_seen_at").notNull().defaultNow(),
    lastSeenAt: ts("last_seen_at").notNull().defaultNow(),
    missingSince: ts("missing_since"),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("performances_source_id_idx").on(t.sourceId),
    index("performances_event_idx").on(t.eventId),
    index("performances_starts_at_idx").on(t.startsAt),
  ],
);

/** One row per saved version; the newest is in force, older ones are the history editors can restore. */
export const syncSettings = pgTable("sync_settings", {
  id: serial("id").primaryKey(),
  version: integer("version").notNull().unique(),
  settings: jsonb("settings").$type<Record<string, unknown>>().notNull(),
  savedBy: text("saved_by"),
  savedAt: ts("saved_at").notNull().defaultNow(),
});

export type SyncRunStatus = "running" | "succeeded" | "aborted" | "failed";

export const syncRuns = pgTable(
  "sync_runs",
  {
    id: serial("id").primaryKey(),
    trigger: text("trigger").notNull(),
    status: text("status").$type<SyncRunStatus>().notNull().default("running"),
    startedAt: ts("started_at").notNull().defaultNow(),
    finishedAt: ts("finished_at"),
    created: integer("created").notNull().default(0),
    updated: integer("updated").notNull().default(0),
    unchanged: integer("unchanged").notNull().default(0),
    missing: integer("missing").notNull().default(0),
    skipped: integer("skipped").notNull().default(0),
    errors: jsonb("errors").$type<string[]>().notNull().default([]),
    abortReason: text("abort_reason"),
    /** `full`, or `event:<Spektrix id>` for a single-event sync. */
    scope: text("scope").notNull().default("full"),
    /** The sync-settings version the run used (0 = defaults; null = settings passed in, or failed before reading them). */
    settingsVersion: integer("settings_version"),
    /** Per-kind counts (events, performances, venues), content rows written, fetch time. */
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index("sync_runs_started_idx").on(t.startedAt)],
);

/** Editor-managed settings (page paths, stylesheet URLs, connection details); env gives first values. */
export const siteSettings = pgTable("site_settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
  updatedAt: ts("updated_at")
    .notNull()
    .default(sql`now()`),
});

// ─── Editor studio (lib/studio) ───────────────────────────────────────────────────────────────────────────────

export type StudioRole = "editor";

/** People who may use `/studio`. Separate from members: a Spektrix customer is never a studio user. */
export const studioUsers = pgTable("studio_users", {
  id: serial("id").primaryKey(),
  /** Lower-cased. */
  email: text("email").notNull().unique(),
  name: text("name"),
  /** `scrypt$N$r$p$salt$hash`, base64 parts (node:crypto scrypt). */
  passwordHash: text("password_hash").notNull(),
  role: text("role").$type<StudioRole>().notNull().default("editor"),
  disabled: boolean("disabled").notNull().default(false),
  createdAt: ts("created_at").notNull().defaultNow(),
  lastSignInAt: ts("last_sign_in_at"),
});

/**
 * Pages editors build from blocks. The draft is what the studio edits; `published*` is the snapshot visitors
 * see, copied from the draft on publish (null until the first publish).
 */
export const pages = pgTable("pages", {
  id: serial("id").primaryKey(),
  slug: text("slug").notNull().unique(),
  title: text("title").notNull(),
  seoTitle: text("seo_title"),
  seoDescription: text("seo_description"),
  draftBlocks: jsonb("draft_blocks").$type<unknown[]>().notNull().default([]),
  publishedBlocks: jsonb("published_blocks").$type<unknown[]>(),
  /** `{ title, seoTitle, seoDescription }` as published. */
  publishedMeta: jsonb("published_meta").$type<Record<string, unknown>>(),
  publishedAt: ts("published_at"),
  updatedAt: ts("updated_at").notNull().defaultNow(),
  updatedBy: text("updated_by"),
});

// ─── Store generation (lib/db/generation.ts, docs/adr/0008-caches-follow-the-store.md) ─────────────────────────

/**
 * One row per change to the content store: a random token, and whether the running site's cache was told exactly
 * what changed (`announced`, by revalidating its tags). The migration that creates the table adds the first row,
 * so every store starts with a token of its own. A cache that has seen a token no longer in the chain since the
 * last unannounced change (a sync outside the site, a migration, a restore, another database) starts over.
 */
export const storeGenerations = pgTable("store_generations", {
  id: serial("id").primaryKey(),
  token: text("token")
    .notNull()
    .unique()
    .default(sql`gen_random_uuid()::text`),
  announced: boolean("announced").notNull().default(false),
  /** What moved it: `migration`, `sync`, … (for people reading the table). */
  reason: text("reason").notNull().default("migration"),
  createdAt: ts("created_at").notNull().defaultNow(),
});
