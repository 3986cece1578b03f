import { count, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import { schema, type StoreDb, type StoreTx } from "@/lib/db";
import { keptSlug, naturalSlugOfKept, uniqueSlug } from "./mapping";

/**
 * Events kept from a Spektrix client the site no longer uses (ADR 0017). Switching the studio's connection to
 * another client parks every event of the old one: kept with everything editors gave it, hidden from the public
 * site, left alone by the sync (so its mass-vanish guard does not take the switch for a broken feed), until an
 * editor removes them or the connection returns to that client and its feed has them again.
 */

const { events, performances } = schema;

/**
 * In the transaction that switches the client from `from` to `to`: every event not already kept is kept as
 * `from`'s, and the events kept from `to` (the site used it before) are its own again, listed at once.
 */
export async function switchParkedEvents(db: StoreDb | StoreTx, change: { from: string; to: string }): Promise<void> {
  const now = new Date();
  await db.update(events).set({ parkedFrom: change.from, updatedAt: now }).where(isNull(events.parkedFrom));
  const back = await db
    .update(events)
    .set({ parkedFrom: null, updatedAt: now })
    .where(eq(events.parkedFrom, change.to))
    .returning({ id: events.id, slug: events.slug });
  await reclaimSlugs(db, back, change);
}

/**
 * Events listed again take back the slugs they gave up while kept (`keptSlug`), from the events just kept, which
 * move to kept slugs of their own. A slug held by anything else stays where it is.
 */
async function reclaimSlugs(
  db: StoreDb | StoreTx,
  back: { id: number; slug: string }[],
  change: { from: string; to: string },
): Promise<void> {
  const wanting = back.flatMap((e) => {
    const natural = naturalSlugOfKept(e.slug, change.to);
    return natural ? [{ ...e, natural }] : [];
  });
  if (!wanting.length) return;
  const all = await db.select({ id: events.id, slug: events.slug, parkedFrom: events.parkedFrom }).from(events);
  const taken = new Set(all.map((e) => e.slug));
  const holders = new Map(all.map((e) => [e.slug, e]));
  const now = new Date();
  for (const e of wanting) {
    const holder = holders.get(e.natural);
    if (holder && holder.parkedFrom !== change.from) continue;
    if (holder) {
      const moved = uniqueSlug(keptSlug(e.natural, change.from), taken);
      await db.update(events).set({ slug: moved, updatedAt: now }).where(eq(events.id, holder.id));
    }
    await db.update(events).set({ slug: e.natural, updatedAt: now }).where(eq(events.id, e.id));
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
