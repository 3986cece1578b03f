"use server";

import { revalidateTag } from "next/cache";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { isSpektrixId } from "@/lib/spektrix";
import { runSiteSync } from "@/lib/sync/server";
import { missingSettingsSections, saveSyncSettings } from "@/lib/sync/settings";
import { tags } from "@/lib/cache/tags";
import { FORBIDDEN, parseJsonField, type ActionResult } from "../forms";
import { formatWhen } from "../format";
import { asEditor } from "../guard";
import { siteInfo } from "@/lib/site";
import { previewSettingsOnEvent, type PreviewResult } from "../sync";

/**
 * Saves a new sync-settings version; invalid input saves nothing and returns an error per field path. `basedOn` is
 * the version the editor opened (or the one a refusal named, to replace it deliberately).
 */
export async function saveSyncSettingsAction(
  settingsJson: string,
  basedOn: number,
): Promise<ActionResult<{ version: number }>> {
  return asEditor(async (editor) => {
    if (!Number.isSafeInteger(basedOn) || basedOn < 0)
      return { ok: false, message: "Reload the page, then save again." };
    const json = parseJsonField(settingsJson, "settings");
    if (!json.ok) return { ok: false, message: "The settings could not be read.", fieldErrors: json.errors };
    const missing = missingSettingsSections(json.value);
    if (missing)
      return { ok: false, message: "Nothing was saved: the settings form was incomplete.", fieldErrors: missing };
    const result = await saveSyncSettings(await getDb(), json.value, { savedBy: editor.email, basedOn });
    if (!result.ok && result.conflict) {
      const { version, savedBy, savedAt } = result.conflict;
      return {
        ok: false,
        message: `Version ${version} was saved${savedBy ? ` by ${savedBy}` : ""} at ${formatWhen(savedAt, siteInfo().timeZone)}, after you opened this page. Nothing was saved, and your changes are still here.`,
        conflict: { version: String(version) },
      };
    }
    if (!result.ok)
      return { ok: false, message: "Nothing was saved: some settings need attention.", fieldErrors: result.errors };
    if (result.unchanged)
      return {
        ok: true,
        message: `No changes to save: version ${result.version} stays in force.`,
        data: { version: result.version },
      };
    revalidateTag(tags.syncSettings, { expire: 0 });
    return {
      ok: true,
      message: `Saved as version ${result.version}. The next sync applies it.`,
      data: { version: result.version },
    };
  }, FORBIDDEN);
}

const eventIdSchema = z.string().refine(isSpektrixId, { message: "choose an event from the list" });

export async function previewSyncSettingsAction(settingsJson: string, eventId: string): Promise<PreviewResult> {
  return asEditor(
    async () => {
      const id = eventIdSchema.safeParse(eventId);
      if (!id.success)
        return {
          ok: false,
          message: "Choose an event to preview on.",
          fieldErrors: { previewEvent: [id.error.issues[0]!.message] },
        };
      const json = parseJsonField(settingsJson, "settings");
      if (!json.ok) return { ok: false, message: "The settings could not be read.", fieldErrors: json.errors };
      return previewSettingsOnEvent(json.value, id.data);
    },
    { ok: false, message: FORBIDDEN.message } as PreviewResult,
  );
}

/** Syncs one event now (from its studio page). The full run streams progress through /api/studio/sync. */
export async function syncOneEventAction(eventSourceId: string): Promise<ActionResult> {
  return asEditor(async () => {
    const id = eventIdSchema.safeParse(eventSourceId);
    if (!id.success) return { ok: false, message: "Not a Spektrix event id." };
    const summary = await runSiteSync({
      trigger: "studio",
      eventId: id.data,
      revalidate: (tag) => revalidateTag(tag, { expire: 0 }),
    });
    if (summary.status === "already-running")
      return { ok: false, message: "A sync is already running; try again when it finishes." };
    if (summary.status !== "succeeded")
      return { ok: false, message: summary.abortReason ?? summary.errors[0] ?? `The sync ${summary.status}.` };
    const c = summary.counts;
    return {
      ok: true,
      message: `Synced: ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged, ${c.missing} missing.`,
    };
  }, FORBIDDEN);
}
