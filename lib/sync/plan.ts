import type { AttributeValue, RecordStatus } from "@/lib/db/schema";
import {
  eventHash,
  eventSyncFields,
  isHiddenGenre,
  mapEventFields,
  mapPerformance,
  performanceHash,
  slugBase,
  takeEvent,
  venueDisplayName,
  type MappedField,
  type MappedPerformance,
} from "./mapping";
import type { EventTargetColumn, SyncSettings } from "./settings";
import type { FetchWindow, SourceEvent, SourcePerformance, SourceVenue } from "./source";
import { SlugLedger, type SlugMove } from "./kept-slugs";
import { HOUR } from "./time";
import { slugify } from "@/lib/text/slug";
import { isEmptyValue, type Transformed } from "./transforms";

/**
 * The diff: given what the store holds and what the feed says, decide every write of a run, and whether the
 * run must abort. Pure (no I/O, no clock), so the rules are unit-tested without a database.
 */

export type SyncScope = { kind: "full"; window: FetchWindow } | { kind: "event"; eventId: string; window: FetchWindow };

export interface Feed {
  events: SourceEvent[];
  performances: SourcePerformance[];
  /** Null when the venues were not fetched (single-event sync). */
  venues: SourceVenue[] | null;
}

/** The site-field columns a sync map may write, as stored. */
export type EventSiteFields = {
  [K in EventTargetColumn]: K extends "durationMinutes"
    ? number | null
    : K extends "tags" | "credits"
      ? string[] | null
      : string | null;
} & { custom: Record<string, unknown> };

export interface StoredEvent extends EventSiteFields {
  id: number;
  sourceId: string;
  slug: string;
  status: RecordStatus;
  sourceHash: string;
  missingSince: Date | null;
  keepLiveUntil: Date | null;
  firstPerformanceAt: Date | null;
  lastPerformanceAt: Date | null;
  editedFields: string[];
  /** The Spektrix client this event was kept from after a switch; null for the client in use (ADR 0017). */
  parkedFrom: string | null;
  /** The slug it gave up while kept, to take back when listed (lib/sync/kept-slugs.ts). */
  yieldedSlug: string | null;
}

export interface StoredPerformance {
  id: number;
  sourceId: string;
  eventId: number;
  status: RecordStatus;
  sourceHash: string;
  missingSince: Date | null;
  startsAt: Date;
  movedFrom: Date | null;
  startSequence: number;
}

/** A venue as the store keeps it: the feed's fields, the slug its name gives, and the client whose feed it is in. */
export type PlannedVenue = SourceVenue & {
  address: string | null;
  online: boolean;
  slug: string;
  client: string | null;
};

export interface StoredVenue {
  id: number;
  sourceId: string;
  name: string;
  slug: string | null;
  address: string | null;
  online: boolean;
  client: string | null;
}

export interface Stored {
  events: StoredEvent[];
  performances: StoredPerformance[];
  venues: StoredVenue[];
  /**
   * Slugs of the events outside the loaded set (single-event sync), so new slugs stay unique store-wide; the kept
   * ones may give theirs to a new event (lib/sync/kept-slugs.ts).
   */
  others?: { id: number; sourceId: string; slug: string; parkedFrom: string | null; yieldedSlug: string | null }[];
}

export type EventWrite = Omit<Partial<EventSiteFields>, "title"> & {
  title?: string;
  isOnSale?: boolean;
  firstPerformanceAt?: Date | null;
  lastPerformanceAt?: Date | null;
  attributes?: Record<string, AttributeValue>;
  source?: Record<string, unknown>;
  sourceHash?: string;
  status?: RecordStatus;
  missingSince?: Date | null;
  parkedFrom?: string | null;
  lastSeenAt?: Date;
  updatedAt?: Date;
};

export interface EventInsert extends EventSiteFields {
  sourceId: string;
  slug: string;
  title: string;
  published: boolean;
  isOnSale: boolean;
  firstPerformanceAt: Date | null;
  lastPerformanceAt: Date | null;
  attributes: Record<string, AttributeValue>;
  source: Record<string, unknown>;
  sourceHash: string;
  status: RecordStatus;
  firstSeenAt: Date;
  lastSeenAt: Date;
  updatedAt: Date;
}

/** A performance's synced columns: exactly what mapping produces. */
export type PerformanceFields = MappedPerformance;

export interface PerformanceInsert extends PerformanceFields {
  sourceId: string;
  /** Resolved to `events.id` when applied (the event may be created in the same run). */
  eventSourceId: string;
  venueSourceId: string | null;
  hidden: boolean;
  sourceHash: string;
  status: RecordStatus;
  firstSeenAt: Date;
  lastSeenAt: Date;
  updatedAt: Date;
}

export type PerformanceWrite = Partial<PerformanceFields> & {
  movedFrom?: Date | null;
  startSequence?: number;
  eventSourceId?: string;
  venueSourceId?: string | null;
  sourceHash?: string;
  status?: RecordStatus;
  missingSince?: Date | null;
  lastSeenAt?: Date;
  updatedAt?: Date;
};

export interface KindCounts {
  created: number;
  updated: number;
  unchanged: number;
  /** Newly marked missing this run. */
  missing: number;
  /** In the feed but not taken (rules, unreadable data, unknown event). */
  skipped: number;
  /** Newly hidden by the sync: rule exclusions and grace expiry. */
  disabled: number;
}

const zero = (): KindCounts => ({ created: 0, updated: 0, unchanged: 0, missing: 0, skipped: 0, disabled: 0 });

export interface SyncPlan {
  abortReason: string | null;
  venues: { insert: PlannedVenue[]; update: ({ id: number } & Omit<PlannedVenue, "id">)[] };
  events: {
    insert: EventInsert[];
    update: { id: number; sourceId: string; set: EventWrite }[];
    /**
     * Slugs that move so the client in use has the natural ones: kept events (another client's) giving theirs to
     * this client's events, and this client's events taking back what they gave while kept. Written in this order,
     * before the inserts (slugs are unique). See lib/sync/kept-slugs.ts.
     */
    slugMoves: SlugMove[];
  };
  performances: { insert: PerformanceInsert[]; update: { id: number; sourceId: string; set: PerformanceWrite }[] };
  counts: { events: KindCounts; performances: KindCounts; venues: { created: number; updated: number } };
  /** Events whose page must be revalidated: the event row or one of its performances changes. */
  changedEventSourceIds: string[];
  venuesChanged: boolean;
  /** Problems with single records that did not stop the run. */
  errors: string[];
  /** What the run left out and why, for the editor (at most MAX_SKIPPED lines; the counts hold the totals). */
  skipped: SkippedRecord[];
}

/** One record (or group of records) the run did not take, in words an editor can act on. */
export interface SkippedRecord {
  kind: "event" | "performance";
  /** The Spektrix id. */
  id: string;
  /** The event's name when the feed has one. */
  name: string | null;
  reason: string;
}

const MAX_SKIPPED = 50;

export interface PlanInput {
  scope: SyncScope;
  feed: Feed;
  stored: Stored;
  settings: SyncSettings;
  now: Date;
  timeZone: string;
  /** Skip the vanish and empty-feed guards (after a person has checked the feed is right). */
  force?: boolean;
  /** The Spektrix client the feed is from, recorded on its venues (ADR 0017); unknown leaves theirs as they are. */
  client?: string;
  /**
   * The source's dates were re-based (a test catalogue shifted to today), so a changed start is not a move:
   * take it, raise the calendar sequence, and drop any "moved from" the old dates implied.
   */
  rebasedStarts?: boolean;
}

const MAX_ERRORS = 50;

/** Code-unit order: deterministic and much faster than localeCompare on 10k ids. */
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Spektrix keeps a performance's id when its start changes, so a move is seen by comparing starts. The first
 * start before any move is kept (`movedFrom`) and shown as "Rescheduled from …" until the performance moves back
 * there. Each change of start, and each cancellation or restoration, raises `startSequence`, which calendar
 * files publish so saved entries update (RFC 5545: it only ever rises). A venue's own rescheduled attributes
 * add to the notice, and their original time is the one shown.
 */
export function startMoves(
  stored: Pick<StoredPerformance, "startsAt" | "movedFrom" | "startSequence" | "status">,
  mapped: Pick<PerformanceFields, "startsAt" | "rescheduled" | "rescheduledFrom"> & { status: RecordStatus },
  rebased: boolean,
): Pick<PerformanceWrite, "movedFrom" | "startSequence" | "rescheduled" | "rescheduledFrom"> {
  const moved = stored.startsAt.getTime() !== mapped.startsAt.getTime();
  const cancellationChanged = (stored.status === "cancelled") !== (mapped.status === "cancelled");
  let movedFrom = stored.movedFrom;
  if (moved) {
    const original = stored.movedFrom ?? stored.startsAt;
    movedFrom = rebased || original.getTime() === mapped.startsAt.getTime() ? null : original;
  }
  return {
    movedFrom,
    startSequence: stored.startSequence + (moved ? 1 : 0) + (cancellationChanged ? 1 : 0),
    rescheduled: mapped.rescheduled || movedFrom !== null,
    rescheduledFrom: mapped.rescheduledFrom ?? movedFrom,
  };
}

function keptLive(e: { keepLiveUntil: Date | null }, now: Date): boolean {
  return e.keepLiveUntil !== null && e.keepLiveUntil.getTime() > now.getTime();
}

/** Whether a stored event is one the feed should have returned for this window. Ended events are not. */
function expectedInWindow(e: StoredEvent, window: FetchWindow): boolean {
  const last = e.lastPerformanceAt?.getTime() ?? Number.POSITIVE_INFINITY;
  const first = e.firstPerformanceAt?.getTime() ?? Number.NEGATIVE_INFINITY;
  return last >= window.from.getTime() && first <= window.to.getTime();
}

function inWindow(date: Date, window: FetchWindow): boolean {
  const t = date.getTime();
  return t >= window.from.getTime() && t <= window.to.getTime();
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function share(n: number, of: number): string {
  return `${n} of ${of} (${Math.round((n / of) * 100)}%)`;
}

/** The site-field values a new event starts with: every map applies, whatever its mode. */
function createFields(mapped: MappedField[], event: SourceEvent): EventSiteFields {
  const fields: Record<string, unknown> = {
    title: null,
    subtitle: null,
    summary: null,
    bodyHtml: null,
    genre: null,
    heroImageUrl: null,
    heroImageAlt: null,
    thumbnailUrl: null,
    durationMinutes: null,
    ageGuidance: null,
    tags: null,
    credits: null,
    trailerUrl: null,
  };
  const custom: Record<string, unknown> = {};
  for (const m of mapped) {
    if (m.target.startsWith("custom.")) {
      if (m.value !== null) custom[m.target.slice(7)] = m.value;
    } else fields[m.target] = m.value;
  }
  fields.title = (fields.title as string | null) ?? (event.name?.trim() || event.id);
  return { ...(fields as Omit<EventSiteFields, "custom">), custom };
}

/** The site-field changes an existing event gets, by map mode. Editors' `editable` fields are never touched. */
function updateFields(mapped: MappedField[], stored: StoredEvent, settings: SyncSettings): EventWrite {
  const set: Record<string, unknown> = {};
  let custom: Record<string, unknown> | null = null;
  for (const m of mapped) {
    if (m.mode === "editable") continue;
    const isCustom = m.target.startsWith("custom.");
    const key = isCustom ? m.target.slice(7) : m.target;
    const current = isCustom ? stored.custom[key] : stored[m.target as EventTargetColumn];
    let next: Transformed | undefined;
    // A genre filled from Spektrix before it was declared hidden counts as empty, so the next run clears it.
    const hiddenNow = m.target === "genre" && isHiddenGenre(settings, current);
    if (m.mode === "locked") next = m.value;
    else if (
      (isEmptyValue(current) || hiddenNow) &&
      !stored.editedFields.includes(m.target) &&
      (m.value !== null || hiddenNow)
    )
      next = m.value;
    if (next === undefined || sameValue(current, next)) continue;
    if (m.target === "title" && next === null) continue; // title is required; keep the last good one
    if (isCustom) {
      custom ??= { ...stored.custom };
      if (next === null) delete custom[key];
      else custom[key] = next;
    } else set[m.target] = next;
  }
  if (custom) set.custom = custom;
  return set as Omit<Partial<EventSiteFields>, "title">;
}

export function planSync(input: PlanInput): SyncPlan {
  const { scope, feed, stored, settings, now, timeZone } = input;
  const window = scope.window;
  const plan: SyncPlan = {
    abortReason: null,
    venues: { insert: [], update: [] },
    events: { insert: [], update: [], slugMoves: [] },
    performances: { insert: [], update: [] },
    counts: { events: zero(), performances: zero(), venues: { created: 0, updated: 0 } },
    changedEventSourceIds: [],
    venuesChanged: false,
    errors: [],
    skipped: [],
  };
  const changed = new Set<string>();
  const error = (message: string) => {
    if (plan.errors.length < MAX_ERRORS) plan.errors.push(message);
    else if (plan.errors.length === MAX_ERRORS) plan.errors.push("… further errors not shown");
  };
  const skip = (record: SkippedRecord) => {
    if (plan.skipped.length < MAX_SKIPPED) plan.skipped.push(record);
  };
  const graceMs = settings.guards.missingGraceHours * HOUR;
  const graceOver = (since: Date | null) => since !== null && now.getTime() - since.getTime() >= graceMs;

  // Index the feed (slices overlap, so the same record may come twice) and the store.
  const feedEvents = new Map<string, SourceEvent>();
  for (const e of feed.events) feedEvents.set(e.id, e);
  const feedPerformances = new Map<string, SourcePerformance>();
  for (const p of feed.performances) feedPerformances.set(p.id, p);
  const perfsByEvent = new Map<string, SourcePerformance[]>();
  for (const p of feedPerformances.values()) {
    const list = perfsByEvent.get(p.eventId) ?? [];
    list.push(p);
    perfsByEvent.set(p.eventId, list);
  }
  const storedEvents = new Map(stored.events.map((e) => [e.sourceId, e]));
  const storedEventSourceById = new Map(stored.events.map((e) => [e.id, e.sourceId]));
  const storedPerformances = new Map(stored.performances.map((p) => [p.sourceId, p]));
  const storedVenues = new Map(stored.venues.map((v) => [v.sourceId, v]));
  // The site's URLs belong to the client in use: a kept event gives up the slug an event of this feed wants, and an
  // event of this client takes back the slug it gave up while kept.
  const others = stored.others ?? [];
  const keptFrom = (e: { sourceId: string; parkedFrom: string | null }) =>
    e.parkedFrom !== null && !feedEvents.has(e.sourceId) ? e.parkedFrom : null;
  const slugs = new SlugLedger(
    [...stored.events, ...others].map((e) => ({
      id: e.id,
      slug: e.slug,
      keptFrom: keptFrom(e),
      yieldedSlug: e.yieldedSlug,
    })),
  );
  const sourceIdOf = new Map([...stored.events, ...others].map((e) => [e.id, e.sourceId]));

  if (scope.kind === "full" && feedEvents.size === 0 && !input.force) {
    plan.abortReason = `empty feed: Spektrix returned no events between ${window.from.toISOString().slice(0, 10)} and ${window.to.toISOString().slice(0, 10)}`;
    return plan;
  }

  // ---- Slugs given up while kept, taken back (before new events choose theirs).
  const reclaiming = stored.events.filter((e) => e.yieldedSlug !== null && keptFrom(e) === null);
  for (const e of reclaiming.sort((a, b) => a.id - b.id)) slugs.reclaim({ ...e, keptFrom: null });

  // ---- Venues (never missing: a venue without performances is harmless).
  if (feed.venues) {
    for (const v of feed.venues) {
      const s = storedVenues.get(v.id);
      const address = v.address ?? null;
      const online = v.online ?? false;
      const name = venueDisplayName(settings, v.name);
      const slug = slugify(name);
      const client = input.client ?? s?.client ?? null;
      if (!s) {
        plan.venues.insert.push({ id: v.id, name, address, online, slug, client });
        plan.counts.venues.created++;
      } else if (
        s.name !== name ||
        s.address !== address ||
        s.online !== online ||
        s.slug !== slug ||
        s.client !== client
      ) {
        plan.venues.update.push({ id: s.id, name, address, online, slug, client });
        plan.counts.venues.updated++;
      }
    }
    plan.venuesChanged = plan.venues.insert.length + plan.venues.update.length > 0;
  }

  // ---- Events in the feed.
  let activeVanishing = 0;
  /** Events the rules left out, with the rule's reason. */
  const notTaken = new Map<string, string>();
  const ec = plan.counts.events;
  for (const event of [...feedEvents.values()].sort(byId)) {
    const s = storedEvents.get(event.id);
    const perfs = perfsByEvent.get(event.id) ?? [];
    const decision = takeEvent(event, perfs, settings, { now, timeZone });
    if (!decision.take) {
      notTaken.set(event.id, decision.reason);
      if (s && s.status !== "disabled" && !keptLive(s, now)) {
        if (s.status === "active" && expectedInWindow(s, window)) activeVanishing++;
        plan.events.update.push({ id: s.id, sourceId: s.sourceId, set: { status: "disabled", updatedAt: now } });
        ec.disabled++;
        changed.add(event.id);
      } else {
        ec.skipped++;
        skip({ kind: "event", id: event.id, name: event.name?.trim() || null, reason: decision.reason });
      }
      continue;
    }
    const sync = eventSyncFields(event, { timeZone, performances: perfs });
    const hash = eventHash(event, settings, {
      timeZone,
      derived: { firstPerformanceAt: sync.firstPerformanceAt, lastPerformanceAt: sync.lastPerformanceAt },
    });
    if (s && s.sourceHash === hash && s.status === "active" && s.parkedFrom === null) {
      ec.unchanged++;
      continue;
    }
    const mapped = mapEventFields(event, settings, { timeZone });
    const common = {
      isOnSale: sync.isOnSale,
      firstPerformanceAt: sync.firstPerformanceAt,
      lastPerformanceAt: sync.lastPerformanceAt,
      attributes: sync.attributes,
      source: event as unknown as Record<string, unknown>,
      sourceHash: hash,
      status: "active" as const,
      lastSeenAt: now,
      updatedAt: now,
    };
    if (!s) {
      plan.events.insert.push({
        ...createFields(mapped, event),
        ...common,
        sourceId: event.id,
        slug: slugs.forNew(slugBase(event, settings.events.slugRule)),
        published: settings.events.newEvents === "published",
        firstSeenAt: now,
      } as EventInsert);
      ec.created++;
    } else {
      plan.events.update.push({
        id: s.id,
        sourceId: s.sourceId,
        // In this client's feed: an event kept from it while the site used another is back.
        set: { ...updateFields(mapped, s, settings), ...common, missingSince: null, parkedFrom: null },
      });
      ec.updated++;
    }
    changed.add(event.id);
  }

  // ---- Stored events the feed no longer has.
  let expectedActive = 0;
  for (const s of stored.events) {
    // Kept from another Spektrix client: not this feed's to lose (and no vanish for the guard to count).
    if (s.parkedFrom !== null && !feedEvents.has(s.sourceId)) continue;
    const inScope = scope.kind === "full" || s.sourceId === scope.eventId;
    if (s.status === "active" && expectedInWindow(s, window)) expectedActive++;
    if (feedEvents.has(s.sourceId)) continue;
    if (s.status === "active" && inScope && (scope.kind === "event" || expectedInWindow(s, window))) {
      activeVanishing++;
      plan.events.update.push({
        id: s.id,
        sourceId: s.sourceId,
        set: { status: "missing", missingSince: now, updatedAt: now },
      });
      ec.missing++;
      changed.add(s.sourceId);
    } else if (s.status === "missing" && graceOver(s.missingSince) && !keptLive(s, now)) {
      // Grace over: hidden from the site (never deleted); it comes back as active if the feed has it again.
      plan.events.update.push({ id: s.id, sourceId: s.sourceId, set: { status: "disabled", updatedAt: now } });
      ec.disabled++;
      changed.add(s.sourceId);
    }
  }
  if (scope.kind === "full" && !input.force && expectedActive > 0) {
    const limit = settings.guards.maxVanishShare;
    if (activeVanishing / expectedActive > limit) {
      plan.abortReason = `mass vanish: ${share(activeVanishing, expectedActive)} active events would leave the site (limit ${Math.round(limit * 100)}%)`;
      return plan;
    }
  }

  // ---- Performances in the feed.
  const pc = plan.counts.performances;
  const seenPerformances = new Set<string>();
  for (const p of [...feedPerformances.values()].sort(byId)) {
    seenPerformances.add(p.id);
    if (notTaken.has(p.eventId)) {
      // Listed once, under its event's line: the event's reason covers its performances.
      pc.skipped++;
      continue;
    }
    if (!feedEvents.has(p.eventId) && !storedEvents.has(p.eventId)) {
      pc.skipped++;
      error(`performance ${p.id}: its event ${p.eventId} is not in the events feed`);
      skip({ kind: "performance", id: p.id, name: null, reason: `its event ${p.eventId} is not in the events feed` });
      continue;
    }
    const s = storedPerformances.get(p.id);
    const hash = performanceHash(p, settings, { timeZone });
    const status: RecordStatus = p.cancelled ? "cancelled" : "active";
    if (s && s.sourceHash === hash && s.status === status && storedEventSourceById.get(s.eventId) === p.eventId) {
      pc.unchanged++;
      continue;
    }
    let fields: PerformanceFields;
    try {
      fields = mapPerformance(p, settings, { timeZone });
    } catch (e) {
      pc.skipped++;
      const message = e instanceof Error ? e.message : String(e);
      error(message);
      skip({ kind: "performance", id: p.id, name: feedEvents.get(p.eventId)?.name?.trim() || null, reason: message });
      continue;
    }
    const common = {
      ...fields,
      eventSourceId: p.eventId,
      venueSourceId: p.venueId ?? null,
      sourceHash: hash,
      status,
      lastSeenAt: now,
      updatedAt: now,
    };
    if (!s) {
      plan.performances.insert.push({
        ...common,
        sourceId: p.id,
        hidden: settings.performances.visibility === "hidden",
        firstSeenAt: now,
      });
      pc.created++;
    } else {
      const moves = startMoves(s, { ...fields, status }, input.rebasedStarts === true);
      plan.performances.update.push({
        id: s.id,
        sourceId: s.sourceId,
        set: { ...common, ...moves, missingSince: null },
      });
      pc.updated++;
    }
    changed.add(p.eventId);
  }

  // ---- Stored performances the feed no longer has.
  let expectedPerformances = 0;
  let vanishingPerformances = 0;
  const parkedEventIds = new Set(
    stored.events.filter((e) => e.parkedFrom !== null && !feedEvents.has(e.sourceId)).map((e) => e.id),
  );
  for (const s of stored.performances) {
    const eventSourceId = storedEventSourceById.get(s.eventId) ?? "";
    const inScope = scope.kind === "full" || eventSourceId === scope.eventId;
    // A kept event's performances stay as they were, like the event.
    if (!inScope || parkedEventIds.has(s.eventId)) continue;
    const live = s.status === "active" || s.status === "cancelled";
    const expected = live && inWindow(s.startsAt, window) && !notTaken.has(eventSourceId);
    if (expected && s.status === "active") expectedPerformances++;
    if (seenPerformances.has(s.sourceId)) continue;
    if (expected) {
      if (s.status === "active") vanishingPerformances++;
      plan.performances.update.push({
        id: s.id,
        sourceId: s.sourceId,
        set: { status: "missing", missingSince: now, updatedAt: now },
      });
      pc.missing++;
      changed.add(eventSourceId);
    } else if (s.status === "missing" && graceOver(s.missingSince)) {
      plan.performances.update.push({ id: s.id, sourceId: s.sourceId, set: { status: "disabled", updatedAt: now } });
      pc.disabled++;
      changed.add(eventSourceId);
    }
  }
  if (scope.kind === "full" && !input.force && expectedPerformances > 0) {
    const limit = settings.guards.maxVanishShare;
    if (vanishingPerformances / expectedPerformances > limit) {
      plan.abortReason = `mass vanish: ${share(vanishingPerformances, expectedPerformances)} active performances would leave the site (limit ${Math.round(limit * 100)}%)`;
      return plan;
    }
  }

  plan.events.slugMoves = slugs.moves;
  // A moved slug changes what the event's page and the slug map say.
  for (const m of slugs.moves) changed.add(sourceIdOf.get(m.id)!);
  plan.changedEventSourceIds = [...changed].sort();
  return plan;
}
