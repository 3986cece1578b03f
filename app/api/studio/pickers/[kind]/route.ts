import { editorRoute } from "@/lib/studio/guard";
import { isPickerKind, PICKER_MAX_QUERY } from "@/lib/studio/picker-core";
import { explainForEditor, pickedRecordExists, searchPicker } from "@/lib/studio/spektrix";

/**
 * The picker proxy: `GET /api/studio/pickers/{kind}?q=` searches Spektrix live with the owner credentials,
 * which stay on this server; `?id=` says whether a picked record still exists. Editors only. Results are
 * cached in memory for a minute (lib/studio/spektrix) and privately in the browser for 30 s.
 */
export const dynamic = "force-dynamic";

export const GET = editorRoute<{ params: Promise<{ kind: string }> }>(async (request, { params }) => {
  const { kind } = await params;
  if (!isPickerKind(kind)) return Response.json({ error: "unknown-kind", message: "No picker of that kind." }, { status: 404 });
  const url = new URL(request.url);
  const id = url.searchParams.get("id");
  const q = (url.searchParams.get("q") ?? "").slice(0, PICKER_MAX_QUERY);
  const headers = { "Cache-Control": "private, max-age=30", Vary: "Cookie" };
  try {
    if (id !== null) {
      if (id.length > 80) return Response.json({ error: "bad-id", message: "Not an id." }, { status: 400 });
      return Response.json(await pickedRecordExists(kind, id), { headers });
    }
    return Response.json({ items: await searchPicker(kind, q) }, { headers });
  } catch (error) {
    return Response.json({ error: "upstream", message: explainForEditor(error, "this search") }, { status: 502, headers: { "Cache-Control": "no-store" } });
  }
});
