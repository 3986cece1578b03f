import type { Metadata } from "next";
import { PageEditor } from "@/components/studio/page-editor-client";
import { requireEditorPage } from "@/lib/studio/guard";
import { editorOptions } from "@/lib/studio/page-editor-options";
import { routes } from "@/lib/routes";

export const metadata: Metadata = { title: "New page" };
export const dynamic = "force-dynamic";

export default async function NewPagePage() {
  await requireEditorPage(routes.studio.newPage);
  return (
    <div className="grid grid-cols-1 gap-6">
      <h1 className="text-4xl font-semibold">New page</h1>
      <PageEditor
        pageId={null}
        initial={{ slug: "", title: "", seoTitle: "", seoDescription: "", blocks: [] }}
        options={editorOptions()}
        published={null}
        version={null}
      />
    </div>
  );
}
