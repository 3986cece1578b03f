/**
 * The one request guard: what every request must satisfy before any route, page or server action sees it.
 * `proxy.ts` runs it (its matcher sends here every request it could refuse); it is a plain function so
 * tests/security/request-guard.test.ts can drive it without Next.
 *
 * - every path segment must be valid percent-encoding: Next decodes dynamic segments itself and, on a
 *   malformed one (`/events/%E0%A4%A`), answers a bare-text 500 without the security headers;
 * - a server action must come from this site: Next refuses a foreign or `null` Origin by throwing, which
 *   reaches the visitor as a 500;
 * - a body is refused by its declared size before anything reads it (server actions: Next's own 1 MB limit,
 *   which it enforces by throwing; everything else: far more than any form or JSON call of the site sends).
 *   A body sent without a length is capped while it is read (`readJsonBody` in lib/security/body.ts).
 *
 * A refusal is the project's one error body, `{ error, message }`, as JSON with `Cache-Control: no-store`
 * (a browser opening a page gets the same message as a short page); next.config.mjs adds the security headers
 * to it as to every response.
 */
import { escapeHtml } from "@/lib/html/escape";
import { routes } from "@/lib/routes";
import { BODY_TOO_LARGE, readBodyBytes, ROUTE_BODY_LIMIT, SERVER_ACTION_BODY_LIMIT } from "./body";
import { apiContentSecurityPolicy } from "./headers.mjs";
import { boundActionDecodes, formParts, replyDecodes, textParts, type ReplyParts } from "./action-reply";

export type Refusal = { status: 400 | 403 | 413 | 415; error: string; message: string };

const TOO_LARGE: Refusal = BODY_TOO_LARGE;

/** Content types a server action is sent with: `fetch` with encoded arguments, or a form post. */
const ACTION_CONTENT_TYPES = ["text/plain", "multipart/form-data", "application/x-www-form-urlencoded"];

export interface GuardedRequest {
  method: string;
  /** The path as sent, still percent-encoded. */
  rawPathname: string;
  headers: Headers;
}

/** True when every segment of a raw path decodes (what Next will do to dynamic segments). */
export function isWellEncodedPath(rawPathname: string): boolean {
  for (const segment of rawPathname.split("/")) {
    if (!segment.includes("%")) continue;
    try {
      decodeURIComponent(segment);
    } catch {
      return false;
    }
  }
  return true;
}

/**
 * Whether an action's Origin names this host, the comparison Next makes (Origin's host against
 * `X-Forwarded-Host`, else `Host`); absent Origin is left to Next, which accepts it (same-origin form posts
 * from old browsers).
 */
function actionOriginAllowed(headers: Headers): boolean {
  const origin = headers.get("origin");
  if (origin === null || origin === "") return true;
  if (origin === "null") return false;
  const host = (headers.get("x-forwarded-host") ?? headers.get("host") ?? "").split(",")[0]!.trim().toLowerCase();
  try {
    return new URL(origin).host.toLowerCase() === host;
  } catch {
    return false;
  }
}

function declaredLength(headers: Headers): number | null {
  const value = headers.get("content-length");
  if (value === null) return null;
  const n = Number(value);
  return Number.isSafeInteger(n) && n >= 0 ? n : Number.POSITIVE_INFINITY;
}

export function guardRequest(request: GuardedRequest): Refusal | null {
  if (!isWellEncodedPath(request.rawPathname)) {
    return { status: 400, error: "bad-encoding", message: "That address is not valid. Please check the link." };
  }
  const method = request.method.toUpperCase();
  if (method === "GET" || method === "HEAD" || method === "OPTIONS") return null;

  const length = declaredLength(request.headers);
  const isAction = request.headers.has("next-action");
  const type = contentTypeOf(request.headers);
  // A form posted to a page without JavaScript is a server action too, and Next checks its Origin the same way.
  const isFormPost = method === "POST" && type === "multipart/form-data" && !isApiPath(request.rawPathname);
  if ((isAction || isFormPost) && !actionOriginAllowed(request.headers)) {
    return { status: 403, error: "cross-origin", message: "This request didn’t come from our website." };
  }
  if (isAction) {
    if (!ACTION_CONTENT_TYPES.includes(type)) {
      return {
        status: 415,
        error: "unsupported-body",
        message: "This form could not be read. Please reload the page and try again.",
      };
    }
  }
  const limit = isAction ? SERVER_ACTION_BODY_LIMIT : ROUTE_BODY_LIMIT;
  if (length !== null && length > limit) return TOO_LARGE;
  return null;
}

/** A request's media type, lower case, without parameters. */
function contentTypeOf(headers: Headers): string {
  return (headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
}

/**
 * A server action's body (and any multipart POST to a page) must be one Next can decode: arguments sent by `fetch`
 * (as JSON text or as a multipart form) that React's reply decoder can read (lib/security/action-reply.ts), or a
 * complete multipart form whose bound action, if it names one, decodes, all within Next's 1 MB. Next decodes it
 * before the action runs and throws (a 500) on anything else, and on a longer body sent without a length (chunked),
 * which the declared-size check cannot see. Read from a clone, so the action still receives the body.
 */
export async function guardActionBody(request: Request): Promise<Refusal | null> {
  const type = contentTypeOf(request.headers);
  // A multipart POST to a page is decoded by Next as a possible no-JavaScript form action, header or not.
  const isPagePost = request.method.toUpperCase() === "POST" && !isApiPath(new URL(request.url).pathname);
  if (!request.headers.has("next-action") && !(isPagePost && type === "multipart/form-data")) return null;
  const unreadable: Refusal = {
    status: 400,
    error: "bad-body",
    message: "This form could not be read. Please reload the page and try again.",
  };
  const read = await readBodyBytes(request.clone(), SERVER_ACTION_BODY_LIMIT);
  if (!read.ok) return read.reason === "too-large" ? TOO_LARGE : unreadable;
  try {
    if (type === "text/plain") {
      const text = new TextDecoder("utf-8", { fatal: true }).decode(read.bytes);
      return argumentsDecode(textParts(text)) ? null : unreadable;
    }
    const form = await new Response(new Uint8Array(read.bytes), {
      headers: { "content-type": request.headers.get("content-type")! },
    }).formData();
    if (request.headers.has("next-action")) return argumentsDecode(formParts(form, "")) ? null : unreadable;
    return boundFormsDecode(form) ? null : unreadable;
  } catch {
    return unreadable;
  }
}

/** A call's arguments: an array at the root, and a reply that decodes. */
function argumentsDecode(parts: ReplyParts): boolean {
  return replyDecodes(parts, Array.isArray);
}

/** A no-JavaScript form: each bound action it names (`$ACTION_REF_n`) has metadata and bound values that decode. */
function boundFormsDecode(form: FormData): boolean {
  for (const key of form.keys()) {
    const ref = /^\$ACTION_REF_(.*)$/.exec(key);
    if (ref && !boundActionDecodes(formParts(form, `$ACTION_${ref[1]}:`))) return false;
  }
  return true;
}

/** A refusal as the response the visitor gets. */
export function refusalResponse(
  refusal: Refusal,
  asked?: { method: string; accept: string | null; pathname: string },
): Response {
  if (asked && wantsPage(asked)) return refusalPage(refusal);
  return Response.json(
    { error: refusal.error, message: refusal.message },
    // A refusal is data: nothing in it may load. next.config.mjs replaces this policy where it sets one; the
    // payment form's address is where it does not (ADR 0018).
    {
      status: refusal.status,
      headers: { "Cache-Control": "no-store", "Content-Security-Policy": apiContentSecurityPolicy() },
    },
  );
}

/** A browser opening a page (not the API, not a form post) asked for HTML: a person will read the refusal. */
function wantsPage({ method, accept, pathname }: { method: string; accept: string | null; pathname: string }) {
  return (method === "GET" || method === "HEAD") && /text\/html/i.test(accept ?? "") && !isApiPath(pathname);
}

/** The route handlers' section: answered as data, never as a page. */
function isApiPath(pathname: string): boolean {
  return pathname.startsWith("/api/");
}

/**
 * The refusal as a short page with a way back to the site: a mistyped or mangled link should read as one, not
 * as a JSON error. The same status and message; it loads nothing (next.config.mjs gives it the pages' policy, as
 * to every response but the payment form's), and the message is escaped though it is the guard's own text.
 */
function refusalPage(refusal: Refusal): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>Address not valid</title></head><body><main><h1>Sorry, we can’t open that address</h1><p>${escapeHtml(refusal.message)}</p><p><a href="${routes.home}">Go to the home page</a> or <a href="${routes.whatsOn}">see what’s on</a>.</p></main></body></html>`;
  return new Response(html, {
    status: refusal.status,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
      "Content-Security-Policy": apiContentSecurityPolicy(),
    },
  });
}
