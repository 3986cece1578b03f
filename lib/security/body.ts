/**
 * Reading a request body with a ceiling. The request guard (request-guard.ts) refuses a body whose
 * Content-Length is too large before any route runs; a body sent without a length (chunked) is counted here
 * while it streams, and reading stops at the ceiling instead of buffering whatever the sender keeps sending.
 */

/** Next's default `serverActions.bodySizeLimit`: a body above it makes Next throw (a 500). */
export const SERVER_ACTION_BODY_LIMIT = 1024 * 1024;
/** Route handlers (sign-in, checkout, sync, studio sync) take small JSON or form bodies; 64 KB is generous. */
export const ROUTE_BODY_LIMIT = 64 * 1024;

export type BodyFailure = { ok: false; reason: "too-large" | "unreadable" };

/** The one answer to a body over its ceiling: the request guard's, and every route's that reads one. */
export const BODY_TOO_LARGE = { status: 413, error: "body-too-large", message: "That request is too large." } as const;

/** Reads a request's body as JSON, with its ceiling (`readJsonBody`), when the handler is ready for it. */
export type JsonBodyReader = () => Promise<{ ok: true; value: unknown } | BodyFailure>;
export type BodyRead = { ok: true; text: string } | BodyFailure;

/** The body's bytes, or why not: more than `maxBytes` (declared or sent), or a stream that broke. */
export async function readBodyBytes(
  request: Request,
  maxBytes = ROUTE_BODY_LIMIT,
): Promise<{ ok: true; bytes: Buffer } | BodyFailure> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (!Number.isFinite(declared) || declared > maxBytes) return { ok: false, reason: "too-large" };
  if (!request.body) return { ok: true, bytes: Buffer.alloc(0) };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        // Not awaited: on a clone (a tee), cancelling one branch settles only once the other is cancelled too.
        void reader.cancel().catch(() => undefined);
        return { ok: false, reason: "too-large" };
      }
      chunks.push(value);
    }
  } catch {
    return { ok: false, reason: "unreadable" };
  }
  return { ok: true, bytes: Buffer.concat(chunks) };
}

/** The body as UTF-8 text; bytes that are not UTF-8 make it unreadable. */
export async function readBodyText(request: Request, maxBytes = ROUTE_BODY_LIMIT): Promise<BodyRead> {
  const read = await readBodyBytes(request, maxBytes);
  if (!read.ok) return read;
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(read.bytes) };
  } catch {
    return { ok: false, reason: "unreadable" };
  }
}

/** The body parsed as JSON: `undefined` when empty, `{ ok: false }` when too large or not JSON. */
export async function readJsonBody(
  request: Request,
  maxBytes = ROUTE_BODY_LIMIT,
): Promise<{ ok: true; value: unknown } | BodyFailure> {
  const read = await readBodyText(request, maxBytes);
  if (!read.ok) return read;
  if (!read.text.trim()) return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(read.text) as unknown };
  } catch {
    return { ok: false, reason: "unreadable" };
  }
}
