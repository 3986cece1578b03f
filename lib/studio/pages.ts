import { and, asc, eq, isNotNull, ne, or, sql } from "drizzle-orm";
import { getDb, schema, type StoreDb } from "@/lib/db";
import { hashRecord } from "@/lib/sync/hash";
import { blockSchema, parsePage, type Block, type PageInput } from "./blocks";
import type { FieldErrors } from "./forms";

/** Pages built from blocks: storage. Callers (server actions) have already checked the editor. */

export interface PageRow {
  id: number;
  slug: string;
  title: string;
  seoTitle: string | null;
  seoDescription: string | null;
  draftBlocks: Block[];
  publishedBlocks: Block[] | null;
  /** As published; `slug` is absent on pages published before the address was part of the snapshot. */
  publishedMeta: { title: string; seoTitle: string | null; seoDescription: string | null; slug?: string } | null;
  publishedAt: Date | null;
  updatedAt: Date;
  updatedBy: string | null;
  /**
   * What the draft says, as a short hash: the editor sends back the one it opened, and a save or publish from a
   * stale tab is refused instead of silently replacing someone else's draft. Publishing does not change it.
   */
  draftVersion: string;
  /** Where visitors find the page (null when unpublished): a new slug in the draft moves it only when published. */
  publishedSlug: string | null;
  /** Whether the draft differs from what visitors see. */
  unpublishedChanges: boolean;
}

async function db(database?: StoreDb) {
  return database ?? (await getDb());
}

/** Stored blocks are re-validated on read; a block that no longer validates is dropped, not rendered raw. */
function readBlocks(value: unknown): Block[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((b) => {
    const r = blockSchema.safeParse(b);
    return r.success ? [r.data] : [];
  });
}

const versionOf = (page: {
  slug: string;
  title: string;
  seoTitle: string | null;
  seoDescription: string | null;
  blocks: Block[];
}) => hashRecord(page).slice(0, 16);

function toRow(r: typeof schema.pages.$inferSelect): PageRow {
  const draftBlocks = readBlocks(r.draftBlocks);
  const publishedBlocks = r.publishedBlocks === null ? null : readBlocks(r.publishedBlocks);
  const publishedMeta = (r.publishedMeta as PageRow["publishedMeta"]) ?? null;
  const { slug, title, seoTitle, seoDescription } = r;
  const draftVersion = versionOf({ slug, title, seoTitle, seoDescription, blocks: draftBlocks });
  const publishedSlug = r.publishedAt && publishedMeta ? (publishedMeta.slug ?? slug) : null;
  return {
    ...r,
    draftBlocks,
    publishedBlocks,
    publishedMeta,
    draftVersion,
    publishedSlug,
    unpublishedChanges:
      publishedSlug !== null &&
      versionOf({
        slug: publishedSlug,
        title: publishedMeta!.title,
        seoTitle: publishedMeta!.seoTitle,
        seoDescription: publishedMeta!.seoDescription,
        blocks: publishedBlocks ?? [],
      }) !== draftVersion,
  };
}

// The address visitors use: the published snapshot's, or (published before it held one) the page's own.
const publishedSlugSql = sql<string>`coalesce(${schema.pages.publishedMeta}->>'slug', ${schema.pages.slug})`;

export async function listPages(database?: StoreDb): Promise<PageRow[]> {
  const rows = await (await db(database)).select().from(schema.pages);
  // In the order of the addresses the studio's list shows: where visitors find each page.
  const address = (p: PageRow) => p.publishedSlug ?? p.slug;
  return rows.map(toRow).sort((a, b) => address(a).localeCompare(address(b)));
}

export async function getPage(id: number, database?: StoreDb): Promise<PageRow | null> {
  const [row] = await (await db(database)).select().from(schema.pages).where(eq(schema.pages.id, id)).limit(1);
  return row ? toRow(row) : null;
}

/** Someone saved the page after the editor opened it: who, when, and the version a deliberate overwrite sends. */
export interface DraftConflict {
  by: string | null;
  at: Date;
  draftVersion: string;
}

export type PageWriteResult =
  | { ok: true; id: number; slug: string; draftVersion: string }
  | { ok: false; fieldErrors: FieldErrors; conflict?: undefined }
  | { ok: false; conflict: DraftConflict; fieldErrors?: undefined };

const conflictOf = (page: PageRow): DraftConflict => ({
  by: page.updatedBy,
  at: page.updatedAt,
  draftVersion: page.draftVersion,
});

function columns(page: PageInput, by: string) {
  return {
    slug: page.slug,
    title: page.title,
    seoTitle: page.seoTitle,
    seoDescription: page.seoDescription,
    draftBlocks: page.blocks as unknown[],
    updatedAt: new Date(),
    updatedBy: by,
  };
}

/**
 * Creates (id undefined) or updates a page's draft. Invalid input writes nothing; so does an update whose
 * `basedOn` is not the stored draft's version (someone saved since): the answer says who and when. Null: no such
 * page (deleted since the editor opened it), as `publishPage` answers.
 */
export async function savePageDraft(
  id: number | undefined,
  input: unknown,
  by: string,
  basedOn: string | null,
  database?: StoreDb,
): Promise<PageWriteResult | null> {
  const parsed = parsePage(input);
  if (!parsed.ok) return parsed;
  const d = await db(database);
  // Another page's draft or live address: either would leave two pages wanting one URL.
  const [clash] = await d
    .select({ id: schema.pages.id })
    .from(schema.pages)
    .where(
      and(
        or(
          eq(schema.pages.slug, parsed.page.slug),
          and(isNotNull(schema.pages.publishedAt), eq(publishedSlugSql, parsed.page.slug)),
        ),
        id === undefined ? undefined : ne(schema.pages.id, id),
      ),
    )
    .limit(1);
  if (clash) return { ok: false, fieldErrors: { slug: ["is already used by another page"] } };
  if (id === undefined) {
    const [row] = await d.insert(schema.pages).values(columns(parsed.page, by)).returning();
    return { ok: true, id: row!.id, slug: row!.slug, draftVersion: toRow(row!).draftVersion };
  }
  return d.transaction(async (tx): Promise<PageWriteResult | null> => {
    const [locked] = await tx.select().from(schema.pages).where(eq(schema.pages.id, id)).for("update");
    if (!locked) return null;
    const existing = toRow(locked);
    if (existing.draftVersion !== basedOn) return { ok: false, conflict: conflictOf(existing) };
    // A page published before the snapshot held its address is pinned to it now, before the draft's slug moves.
    const pin =
      existing.publishedMeta && existing.publishedSlug && existing.publishedMeta.slug === undefined
        ? { publishedMeta: { ...existing.publishedMeta, slug: existing.publishedSlug } }
        : {};
    const [row] = await tx
      .update(schema.pages)
      .set({ ...columns(parsed.page, by), ...pin })
      .where(eq(schema.pages.id, id))
      .returning();
    // A published page stays where it is until published again: only the draft's address changed.
    return { ok: true, id, slug: row!.slug, draftVersion: toRow(row!).draftVersion };
  });
}

/**
 * Copies the draft (its address too) to the published snapshot, when the draft is still the one the editor saw
 * (`basedOn`): publishing from a stale tab would put a draft nobody there has read in front of visitors. `movedFrom`
 * is the address the page leaves, when publishing moves it.
 */
export async function publishPage(
  id: number,
  by: string,
  basedOn: string,
  database?: StoreDb,
): Promise<{ ok: true; page: PageRow; movedFrom: string | null } | { ok: false; conflict: DraftConflict } | null> {
  const d = await db(database);
  return d.transaction(async (tx) => {
    const [locked] = await tx.select().from(schema.pages).where(eq(schema.pages.id, id)).for("update");
    if (!locked) return null;
    const page = toRow(locked);
    if (page.draftVersion !== basedOn) return { ok: false as const, conflict: conflictOf(page) };
    const now = new Date();
    const [row] = await tx
      .update(schema.pages)
      .set({
        publishedBlocks: page.draftBlocks as unknown[],
        publishedMeta: {
          title: page.title,
          seoTitle: page.seoTitle,
          seoDescription: page.seoDescription,
          slug: page.slug,
        },
        publishedAt: now,
        updatedAt: now,
        updatedBy: by,
      })
      .where(eq(schema.pages.id, id))
      .returning();
    const movedFrom = page.publishedSlug !== null && page.publishedSlug !== page.slug ? page.publishedSlug : null;
    return { ok: true as const, page: toRow(row!), movedFrom };
  });
}

export async function unpublishPage(id: number, by: string, database?: StoreDb): Promise<PageRow | null> {
  const d = await db(database);
  const page = await getPage(id, d);
  if (!page) return null;
  await d
    .update(schema.pages)
    .set({ publishedBlocks: null, publishedMeta: null, publishedAt: null, updatedAt: new Date(), updatedBy: by })
    .where(eq(schema.pages.id, id));
  return page;
}

export async function deletePage(id: number, database?: StoreDb): Promise<PageRow | null> {
  const d = await db(database);
  const page = await getPage(id, d);
  if (!page) return null;
  await d.delete(schema.pages).where(eq(schema.pages.id, id));
  return page;
}

/** Every published page's slug and when it was published: what /info/{slug} can answer, and the sitemap lists. */
export async function publishedPages(database?: StoreDb): Promise<Array<{ slug: string; publishedAt: Date }>> {
  const rows = await (
    await db(database)
  )
    .select({ slug: publishedSlugSql, publishedAt: schema.pages.publishedAt })
    .from(schema.pages)
    .where(isNotNull(schema.pages.publishedAt))
    .orderBy(asc(publishedSlugSql));
  return rows.map((r) => ({ slug: r.slug, publishedAt: r.publishedAt! }));
}

/** What visitors see at /info/{slug}: the published snapshot, or null. */
export async function publishedPage(slug: string, database?: StoreDb) {
  const [row] = await (
    await db(database)
  )
    .select()
    .from(schema.pages)
    .where(and(isNotNull(schema.pages.publishedAt), eq(publishedSlugSql, slug)))
    .limit(1);
  const page = row ? toRow(row) : null;
  if (!page || !page.publishedBlocks || !page.publishedMeta) return null;
  const { title, seoTitle, seoDescription } = page.publishedMeta;
  return { slug, title, seoTitle, seoDescription, blocks: page.publishedBlocks, publishedAt: page.publishedAt };
}
