"use server";

import { revalidateTag } from "next/cache";
import { tags } from "@/lib/cache/tags";
import { isRowId } from "@/lib/db/ids";
import { FORBIDDEN, parseJsonField, type ActionResult } from "../forms";
import { asEditor } from "../guard";
import { deletePage, publishPage, savePageDraft, unpublishPage } from "../pages";

// Past int4's range an id would reach the database and throw; it is simply unknown.
const validId = isRowId;

function revalidatePage(slug: string) {
  revalidateTag(tags.page(slug), { expire: 0 });
  revalidateTag(tags.publishedPages, { expire: 0 });
}

/** Saves a page's draft (creates it when `pageId` is null). The payload is the page form as JSON. */
export async function savePageAction(pageId: number | null, pageJson: string): Promise<ActionResult<{ id: number }>> {
  return asEditor(async (editor) => {
    if (pageId !== null && !validId(pageId)) return { ok: false, message: "Unknown page." };
    const json = parseJsonField(pageJson, "page");
    if (!json.ok) return { ok: false, message: "The page could not be read.", fieldErrors: json.errors };
    const result = await savePageDraft(pageId ?? undefined, json.value, editor.email);
    if (!result.ok)
      return { ok: false, message: "Nothing was saved: some fields need attention.", fieldErrors: result.fieldErrors };
    if (result.previousSlug) revalidatePage(result.previousSlug);
    return { ok: true, message: "Draft saved.", data: { id: result.id } };
  }, FORBIDDEN);
}

/** Publishes the saved draft and revalidates the page's tag, so visitors see it on their next request. */
export async function publishPageAction(pageId: number): Promise<ActionResult> {
  return asEditor(async (editor) => {
    if (!validId(pageId)) return { ok: false, message: "Unknown page." };
    const page = await publishPage(pageId, editor.email);
    if (!page) return { ok: false, message: "Unknown page." };
    revalidatePage(page.slug);
    return { ok: true, message: `Published at /info/${page.slug}.` };
  }, FORBIDDEN);
}

export async function unpublishPageAction(pageId: number): Promise<ActionResult> {
  return asEditor(async (editor) => {
    if (!validId(pageId)) return { ok: false, message: "Unknown page." };
    const page = await unpublishPage(pageId, editor.email);
    if (!page) return { ok: false, message: "Unknown page." };
    revalidatePage(page.slug);
    return { ok: true, message: "Unpublished: visitors now get 'not found'." };
  }, FORBIDDEN);
}

export async function deletePageAction(pageId: number): Promise<ActionResult> {
  return asEditor(async () => {
    if (!validId(pageId)) return { ok: false, message: "Unknown page." };
    const page = await deletePage(pageId);
    if (!page) return { ok: false, message: "Unknown page." };
    revalidatePage(page.slug);
    return { ok: true, message: "Page deleted." };
  }, FORBIDDEN);
}
