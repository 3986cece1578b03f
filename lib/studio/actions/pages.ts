"use server";

import { revalidateTag } from "next/cache";
import { tags } from "@/lib/cache/tags";
import { isRowId } from "@/lib/db/ids";
import { FORBIDDEN, parseJsonField, type ActionResult } from "../forms";
import { asEditor } from "../guard";
import { siteInfo } from "@/lib/site";
import { formatWhen } from "../format";
import { deletePage, publishPage, savePageDraft, unpublishPage, type DraftConflict } from "../pages";

// Past int4's range an id would reach the database and throw; it is simply unknown.
const validId = isRowId;

/** After a change visitors see at /info/{slug}: the page's own entry and the list of published pages. */
function revalidatePage(slug: string) {
  revalidateTag(tags.page(slug), { expire: 0 });
  revalidateTag(tags.publishedPages, { expire: 0 });
}

const isVersion = (v: unknown): v is string => typeof v === "string" && /^[0-9a-f]{16}$/.test(v);

/**
 * The answer to a save or publish from a tab opened before someone else changed the page. Only a save may offer to
 * replace theirs (`conflict`): a tab refused a publish has nothing of its own to put back.
 */
function refusedAsStale(conflict: DraftConflict, what: string, offerReplace: boolean): ActionResult<never> {
  const who = conflict.by ? `${conflict.by} changed` : "Someone changed";
  return {
    ok: false,
    message: `${who} this page at ${formatWhen(conflict.at, siteInfo().timeZone)}, after you opened it. ${what}`,
    ...(offerReplace ? { conflict: { version: conflict.draftVersion } } : {}),
  };
}

/**
 * Saves a page's draft (creates it when `pageId` is null). The payload is the page form as JSON; `basedOn` is the
 * draft version the editor opened (or the one a conflict answered with, to overwrite deliberately).
 */
export async function savePageAction(
  pageId: number | null,
  pageJson: string,
  basedOn: string | null,
): Promise<ActionResult<{ id: number; version: string }>> {
  return asEditor(async (editor) => {
    if (pageId !== null && !validId(pageId)) return { ok: false, message: "Unknown page." };
    if (pageId !== null && !isVersion(basedOn)) return { ok: false, message: "Reload the page, then save again." };
    const json = parseJsonField(pageJson, "page");
    if (!json.ok) return { ok: false, message: "The page could not be read.", fieldErrors: json.errors };
    const result = await savePageDraft(pageId ?? undefined, json.value, editor.email, basedOn);
    if (!result)
      return {
        ok: false,
        message: "This page was deleted after you opened it, so nothing was saved. Copy anything you need from here.",
      };
    if (!result.ok && result.conflict)
      return refusedAsStale(result.conflict, "Nothing was saved, and your changes are still here.", true);
    if (!result.ok)
      return { ok: false, message: "Nothing was saved: some fields need attention.", fieldErrors: result.fieldErrors };
    return { ok: true, message: "Draft saved.", data: { id: result.id, version: result.draftVersion } };
  }, FORBIDDEN);
}

/**
 * Publishes the saved draft, if it is still the version the editor opened (`basedOn`), and revalidates the page's
 * tag, so visitors see it on their next request.
 */
export async function publishPageAction(pageId: number, basedOn: string): Promise<ActionResult> {
  return asEditor(async (editor) => {
    if (!validId(pageId)) return { ok: false, message: "Unknown page." };
    if (!isVersion(basedOn)) return { ok: false, message: "Reload the page, then publish again." };
    const published = await publishPage(pageId, editor.email, basedOn);
    if (!published) return { ok: false, message: "Nothing was published: this page no longer exists." };
    if (!published.ok)
      return refusedAsStale(
        published.conflict,
        "Nothing was published: reload this page to read their draft first.",
        false,
      );
    const { page, movedFrom } = published;
    revalidatePage(page.slug);
    if (movedFrom) revalidatePage(movedFrom);
    return {
      ok: true,
      message: movedFrom
        ? `Published at /info/${page.slug}. The old address, /info/${movedFrom}, now answers “not found”.`
        : `Published at /info/${page.slug}.`,
    };
  }, FORBIDDEN);
}

export async function unpublishPageAction(pageId: number): Promise<ActionResult> {
  return asEditor(async (editor) => {
    if (!validId(pageId)) return { ok: false, message: "Unknown page." };
    const page = await unpublishPage(pageId, editor.email);
    if (!page) return { ok: false, message: "Unknown page." };
    if (page.publishedSlug) revalidatePage(page.publishedSlug);
    return { ok: true, message: "Unpublished: visitors now get 'not found'." };
  }, FORBIDDEN);
}

export async function deletePageAction(pageId: number): Promise<ActionResult> {
  return asEditor(async () => {
    if (!validId(pageId)) return { ok: false, message: "Unknown page." };
    const page = await deletePage(pageId);
    if (!page) return { ok: false, message: "Unknown page." };
    if (page.publishedSlug) revalidatePage(page.publishedSlug);
    return { ok: true, message: "Page deleted." };
  }, FORBIDDEN);
}
