import { eq, inArray } from "drizzle-orm";
import { schema, type StoreDb, type StoreTx } from "@/lib/db";
import { bumpGeneration } from "@/lib/db/generation";
import type { Stored, SyncPlan } from "./plan";

/** Reading the store's current state and writing a plan to it. */

const { events, performances, venues } = schema;

/** Everything the diff needs. `eventSourceId` narrows to one event (single-event sync). */
export async function loadStored(db: StoreDb, options: { eventSourceId?: string } = {}): Promise<Stored> {
  const eventColumns = {
    id: events.id,
    sourceId: events.sourceId,
    slug: events.slug,
    status: events.status,
    sourceHash: events.sourceHash,
    missingSince: events.missingSince,
    keepLiveUntil: events.keepLiveUntil,
    firstPerformanceAt: events.firstPerformanceAt,
    lastPerformanceAt: events.lastPerformanceAt,
    editedFields: events.editedFields,
    parkedFrom: events.parkedFrom,
    yieldedSlug: events.yieldedSlug,
    title: events.title,
    subtitle: events.subtitle,
    summary: events.summary,
    bodyHtml: events.bodyHtml,
    genre: events.genre,
    heroImageUrl: events.heroImageUrl,
    heroImageAlt: events.heroImageAlt,
    thumbnailUrl: events.thumbnailUrl,
    durationMinutes: events.durationMinutes,
    ageGuidance: events.ageGuidance,
    tags: events.tags,
    credits: events.credits,
    trailerUrl: events.trailerUrl,
    custom: events.custom,
  };
  const performanceColumns = {
    id: performances.id,
    sourceId: performances.sourceId,
    eventId: performances.eventId,
    status: performances.status,
    sourceHash: performances.sourceHash,
    missingSince: performances.missingSince,
    startsAt: performances.startsAt,
    movedFrom: performances.movedFrom,
    startSequence: performances.startSequence,
  };
  const venueRows = await db
    .select({
      id: venues.id,
      sourceId: venues.sourceId,
      name: venues.name,
      slug: venues.slug,
      address: venues.address,
      online: venues.online,
      client: venues.client,
    })
    .from(venues);
  if (options.eventSourceId !== undefined) {
    const eventRows = await db.select(eventColumns).from(events).where(eq(events.sourceId, options.eventSourceId));
    // Slugs of every event, so a new event's slug is unique across the store (and a kept one can give its slug).
    const slugs = await db
      .select({
        id: events.id,
        sourceId: events.sourceId,
        slug: events.slug,
        parkedFrom: events.parkedFrom,
        yieldedSlug: events.yieldedSlug,
      })
      .from(events);
    const performanceRows = eventRows.length
      ? await db
          .select(performanceColumns)
          .from(performances)
          .where(
            inArray(
              performances.eventId,
              eventRows.map((e) => e.id),
            ),
          )
      : [];
    const inScope = new Set(eventRows.map((e) => e.id));
    const others = slugs.filter((s) => !inScope.has(s.id));
    return { events: eventRows, performances: performanceRows, venues: venueRows, others };
  }
  const [eventRows, performanceRows] = [
    await db.select(eventColumns).from(events),
    await db.select(performanceColumns).from(performances),
  ];
  return { events: eventRows, performances: performanceRows, venues: venueRows };
}

const CHUNK = 500;

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Writes a plan in one transaction: all of it or none of it. Returns the number of rows written and, when that is
 * more than none, the store generation the same transaction recorded (not yet announced to any cache).
 */
export async function applyPlan(db: StoreDb, plan: SyncPlan): Promise<{ writes: number; generation: string | null }> {
  let writes = 0;
  let generation: string | null = null;
  await db.transaction(async (tx: StoreTx) => {
    // Venues first, so performances can point at them.
    for (const part of chunks(plan.venues.insert)) {
      await tx.insert(venues).values(
        part.map((v) => ({
          sourceId: v.id,
          name: v.name,
          slug: v.slug,
          address: v.address,
          online: v.online,
          client: v.client,
        })),
      );
      writes += part.length;
    }
    for (const v of plan.venues.update) {
      await tx
        .update(venues)
        .set({
          name: v.name,
          slug: v.slug,
          address: v.address,
          online: v.online,
          client: v.client,
          updatedAt: new Date(),
        })
        .where(eq(venues.id, v.id));
      writes++;
    }

    // Slugs move first, one at a time in the plan's order (each to a slug nothing holds by then): a new event of
    // this feed takes one a kept event gave up in the inserts below.
    for (const m of plan.events.slugMoves) {
      await tx
        .update(events)
        .set({ slug: m.slug, yieldedSlug: m.yieldedSlug, updatedAt: new Date() })
        .where(eq(events.id, m.id));
      writes++;
    }
    const eventIds = new Map<string, number>();
    for (const part of chunks(plan.events.insert)) {
      const rows = await tx.insert(events).values(part).returning({ id: events.id, sourceId: events.sourceId });
      for (const r of rows) eventIds.set(r.sourceId, r.id);
      writes += part.length;
    }
    for (const u of plan.events.update) {
      await tx.update(events).set(u.set).where(eq(events.id, u.id));
      eventIds.set(u.sourceId, u.id);
      writes++;
    }

    // Resolve the source ids performances refer to; only look up what the plan did not just write.
    const neededEvents = new Set<string>();
    const neededVenues = new Set<string>();
    for (const p of [...plan.performances.insert, ...plan.performances.update.map((u) => u.set)]) {
      if (p.eventSourceId && !eventIds.has(p.eventSourceId)) neededEvents.add(p.eventSourceId);
      if (p.venueSourceId) neededVenues.add(p.venueSourceId);
    }
    for (const part of chunks([...neededEvents])) {
      const rows = await tx
        .select({ id: events.id, sourceId: events.sourceId })
        .from(events)
        .where(inArray(events.sourceId, part));
      for (const r of rows) eventIds.set(r.sourceId, r.id);
    }
    const venueIds = new Map<string, number>();
    for (const part of chunks([...neededVenues])) {
      const rows = await tx
        .select({ id: venues.id, sourceId: venues.sourceId })
        .from(venues)
        .where(inArray(venues.sourceId, part));
      for (const r of rows) venueIds.set(r.sourceId, r.id);
    }
    const eventIdOf = (sourceId: string) => {
      const id = eventIds.get(sourceId);
      if (id === undefined) throw new Error(`internal: event ${sourceId} not in the store`);
      return id;
    };

    for (const part of chunks(plan.performances.insert)) {
      await tx.insert(performances).values(
        part.map(({ eventSourceId, venueSourceId, ...row }) => ({
          ...row,
          eventId: eventIdOf(eventSourceId),
          venueId: venueSourceId ? (venueIds.get(venueSourceId) ?? null) : null,
        })),
      );
      writes += part.length;
    }
    for (const u of plan.performances.update) {
      const { eventSourceId, venueSourceId, ...set } = u.set;
      await tx
        .update(performances)
        .set({
          ...set,
          ...(eventSourceId !== undefined ? { eventId: eventIdOf(eventSourceId) } : {}),
          ...(venueSourceId !== undefined
            ? { venueId: venueSourceId ? (venueIds.get(venueSourceId) ?? null) : null }
            : {}),
        })
        .where(eq(performances.id, u.id));
      writes++;
    }
    if (writes > 0) generation = await bumpGeneration(tx, "sync");
  });
  return { writes, generation };
}
