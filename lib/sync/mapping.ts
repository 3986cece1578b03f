import type { AccessFlag, AttributeValue } from "@/lib/db/schema";
import { canonicalJson, sha256 } from "./hash";
import { ACCESS_FLAGS, type EventTarget, type MapMode, type SyncSettings } from "./settings";
import { attributesOf, type SourceEvent, type SourcePerformance } from "./source";
import { localToUtc, parseUtc } from "./time";
import { isTruthy } from "@/lib/text/truthy";
import { SLUG_MAX, slugify } from "@/lib/text/slug";
import { applyTransform, type Transformed } from "./transforms";

/**
 * Pure mapping from feed records to site rows: sync maps, take/exclude rules, access flags, slugs and hashes.
 * Nothing here reads the database or the clock (the caller passes `now`).
 */

/** Bump when mapping semantics change, so every record is rewritten once under the new rules. */
// 3: descriptions keep the line breaks Spektrix's editor wraps in spans.
const MAPPING_VERSION = 3;

export interface MappedField {
  target: EventTarget;
  value: Transformed;
  mode: MapMode;
}

/** Reads a map's source from an event: a named field, or `attribute_<Name>`. */
export function readSource(event: SourceEvent, source: string): unknown {
  return (event as unknown as Record<string, unknown>)[source];
}

/** Whether a genre is one of the box office's own (settings.display.hiddenGenres), never shown to visitors. */
export function isHiddenGenre(settings: SyncSettings, value: unknown): boolean {
  if (typeof value !== "string") return false;
  const genre = value.trim().toLowerCase();
  return genre !== "" && settings.display.hiddenGenres.some((hidden) => hidden.toLowerCase() === genre);
}

/** The name visitors see for a venue: the editor's name for it (settings.display.venueNames), or Spektrix's. */
export function venueDisplayName(settings: SyncSettings, spektrixName: string): string {
  const key = spektrixName.trim().toLowerCase();
  return settings.display.venueNames.find((rename) => rename.spektrix.toLowerCase() === key)?.site ?? spektrixName;
}

/** The site fields the sync maps produce for one event, in map order. */
export function mapEventFields(
  event: SourceEvent,
  settings: SyncSettings,
  options: { timeZone: string },
): MappedField[] {
  return settings.maps.map((map) => {
    let value = applyTransform(map.transform, readSource(event, map.source), options);
    if (map.target === "durationMinutes" && typeof value === "number") {
      // Spektrix stores 0 when nobody entered a running time.
      value = value > 0 ? Math.round(value) : null;
    }
    if (map.target === "genre" && isHiddenGenre(settings, value)) value = null;
    return { target: map.target as EventTarget, value, mode: map.mode };
  });
}

export interface EventSyncFields {
  isOnSale: boolean;
  firstPerformanceAt: Date | null;
  lastPerformanceAt: Date | null;
  attributes: Record<string, AttributeValue>;
}

/**
 * Fields Spektrix always owns, written on every change whatever the maps say. First/last dates prefer the
 * `…Utc` fields, then the venue-local ones read in the venue's zone, then the performances in the feed.
 */
export function eventSyncFields(
  event: SourceEvent,
  options: { timeZone: string; performances?: readonly SourcePerformance[] },
): EventSyncFields {
  let first = parseUtc(event.firstInstanceDateTimeUtc) ?? localToUtc(event.firstInstanceDateTime, options.timeZone);
  let last = parseUtc(event.lastInstanceDateTimeUtc) ?? localToUtc(event.lastInstanceDateTime, options.timeZone);
  if ((!first || !last) && options.performances?.length) {
    const starts = options.performances
      .map((p) => performanceStart(p, options.timeZone))
      .filter((d): d is Date => d !== null)
      .map((d) => d.getTime());
    if (starts.length) {
      first ??= new Date(Math.min(...starts));
      last ??= new Date(Math.max(...starts));
    }
  }
  return {
    isOnSale: event.isOnSale === true,
    firstPerformanceAt: first,
    lastPerformanceAt: last,
    attributes: attributesOf(event),
  };
}

export function performanceStart(p: SourcePerformance, timeZone: string): Date | null {
  return parseUtc(p.startUtc) ?? localToUtc(p.start, timeZone);
}

export type TakeDecision = { take: true } | { take: false; reason: string };

/** Whether the event-taking rules let an event into the site. */
export function takeEvent(
  event: SourceEvent,
  performances: readonly SourcePerformance[],
  settings: SyncSettings,
  options: { now: Date; timeZone: string },
): TakeDecision {
  for (const rule of settings.events.exclude) {
    const value = event[`attribute_${rule.attribute}`];
    const hit =
      rule.equals === undefined
        ? isTruthy(value)
        : typeof rule.equals === "string" && typeof value === "string"
          ? value.trim().toLowerCase() === rule.equals.trim().toLowerCase()
          : value === rule.equals;
    if (hit) return { take: false, reason: `excluded by attribute_${rule.attribute}` };
  }
  if (settings.events.take === "onSale" && event.isOnSale !== true) return { take: false, reason: "not on sale" };
  if (settings.events.take === "withFuturePerformances") {
    const now = options.now.getTime();
    const future = performances.some(
      (p) => !p.cancelled && (performanceStart(p, options.timeZone)?.getTime() ?? 0) >= now,
    );
    if (!future) return { take: false, reason: "no future performances" };
  }
  return { take: true };
}

/**
 * A performance's instance attributes by lower-cased name (without `attribute_`): venues spell the same attribute
 * differently (`SLCaptioned`, `slcaptioned`), so every reading of a named attribute goes through this.
 */
function attributeReader(performance: SourcePerformance): (name: string) => AttributeValue | undefined {
  const byName = new Map(Object.entries(attributesOf(performance)).map(([k, v]) => [k.toLowerCase(), v]));
  return (name) => byName.get(name.toLowerCase());
}

/** Access flags from instance attributes, through the venue's configured attribute names. */
export function accessFlags(
  performance: SourcePerformance,
  access: SyncSettings["performances"]["access"],
): AccessFlag[] {
  const read = attributeReader(performance);
  return ACCESS_FLAGS.filter((flag) => access[flag].some((name) => isTruthy(read(name))));
}

/**
 * Spektrix has no "rescheduled" flag. Venues mark a moved performance with an instance attribute `Rescheduled`
 * (yes/no) and optionally `RescheduledFrom` or `OriginalStart` (the old start, ISO); either turns the notice on.
 */
export function rescheduledOf(performance: SourcePerformance): { rescheduled: boolean; rescheduledFrom: Date | null } {
  const read = attributeReader(performance);
  const from = read("RescheduledFrom") || read("OriginalStart");
  const at = typeof from === "string" ? new Date(from) : null;
  const rescheduledFrom = at && !Number.isNaN(at.getTime()) ? at : null;
  return { rescheduled: rescheduledFrom !== null || isTruthy(read("Rescheduled")), rescheduledFrom };
}

export interface MappedPerformance {
  startsAt: Date;
  startLocal: string;
  sellFrom: Date | null;
  sellUntil: Date | null;
  isOnSale: boolean;
  cancelled: boolean;
  planId: string | null;
  priceListId: string | null;
  fromPrice: number | null;
  webInstanceId: string | null;
  titleOverride: string | null;
  access: AccessFlag[];
  rescheduled: boolean;
  rescheduledFrom: Date | null;
  attributes: Record<string, AttributeValue>;
}

export class UnreadablePerformanceError extends Error {
  constructor(id: string, start: unknown) {
    super(`performance ${id}: unreadable start ${JSON.stringify(start)}`);
    this.name = "UnreadablePerformanceError";
  }
}

export function mapPerformance(
  p: SourcePerformance,
  settings: SyncSettings,
  options: { timeZone: string },
): MappedPerformance {
  const startsAt = performanceStart(p, options.timeZone);
  if (!startsAt) throw new UnreadablePerformanceError(p.id, p.startUtc ?? p.start);
  const overrideName = settings.performances.titleOverrideAttribute;
  const override = overrideName ? applyTransform("text", p[`attribute_${overrideName}`], options) : null;
  return {
    startsAt,
    startLocal: p.start,
    sellFrom: parseUtc(p.startSellingAtWebUtc),
    sellUntil: parseUtc(p.stopSellingAtWebUtc),
    isOnSale: p.isOnSale === true,
    cancelled: p.cancelled === true,
    planId: p.planId ?? null,
    priceListId: p.priceListId ?? null,
    fromPrice: typeof p.fromPrice === "number" && Number.isFinite(p.fromPrice) ? p.fromPrice : null,
    webInstanceId: p.webInstanceId ?? null,
    titleOverride: typeof override === "string" ? override : null,
    access: accessFlags(p, settings.performances.access),
    ...rescheduledOf(p),
    attributes: attributesOf(p),
  };
}

/** The slug a new event would like, before uniqueness is settled. */
export function slugBase(event: SourceEvent, rule: SyncSettings["events"]["slugRule"]): string {
  const fromName = slugify(event.name ?? "");
  const candidate =
    rule === "id"
      ? slugify(event.id)
      : rule === "webEventId" && event.webEventId && slugify(event.webEventId)
        ? slugify(event.webEventId)
        : fromName;
  return candidate || slugify(event.id) || "event";
}

/** Picks `base`, or `base-2`, `base-3`… the first one not in `taken`, and reserves it. */
export function uniqueSlug(base: string, taken: Set<string>): string {
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base.slice(0, SLUG_MAX - String(n).length - 1)}-${n}`;
  taken.add(slug);
  return slug;
}

/**
 * The part of the settings that shapes an event row. Changing any of it rewrites every event once; changing
 * anything else (schedule, guards, fetch window) rewrites nothing. Serialised once per settings object.
 */
const fingerprints = new WeakMap<SyncSettings, { event: string; performance: string }>();

function rulesFingerprint(settings: SyncSettings) {
  let f = fingerprints.get(settings);
  if (!f) {
    const { titleOverrideAttribute, access } = settings.performances;
    f = {
      event: canonicalJson({ v: MAPPING_VERSION, maps: settings.maps, hiddenGenres: settings.display.hiddenGenres }),
      performance: canonicalJson({ v: MAPPING_VERSION, titleOverrideAttribute, access }),
    };
    fingerprints.set(settings, f);
  }
  return f;
}

/**
 * Change detection. The stored row is a pure function of (source record, mapping rules, venue time zone), so
 * hashing those inputs detects exactly the changes that would alter the row, without mapping unchanged ones.
 */
export function eventHash(
  event: SourceEvent,
  settings: SyncSettings,
  options: { timeZone: string; derived?: { firstPerformanceAt: Date | null; lastPerformanceAt: Date | null } },
): string {
  return sha256(
    `${rulesFingerprint(settings).event}\n${options.timeZone}\n${canonicalJson({ source: event, derived: options.derived })}`,
  );
}

export function performanceHash(p: SourcePerformance, settings: SyncSettings, options: { timeZone: string }): string {
  return sha256(`${rulesFingerprint(settings).performance}\n${options.timeZone}\n${canonicalJson(p)}`);
}
