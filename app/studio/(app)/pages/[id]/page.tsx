import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageEditor } from "@/components/studio/page-editor-client";
import { requireEditorPage } from "@/lib/studio/guard";
import { editorOptions } from "@/lib/studio/page-editor-options";
import { getPage } from "@/lib/studio/pages";
import { parseRowId } from "@/lib/db/ids";
import { routes } from "@/lib/routes";

export const metadata: Metadata = { title: "Edit page" };
export const dynamic = "force-dynamic";

export default async function EditPagePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireEditorPage(routes.studio.page(id));
  const pageId = parseRowId(id);
  if (pageId === null) notFound();
  const page = await getPage(pageId);
  if (!page) notFound();
  return (
    <div className="grid grid-cols-1 gap-6">
      <h1 className="text-4xl font-semibold">{page.title}</h1>
      <PageEditor
        pageId={page.id}
        initial={{
          slug: page.slug,
          title: page.title,
          seoTitle: page.seoTitle ?? "",
          seoDescription: page.seoDescription ?? "",
          blocks: page.draftBlocks as never,
        }}
        options={editorOptions()}
        published={
          page.publishedAt && page.publishedSlug
            ? { at: page.publishedAt.toISOString(), slug: page.publishedSlug }
            : null
        }
        version={page.draftVersion}
      />
    </div>
  );
}
