import { count, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import { schema, type StoreDb, type StoreTx } from "@/lib/db";
import { SlugLedger } from "./kept-slugs";

/**
 * Events kept from a Spektrix client the site no longer uses (ADR 0017). Switching the studio's connection to
 * another client parks every event of the old one: kept with everything editors gave it, hidden from the public
 * site, left alone by the sync (so its mass-vanish guard does not take the switch for a broken feed), until an
 * editor removes them or the connection returns to that client and its feed has them again.
 */

const { events, performances, venues } = schema;

/**
 * In the transaction that switches the client from `from` to `to`: every event not already kept is kept as
 * `from`'s, and the events kept from `to` (the site used it before) are its own again, listed at once, with the
 * slugs they gave up while kept back where a kept event holds them or nothing does (lib/sync/kept-slugs.ts).
 * Venues not yet stamped with a client are `from`'s (each run stamps the venues its feed lists).
 */
export async function switchParkedEvents(db: StoreDb | StoreTx, change: { from: string; to: string }): Promise<void> {
  const now = new Date();
  await db.update(events).set({ parkedFrom: change.from, updatedAt: now }).where(isNull(events.parkedFrom));
  const back = await db
    .update(events)
    .set({ parkedFrom: null, updatedAt: now })
    .where(eq(events.parkedFrom, change.to))
    .returning({ id: events.id, yieldedSlug: events.yieldedSlug });
  if (back.some((e) => e.yieldedSlug !== null)) await reclaimSlugs(db, now);
  // Venues no run has named a client for (stored before it was recorded) are the one the site leaves.
  await db.update(venues).set({ client: change.from, updatedAt: now }).where(isNull(venues.client));
}

/** The events listed again take back the slugs they gave up while kept; the kept events holding them move aside. */
async function reclaimSlugs(db: StoreDb | StoreTx, now: Date): Promise<void> {
  const all = await db
    .select({ id: events.id, slug: events.slug, keptFrom: events.parkedFrom, yieldedSlug: events.yieldedSlug })
    .from(events)
    .orderBy(events.id);
  const ledger = new SlugLedger(all);
  // Only the client in use's events are listed now: every other is kept.
  for (const e of all) if (e.keptFrom === null && e.yieldedSlug !== null) ledger.reclaim(e);
  for (const m of ledger.moves) {
    await db
      .update(events)
      .set({ slug: m.slug, yieldedSlug: m.yieldedSlug, updatedAt: now })
      .where(eq(events.id, m.id));
  }
}

/** How many events are kept from each previous client. */
export async function parkedEvents(db: StoreDb): Promise<{ client: string; events: number }[]> {
  const rows = await db
    .select({ client: events.parkedFrom, events: count() })
    .from(events)
    .where(isNotNull(events.parkedFrom))
    .groupBy(events.parkedFrom);
  return rows.map((r) => ({ client: r.client!, events: r.events })).sort((a, b) => a.client.localeCompare(b.client));
}

/** An editor's decision: deletes the events kept from `client`, with their performances. */
export async function removeParkedEvents(db: StoreDb, client: string): Promise<number> {
  return db.transaction(async (tx) => {
    const kept = await tx.select({ id: events.id }).from(events).where(eq(events.parkedFrom, client));
    const ids = kept.map((e) => e.id);
    if (!ids.length) return 0;
    await tx.delete(performances).where(inArray(performances.eventId, ids));
    await tx.delete(events).where(inArray(events.id, ids));
    return ids.length;
  });
}
