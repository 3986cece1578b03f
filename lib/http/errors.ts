/**
 * The one shape of an error answer from any route handler of this site:
 *
 *   { "error": "kebab-case-code", "message": "A sentence a person can read.", "problems"?: ["field what is wrong"] }
 *
 * `error` is for code (clients switch on it), `message` for people (clients may show it as is), `problems` only
 * for validation failures that name fields. Never put input back into a message: it may be an attack string.
 */
import { BODY_TOO_LARGE, type BodyFailure } from "@/lib/security/body";

export interface ErrorBody {
  error: string;
  message: string;
  problems?: string[];
}

export function errorBody(error: string, message: string, problems?: string[]): ErrorBody {
  return problems?.length ? { error, message, problems } : { error, message };
}

/** A JSON error answer. Not cacheable unless the caller says otherwise (an error must not stick in a CDN). */
export function errorResponse(
  status: number,
  error: string,
  message: string,
  init: { headers?: HeadersInit; problems?: string[] } = {},
): Response {
  const headers = new Headers(init.headers);
  if (!headers.has("Cache-Control")) headers.set("Cache-Control", "no-store");
  return Response.json(errorBody(error, message, init.problems), { status, headers });
}

/** A JSON body the route could not read (lib/security/body): 413 when over its ceiling, 400 when not JSON. */
export function bodyRefusal(failure: BodyFailure): Response {
  return failure.reason === "too-large"
    ? errorResponse(BODY_TOO_LARGE.status, BODY_TOO_LARGE.error, BODY_TOO_LARGE.message)
    : errorResponse(400, "bad-json", "The body must be JSON.");
}

/**
 * The answer for a handler result of the shape lib/checkout returns: the body as JSON when it is not an error,
 * else the one error shape, with `Retry-After` when the result names a wait. Never cached either way.
 */
export function resultResponse(result: { status: number; body: object; retryAfterSeconds?: number }): Response {
  const body = result.body as Partial<ErrorBody>;
  if (typeof body.error !== "string" || typeof body.message !== "string") {
    return Response.json(result.body, { status: result.status, headers: { "Cache-Control": "no-store" } });
  }
  const headers = result.retryAfterSeconds ? { "Retry-After": String(result.retryAfterSeconds) } : undefined;
  return errorResponse(result.status, body.error, body.message, { headers, problems: body.problems });
}
