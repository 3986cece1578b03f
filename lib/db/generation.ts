import { desc, eq, sql } from "drizzle-orm";
import { storeGenerations } from "./schema";
import type { StoreDb, StoreTx } from "./index";

/**
 * The store's generation (docs/adr/0008-caches-follow-the-store.md): a chain of random tokens, one per change.
 * A change the site's cache was told about exactly (a sync through the site, which revalidated the tags of what
 * it changed) is `announced`; any other (a sync outside the site, a migration, the store's creation) is not, and
 * a cache that last saw a token from before it, or a token this store never had (a restore, another database),
 * must start over. `cache-handler.mjs` does that check; this module is its database side.
 */

/** Tokens read per check: more than any run of announced syncs a cache entry outlives (entries live ≤ 1 h). */
const CHAIN_LIMIT = 500;
/** Rows older than this go when a new one is written; a cache that old has expired by time anyway. */
const KEEP_DAYS = 30;

export type GenerationReason = "created" | "migration" | "sync" | (string & {});

/** Records a change to the store, not yet announced to any cache; call it in the transaction that makes it. */
export async function bumpGeneration(db: StoreDb | StoreTx, reason: GenerationReason): Promise<string> {
  const [row] = await db
    .insert(storeGenerations)
    .values({ reason })
    .returning({ id: storeGenerations.id, token: storeGenerations.token });
  await db.execute(
    sql`delete from ${storeGenerations} where ${storeGenerations.id} < ${row!.id} and ${storeGenerations.createdAt} < now() - make_interval(days => ${KEEP_DAYS})`,
  );
  return row!.token;
}

/** The site's cache was told exactly what changed in this generation (its tags were revalidated). */
export async function announceGeneration(db: StoreDb, token: string): Promise<void> {
  await db.update(storeGenerations).set({ announced: true }).where(eq(storeGenerations.token, token));
}

export interface GenerationChain {
  /** The store's current token. */
  newest: string;
  /**
   * Tokens a cache may have last seen and still be right: the newest unannounced one and every announced one after
   * it, newest first. A cache that last saw anything else (or nothing) is out of date.
   */
  valid: string[];
}

export async function readGenerationChain(db: StoreDb): Promise<GenerationChain> {
  const rows = await db
    .select({ token: storeGenerations.token })
    .from(storeGenerations)
    .where(
      sql`${storeGenerations.id} >= coalesce((select max(id) from ${storeGenerations} where not ${storeGenerations.announced}), 0)`,
    )
    .orderBy(desc(storeGenerations.id))
    .limit(CHAIN_LIMIT);
  const valid = rows.map((r) => r.token);
  return { newest: valid[0] ?? "", valid };
}
