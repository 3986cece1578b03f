/**
 * Reading a request body with a ceiling. The request guard (request-guard.ts) refuses a body whose
 * Content-Length is too large before any route runs; a body sent without a length (chunked) is counted here
 * while it streams, and reading stops at the ceiling instead of buffering whatever the sender keeps sending.
 */
import { ROUTE_BODY_LIMIT } from "./request-guard";

export type BodyRead = { ok: true; text: string } | { ok: false; reason: "too-large" | "unreadable" };

export async function readBodyText(request: Request, maxBytes = ROUTE_BODY_LIMIT): Promise<BodyRead> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (!Number.isFinite(declared) || declared > maxBytes) return { ok: false, reason: "too-large" };
  if (!request.body) return { ok: true, text: "" };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return { ok: false, reason: "too-large" };
      }
      chunks.push(value);
    }
  } catch {
    return { ok: false, reason: "unreadable" };
  }
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks)) };
  } catch {
    return { ok: false, reason: "unreadable" };
  }
}

/** The body parsed as JSON: `undefined` when empty, `{ ok: false }` when too large or not JSON. */
export async function readJsonBody(
  request: Request,
  maxBytes = ROUTE_BODY_LIMIT,
): Promise<{ ok: true; value: unknown } | { ok: false; reason: "too-large" | "unreadable" }> {
  const read = await readBodyText(request, maxBytes);
  if (!read.ok) return read;
  if (!read.text.trim()) return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(read.text) as unknown };
  } catch {
    return { ok: false, reason: "unreadable" };
  }
}
