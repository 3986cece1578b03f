/**
 * Typed errors raised by the Spektrix client. Every failure the client can produce is one of these,
 * so route handlers and pages map them once (see `describeSpektrixError`) instead of guessing.
 */

export abstract class SpektrixError extends Error {
  abstract readonly kind: "http" | "timeout" | "network" | "schema" | "invalid-id";
}

export interface SpektrixErrorRequest {
  method: string;
  /** API path below `/{client}/api/v3/`, without the query string (queries can carry e-mail addresses). */
  path: string;
}

/** Spektrix answered with a non-2xx status. */
export class SpektrixHttpError extends SpektrixError {
  readonly kind = "http";
  readonly status: number;
  /** Spektrix's numeric business-rule code (e.g. 11 "needs payment", 18 "membership already held"), when the body has one. */
  readonly code: number | null;
  /** Spektrix's own `message`, as sent (or `HTTP {status}` when the body had none). Not for visitors as is. */
  readonly spektrixMessage: string;
  readonly problems: string[];
  readonly method: string;
  readonly path: string;
  /** Delay Spektrix asked for with `Retry-After`, in milliseconds. */
  readonly retryAfterMs: number | null;

  constructor(init: {
    status: number;
    code: number | null;
    message: string;
    problems: string[];
    request: SpektrixErrorRequest;
    retryAfterMs?: number | null;
  }) {
    super(`Spektrix ${init.request.method} ${init.request.path} failed with ${init.status}: ${init.message}`);
    this.name = "SpektrixHttpError";
    this.status = init.status;
    this.code = init.code;
    this.spektrixMessage = init.message;
    this.problems = init.problems;
    this.method = init.request.method;
    this.path = init.request.path;
    this.retryAfterMs = init.retryAfterMs ?? null;
  }
}

/** The call did not finish within its timeout. */
export class SpektrixTimeoutError extends SpektrixError {
  readonly kind = "timeout";
  readonly method: string;
  readonly path: string;
  readonly timeoutMs: number;

  constructor(request: SpektrixErrorRequest, timeoutMs: number) {
    super(`Spektrix ${request.method} ${request.path} timed out after ${timeoutMs} ms`);
    this.name = "SpektrixTimeoutError";
    this.method = request.method;
    this.path = request.path;
    this.timeoutMs = timeoutMs;
  }
}

/** The request never got an HTTP answer (DNS, refused connection, reset, unreadable body). */
export class SpektrixNetworkError extends SpektrixError {
  readonly kind = "network";
  readonly method: string;
  readonly path: string;

  constructor(request: SpektrixErrorRequest, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`Spektrix ${request.method} ${request.path} failed before a response: ${reason}`, { cause });
    this.name = "SpektrixNetworkError";
    this.method = request.method;
    this.path = request.path;
  }
}

export interface SchemaIssue {
  /** Field path inside the response body, e.g. `[3].priceList.id`. */
  path: string;
  message: string;
  /** The list item the field is in, as a person finds it in Spektrix: `“Tosca” (id 13100AK…)`. */
  record?: string;
}

/** Spektrix answered 2xx but the body is not the shape we rely on. Nothing is returned half-parsed. */
export class SpektrixSchemaError extends SpektrixError {
  readonly kind = "schema";
  /** Which call produced the body, e.g. `GET events`. */
  readonly endpoint: string;
  readonly issues: SchemaIssue[];
  /** Path of the first offending field; convenient for logs. */
  readonly field: string;

  constructor(endpoint: string, issues: SchemaIssue[]) {
    const first = issues[0] ?? { path: "(root)", message: "invalid" };
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : "";
    const where = first.record ? `${first.path}, in ${first.record}` : first.path;
    super(`Spektrix ${endpoint} returned unexpected data at ${where}: ${first.message}${more}`);
    this.name = "SpektrixSchemaError";
    this.endpoint = endpoint;
    this.issues = issues;
    this.field = first.path;
  }
}

/** An id was rejected before any request was made. */
export class SpektrixInvalidIdError extends SpektrixError {
  readonly kind = "invalid-id";
  readonly value: string;
  readonly expected: string;

  constructor(value: unknown, expected: string) {
    super(`Not a valid Spektrix ${expected}: ${JSON.stringify(value)?.slice(0, 80)}`);
    this.name = "SpektrixInvalidIdError";
    this.value = String(value);
    this.expected = expected;
  }
}

export function isSpektrixError(error: unknown): error is SpektrixError {
  return error instanceof SpektrixError;
}

export interface PublicErrorDescription {
  /** HTTP status our own route should answer with. */
  status: number;
  /** Safe to show a visitor: no upstream text, ids or stack traces. */
  message: string;
  /** Stable machine-readable reason for client code and logs. */
  reason: string;
}

const CONFLICT_MESSAGES: Record<number, string> = {
  11: "This basket needs a payment before it can be completed.",
  18: "You already hold this membership.",
};

/** Words that mark a message written for developers, not visitors ("The request is invalid.", a .NET exception). */
const TECHNICAL = /\b(request|exception|object|null|undefined|http|api|json|server|stack)\b/i;

/**
 * Spektrix's reason for refusing a change, when it is a short plain sentence a visitor can read ("The promo
 * code is not valid."): one sentence, under 120 characters, starting with a capital letter, of words and
 * ordinary punctuation only, and no developer's vocabulary. Anything else (ids, JSON, paths, stack text, a bare
 * status) answers null, and the caller says something generic instead.
 */
export function plainSpektrixReason(error: unknown): string | null {
  if (!(error instanceof SpektrixHttpError)) return null;
  const text = error.spektrixMessage.trim().replace(/\s+/g, " ");
  if (text.length < 8 || text.length > 120) return null;
  if (!/^\p{Lu}[\p{L}\p{N} ,'’()-]*[.!]$/u.test(text)) return null;
  if (TECHNICAL.test(text) || /\p{N}{4,}/u.test(text) || /\S{26,}/.test(text)) return null;
  return text;
}

export type GiftVoucherRefusal = "unknown" | "redeemed" | "expired" | "refused";

/**
 * Why Spektrix refused a gift voucher code, or null when the error is not a refusal (timeouts, 5xx): those
 * say nothing about the code. 404 is an unknown code; a 400's message tells used from expired (assumed
 * wording, see README); any other 400/409/422 is a refusal we cannot name.
 */
export function giftVoucherRefusal(error: unknown): GiftVoucherRefusal | null {
  if (!(error instanceof SpektrixHttpError)) return null;
  if (error.status === 404) return "unknown";
  if (error.status !== 400 && error.status !== 409 && error.status !== 422) return null;
  const said = [error.spektrixMessage, ...error.problems].join(" ");
  if (/expired/i.test(said)) return "expired";
  if (/(already|been) (redeemed|used)|redeemed already/i.test(said)) return "redeemed";
  if (/not (found|recogni[sz]ed|valid)|invalid|unknown/i.test(said)) return "unknown";
  return "refused";
}

/** Maps any error (Spektrix or not) to the status and message our site shows. */
export function describeSpektrixError(error: unknown): PublicErrorDescription {
  if (error instanceof SpektrixInvalidIdError) {
    return { status: 404, reason: "invalid-id", message: "We couldn't find that." };
  }
  if (error instanceof SpektrixHttpError) {
    const s = error.status;
    if (s === 404) return { status: 404, reason: "not-found", message: "We couldn't find that." };
    if (s === 401) return { status: 401, reason: "unauthorised", message: "Please sign in and try again." };
    if (s === 409) {
      const known = error.code === null ? undefined : CONFLICT_MESSAGES[error.code];
      return {
        status: 409,
        reason: `conflict${error.code === null ? "" : `-${error.code}`}`,
        message: known ?? "That change conflicts with your basket. Please review it and try again.",
      };
    }
    if (s === 400 || s === 422)
      return {
        status: 400,
        reason: "rejected",
        message: "The box office couldn't accept that request. Please check the details and try again.",
      };
    if (s === 429)
      return {
        status: 503,
        reason: "rate-limited",
        message: "The box office is busy right now. Please try again in a moment.",
      };
    // 403 is Cloudflare blocking us, 5xx is Spektrix itself: either way it is not the visitor's fault.
    return {
      status: 502,
      reason: s === 403 ? "forbidden-upstream" : "upstream-error",
      message: "The box office isn’t responding properly. Please try again shortly.",
    };
  }
  if (error instanceof SpektrixTimeoutError) {
    return {
      status: 504,
      reason: "timeout",
      message: "The box office is taking too long to answer. Please try again.",
    };
  }
  if (error instanceof SpektrixNetworkError) {
    return { status: 502, reason: "network", message: "We couldn't reach the box office. Please try again shortly." };
  }
  if (error instanceof SpektrixSchemaError) {
    return {
      status: 502,
      reason: "bad-upstream-data",
      message: "The box office sent something we couldn't read. Please try again later.",
    };
  }
  return { status: 500, reason: "internal", message: "Something went wrong on our side." };
}
