import { revalidateTag } from "next/cache";
import { z } from "zod";
import { env } from "@/lib/config";
import { bearerToken, secretMatches } from "@/lib/sync/secret";
import { runSiteSync } from "@/lib/sync/server";
import { bodyRefusal, errorResponse } from "@/lib/http/errors";
import { readJsonBody } from "@/lib/security/body";
import { isSpektrixId } from "@/lib/spektrix";

/**
 * POST /api/sync — runs a sync for schedulers (cron, platform schedulers, a Kubernetes CronJob), the CLI and
 * the demo schedule. `Authorization: Bearer $SYNC_SECRET`. Body (optional): `{ "eventId": "…", "force": true, "rebasedStarts": true }`.
 * Answers the run summary: 200 done, 401 wrong secret, 409 already running, 422 aborted by a guard, 502 failed.
 */
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const bodySchema = z
  .object({
    // The one rule for a Spektrix id: a looser one let "ZZZZ" through to fail inside the run, recorded as a failure.
    eventId: z.string().trim().refine(isSpektrixId, "must be a Spektrix event id").optional(),
    force: z.boolean().optional(),
    /** The catalogue was re-dated as a whole (a copied test system): changed starts are not moves (ADR 0014). */
    rebasedStarts: z.boolean().optional(),
  })
  .strict();

const triggerSchema = z.enum(["api", "cli", "schedule", "studio"]).catch("api");

const STATUS = { succeeded: 200, "already-running": 409, aborted: 422, failed: 502, running: 500 } as const;

export async function POST(request: Request): Promise<Response> {
  if (!secretMatches(bearerToken(request.headers.get("authorization")), env().SYNC_SECRET)) {
    return errorResponse(401, "unauthorized", "Send Authorization: Bearer $SYNC_SECRET.", {
      headers: { "WWW-Authenticate": "Bearer" },
    });
  }
  const read = await readJsonBody(request);
  if (!read.ok) return bodyRefusal(read);
  const body = bodySchema.safeParse(read.value === undefined ? {} : read.value);
  if (!body.success) {
    return errorResponse(400, "bad-request", "Send {} or { eventId, force }.", {
      problems: body.error.issues.map((i) => `${i.path.join(".") || "body"} ${i.message}`),
    });
  }
  const summary = await runSiteSync({
    trigger: triggerSchema.parse(request.headers.get("x-sync-trigger") ?? "api"),
    eventId: body.data.eventId,
    force: body.data.force,
    rebasedStarts: body.data.rebasedStarts,
    // Stale content is never served after a sync: a cancelled show must not linger for one more visit.
    revalidate: (tag) => revalidateTag(tag, { expire: 0 }),
  });
  return Response.json(summary, { status: STATUS[summary.status], headers: { "Cache-Control": "no-store" } });
}
