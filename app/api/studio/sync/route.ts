import { z } from "zod";
import { env } from "@/lib/config";
import { isSameOrigin } from "@/lib/security/origin";
import { isSpektrixId } from "@/lib/spektrix";
import { editorRoute } from "@/lib/studio/guard";
import { runSiteSync } from "@/lib/sync/server";
import type { SyncProgress } from "@/lib/sync/engine";
import { bodyRefusal, errorBody, errorResponse } from "@/lib/http/errors";
import { readJsonBody } from "@/lib/security/body";

/**
 * "Sync now" with progress: `POST /api/studio/sync` runs a sync and streams NDJSON lines — `{progress}` while it
 * fetches and applies, then `{summary}`. Editors only, same-origin only.
 */
export const dynamic = "force-dynamic";

const bodySchema = z
  .object({ eventId: z.string().refine(isSpektrixId).optional(), force: z.boolean().optional() })
  .strict();

export const POST = editorRoute<unknown>(async (request) => {
  // Compared with SITE_URL, not request.url: behind a proxy (or `next start` on 0.0.0.0) the server's idea of
  // its own URL need not be the origin the browser used.
  if (
    !isSameOrigin({
      origin: request.headers.get("origin"),
      fetchSite: request.headers.get("sec-fetch-site"),
      siteUrl: env().SITE_URL,
    })
  ) {
    return errorResponse(403, "cross-origin", "Start a sync from the studio itself.");
  }
  const read = await readJsonBody(request);
  if (!read.ok) return bodyRefusal(read);
  const parsed = bodySchema.safeParse(read.value === undefined ? {} : read.value);
  if (!parsed.success) return errorResponse(400, "bad-request", "Send {} or { eventId, force }.");

  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: unknown) => controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
      try {
        const summary = await runSiteSync({
          trigger: "studio",
          eventId: parsed.data.eventId,
          force: parsed.data.force,
          // No per-tag revalidation here: Next applies a route handler's revalidateTag calls once, when the
          // handler returns, and this run goes on inside the streamed body after that, so they would be lost
          // while the engine announced the new store generation as handled. Without them the generation stays
          // unannounced and every cache derived from the store starts over on its next read (ADR 0008), which
          // is what a sync run outside the site does. A studio run is rare; being right matters more.
          revalidate: null,
          onProgress: (progress: SyncProgress) => send({ progress }),
        });
        send({ summary });
      } catch (error) {
        // The same shape as an error answer, as one line of the stream.
        send(errorBody("sync-failed", error instanceof Error ? error.message : "The sync failed."));
      } finally {
        controller.close();
      }
    },
  });
  return new Response(stream, {
    headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store" },
  });
});
