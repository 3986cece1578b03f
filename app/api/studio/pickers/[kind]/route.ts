import { editorRoute } from "@/lib/studio/guard";
import { isPickerKind, PICKER_MAX_QUERY } from "@/lib/studio/picker-core";
import { markUnshownEvents } from "@/lib/studio/events";
import { explainForEditor, pickedRecordExists, searchPicker } from "@/lib/studio/spektrix";
import { errorResponse } from "@/lib/http/errors";

/**
 * The picker proxy: `GET /api/studio/pickers/{kind}?q=` searches Spektrix live with the owner credentials,
 * which stay on this server; `?id=` says whether a picked record still exists. Editors only. Results are
 * cached in memory for a minute (lib/studio/spektrix) and privately in the browser for 30 s.
 */
export const dynamic = "force-dynamic";

export const GET = editorRoute<{ params: Promise<{ kind: string }> }>(async (request, { params }) => {
  const { kind } = await params;
  if (!isPickerKind(kind)) return errorResponse(404, "unknown-kind", "No picker of that kind.");
  const url = new URL(request.url);
  const id = url.searchParams.get("id");
  const q = (url.searchParams.get("q") ?? "").slice(0, PICKER_MAX_QUERY);
  const headers = { "Cache-Control": "private, max-age=30", Vary: "Cookie" };
  try {
    if (id !== null) {
      if (id.length > 80) return errorResponse(400, "bad-id", "Not an id.");
      return Response.json(await pickedRecordExists(kind, id), { headers });
    }
    const items = await searchPicker(kind, q);
    return Response.json({ items: kind === "event" ? await markUnshownEvents(items) : items }, { headers });
  } catch (error) {
    return errorResponse(502, "upstream", explainForEditor(error, "this search"));
  }
});
