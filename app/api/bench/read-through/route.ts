/**
 * GET /api/bench/read-through — for `npm run bench` only: what a "what's on" page costs when it reads Spektrix
 * on every request instead of the synced store (the design this site rejects, ADR 0002). It lists the next
 * 14 days' events straight from Spektrix and renders the first 24 as HTML.
 *
 * Answers 404 unless the server was started with BENCH_ROUTES=1, so it never exists on a real site.
 */
import { env } from "@/lib/config";
import { activeConnection } from "@/lib/connection";
import { createCatalogueReader } from "@/lib/spektrix/owner";
import { errorResponse } from "@/lib/http/errors";
import { escapeHtml } from "@/lib/html/escape";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const e = env();
  if (e.BENCH_ROUTES !== "1") return errorResponse(404, "not-found", "Not found.");
  const connection = await activeConnection();
  const client = createCatalogueReader({
    baseUrl: connection.baseUrl,
    clientName: connection.clientName,
    owner: connection.owner,
    retries: 0,
  });
  const now = new Date();
  const events = await client.listEvents({ from: now, to: new Date(now.getTime() + 14 * 86_400_000) });
  const items = events
    .slice(0, 24)
    .map((ev) => `<li>${escapeHtml(ev.name)}</li>`)
    .join("");
  return new Response(
    `<!doctype html><html lang="en"><title>What’s on (read-through)</title><h1>What’s on</h1><ul>${items}</ul></html>`,
    {
      headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
    },
  );
}
