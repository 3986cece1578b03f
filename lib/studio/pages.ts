import { asc, eq, isNotNull } from "drizzle-orm";
import { getDb, schema, type StoreDb } from "@/lib/db";
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
  publishedMeta: { title: string; seoTitle: string | null; seoDescription: string | null } | null;
  publishedAt: Date | null;
  updatedAt: Date;
  updatedBy: string | null;
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

function toRow(r: typeof schema.pages.$inferSelect): PageRow {
  return {
    ...r,
    draftBlocks: readBlocks(r.draftBlocks),
    publishedBlocks: r.publishedBlocks === null ? null : readBlocks(r.publishedBlocks),
    publishedMeta: (r.publishedMeta as PageRow["publishedMeta"]) ?? null,
  };
}

export async function listPages(database?: StoreDb): Promise<PageRow[]> {
  const rows = await (await db(database)).select().from(schema.pages).orderBy(asc(schema.pages.slug));
  return rows.map(toRow);
}

export async function getPage(id: number, database?: StoreDb): Promise<PageRow | null> {
  const [row] = await (await db(database)).select().from(schema.pages).where(eq(schema.pages.id, id)).limit(1);
  return row ? toRow(row) : null;
}

export async function getPageBySlug(slug: string, database?: StoreDb): Promise<PageRow | null> {
  const [row] = await (await db(database)).select().from(schema.pages).where(eq(schema.pages.slug, slug)).limit(1);
  return row ? toRow(row) : null;
}

export type PageWriteResult =
  { ok: true; id: number; slug: string; previousSlug?: string } | { ok: false; fieldErrors: FieldErrors };

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

/** Creates (id undefined) or updates a page's draft. Invalid input writes nothing. */
export async function savePageDraft(
  id: number | undefined,
  input: unknown,
  by: string,
  database?: StoreDb,
): Promise<PageWriteResult> {
  const parsed = parsePage(input);
  if (!parsed.ok) return parsed;
  const d = await db(database);
  const clash = await getPageBySlug(parsed.page.slug, d);
  if (clash && clash.id !== id) return { ok: false, fieldErrors: { slug: ["is already used by another page"] } };
  if (id === undefined) {
    const [row] = await d.insert(schema.pages).values(columns(parsed.page, by)).returning({ id: schema.pages.id });
    return { ok: true, id: row!.id, slug: parsed.page.slug };
  }
  const existing = await getPage(id, d);
  if (!existing) return { ok: false, fieldErrors: { "(form)": ["This page no longer exists."] } };
  await d.update(schema.pages).set(columns(parsed.page, by)).where(eq(schema.pages.id, id));
  return {
    ok: true,
    id,
    slug: parsed.page.slug,
    previousSlug: existing.slug !== parsed.page.slug ? existing.slug : undefined,
  };
}

/** Copies the draft to the published snapshot. */
export async function publishPage(id: number, by: string, database?: StoreDb): Promise<PageRow | null> {
  const d = await db(database);
  const page = await getPage(id, d);
  if (!page) return null;
  const now = new Date();
  await d
    .update(schema.pages)
    .set({
      publishedBlocks: page.draftBlocks as unknown[],
      publishedMeta: { title: page.title, seoTitle: page.seoTitle, seoDescription: page.seoDescription },
      publishedAt: now,
      updatedAt: now,
      updatedBy: by,
    })
    .where(eq(schema.pages.id, id));
  return getPage(id, d);
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
    .select({ slug: schema.pages.slug, publishedAt: schema.pages.publishedAt })
    .from(schema.pages)
    .where(isNotNull(schema.pages.publishedAt))
    .orderBy(asc(schema.pages.slug));
  return rows.map((r) => ({ slug: r.slug, publishedAt: r.publishedAt! }));
}

/** What visitors see at /info/{slug}: the published snapshot, or null. */
export async function publishedPage(slug: string, database?: StoreDb) {
  const page = await getPageBySlug(slug, database);
  if (!page || !page.publishedBlocks || !page.publishedMeta) return null;
  return { slug: page.slug, ...page.publishedMeta, blocks: page.publishedBlocks, publishedAt: page.publishedAt };
}
