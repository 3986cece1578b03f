import { randomBytes } from "node:crypto";
import { errorResponse } from "@/lib/http/errors";
import { isWebModeCheckUrl } from "@/lib/spektrix/urls";
import { editorRoute } from "@/lib/studio/guard";
import { webCheckPage } from "@/lib/studio/web-check";

/**
 * `GET /studio/web-check?target=…`: the page the Connection form frames to ask a candidate Spektrix address from
 * the editor's browser (lib/studio/web-check.ts). Editors only; the target must be a web-mode basket address.
 * Outside /api on purpose: API answers carry `default-src 'none'`, which would block the page's one script.
 */
export const dynamic = "force-dynamic";

export const GET = editorRoute(async (request) => {
  const target = new URL(request.url).searchParams.get("target") ?? "";
  if (!isWebModeCheckUrl(target))
    return errorResponse(400, "bad-request", "target must be a Spektrix web-mode address");
  const { html, policy } = webCheckPage(target, randomBytes(16).toString("base64"));
  return new Response(html, {
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": policy,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "no-referrer",
    },
  });
});
