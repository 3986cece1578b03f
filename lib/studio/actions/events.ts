"use server";

import { revalidateTag } from "next/cache";
import { tags } from "@/lib/cache/tags";
import { isRowId } from "@/lib/db/ids";
import { removeKeptEvents, setEventHidden, setPerformanceHidden, updateEvent } from "../events";
import { basedOnOf, FORBIDDEN, formObject, NOT_A_FORM, type ActionResult } from "../forms";
import { asEditor } from "../guard";
import { countOf } from "@/lib/text/count";

function revalidateEvent(sourceId: string) {
  revalidateTag(tags.event(sourceId), { expire: 0 });
  revalidateTag(tags.listings, { expire: 0 });
}

/**
 * Saves the fields of an event the editor changed since the form opened (checkboxes absent from the form mean
 * "off"); the form says how it began in `BASED_ON_FIELD`.
 */
export async function updateEventAction(
  eventId: number,
  _prev: ActionResult<{ hidden: boolean }> | undefined,
  form: FormData,
): Promise<ActionResult<{ hidden: boolean }>> {
  return asEditor(async () => {
    if (!isRowId(eventId)) return { ok: false, message: "Unknown event." };
    const sent = formObject(form);
    if (!sent) return NOT_A_FORM;
    const basedOn = basedOnOf(sent);
    if (!basedOn) return NOT_A_FORM;
    const result = await updateEvent(eventId, { sent, basedOn });
    if (!result.ok)
      return {
        ok: false,
        message: result.message ?? "Nothing was saved: some fields need attention.",
        fieldErrors: result.fieldErrors,
        stale: result.stale,
      };
    if (result.changed.length) revalidateEvent(result.sourceId);
    return {
      ok: true,
      savedAs: result.savedAs,
      data: { hidden: result.hidden },
      message: result.changed.length
        ? `Saved (${countOf(result.changed.length, "field")} changed).`
        : "No changes to save.",
    };
  }, FORBIDDEN);
}

export async function setEventHiddenAction(eventId: number, hidden: boolean): Promise<ActionResult> {
  return asEditor(async () => {
    if (!isRowId(eventId) || typeof hidden !== "boolean") return { ok: false, message: "Unknown event." };
    const sourceId = await setEventHidden(eventId, hidden);
    if (!sourceId) return { ok: false, message: "Unknown event." };
    revalidateEvent(sourceId);
    return { ok: true, message: hidden ? "Hidden from the site." : "Shown on the site." };
  }, FORBIDDEN);
}

/** Shows or hides one performance of an event on the public site. */
export async function setPerformanceHiddenAction(
  eventId: number,
  performanceId: number,
  hidden: boolean,
): Promise<ActionResult> {
  return asEditor(async () => {
    if (!isRowId(eventId) || !isRowId(performanceId) || typeof hidden !== "boolean")
      return { ok: false, message: "Unknown performance." };
    const sourceId = await setPerformanceHidden(eventId, performanceId, hidden);
    if (!sourceId) return { ok: false, message: "Unknown performance." };
    revalidateEvent(sourceId);
    return { ok: true, message: hidden ? "Performance hidden from the site." : "Performance shown on the site." };
  }, FORBIDDEN);
}

/** Deletes the events kept from a previous Spektrix client, with their performances. */
export async function removeKeptEventsAction(client: unknown): Promise<ActionResult> {
  return asEditor(async () => {
    if (typeof client !== "string" || client.length === 0 || client.length > 64)
      return { ok: false, message: "Unknown client." };
    const removed = await removeKeptEvents(client);
    if (removed === "in-use")
      return { ok: false, message: `The site uses ${client} now: its events come back with the next sync.` };
    // They were hidden already; the slugs they held are free for new events.
    revalidateTag(tags.slugs, { expire: 0 });
    return {
      ok: true,
      message: removed ? `Removed ${countOf(removed, "event")} kept from ${client}.` : "Nothing to remove.",
    };
  }, FORBIDDEN);
}
