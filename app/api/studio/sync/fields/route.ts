import { editorRoute } from "@/lib/studio/guard";
import { spektrixFieldCatalogue } from "@/lib/studio/spektrix";
import { errorResponse } from "@/lib/http/errors";

/**
 * `GET /api/studio/sync/fields`: the Spektrix fields and attributes (with an example value each) that the
 * sync-settings pickers offer. Editors only; read with the owner credentials, which stay on this server.
 * Fetched by the browser after the form shows, so a slow or unreachable Spektrix never holds the form back.
 */
export const dynamic = "force-dynamic";

export const GET = editorRoute(async () => {
  const result = await spektrixFieldCatalogue();
  if (!result.ok) return errorResponse(502, "upstream", result.message);
  return Response.json(result.catalogue, { headers: { "Cache-Control": "private, max-age=30", Vary: "Cookie" } });
});
