/**
 * The door every member checkout route handler goes through, in this order, each check before anything costlier
 * or more revealing:
 *   1. a signed-in session (the customer comes from it, never from the body)   401
 *   2. a same-origin request: another site must not act with the member's cookie  403
 *   3. the rate limit, keyed by the customer (addresses can be forged)          429
 *   4. the body, read only now (at most 64 KB) and parsed by the route's schema  413 / 400
 * A route's own rules (whose basket, which address) come after, in its own module.
 */
import { BODY_TOO_LARGE, type JsonBodyReader } from "@/lib/security/body";
import { z } from "zod";
import { attempt, type RateLimiter } from "@/lib/rate-limit";
import type { SiteSession } from "@/lib/auth/session";
import { isSameOrigin } from "@/lib/security/origin";
import { errorBody, type ErrorBody } from "@/lib/http/errors";
import { isOpaqueId } from "@/lib/spektrix/ids";

/** A basket or address id as the browser may send one: Spektrix's opaque ids (lib/spektrix/ids), never a path. */
export const opaqueIdField = (what: string) => z.string().refine(isOpaqueId, `not ${what}`);
export const basketIdField = opaqueIdField("a basket id");

/** Reads the request body; the route passes it so nobody without a session makes the server read a body. */
export type BodyReader = JsonBodyReader;

export interface MemberRequestInput {
  session: SiteSession;
  /** The request's `Origin` header (null when absent). */
  origin: string | null;
  /** `Sec-Fetch-Site`, used only when a browser sent no Origin. */
  fetchSite?: string | null;
  /** The parsed value (tests), or a reader called only once the checks before it have passed. */
  body: unknown | BodyReader;
}

export interface MemberRequestDeps {
  limiter: RateLimiter;
  /** This site's public origin, from config (`SITE_URL`). */
  siteUrl: string;
  log?: (event: string, fields?: Record<string, unknown>) => void;
}

export type AdmissionReason = "unauthenticated" | "cross-origin" | "rate-limited" | "invalid-body" | "body-too-large";

/** A refusal in the shape lib/http/errors `resultResponse` answers with. */
export interface MemberRequestFailure<Reason extends string = string> {
  status: number;
  body: ErrorBody & { error: Reason };
  retryAfterSeconds?: number;
}

export function refuse<Reason extends string>(
  status: number,
  error: Reason,
  message: string,
  extra: { retryAfterSeconds?: number } = {},
): MemberRequestFailure<Reason> {
  return { status, body: { ...errorBody(error, message), error }, ...extra };
}

/** What the route says when a check fails; each route words it for what the member was doing. */
export interface AdmissionCopy {
  unauthenticated: string;
  rateLimited: string;
  /** Logged as `${logEvent} refused` with the reason. */
  logEvent: string;
}

export async function admitMemberRequest<S extends z.ZodType>(
  input: MemberRequestInput,
  deps: MemberRequestDeps,
  schema: S,
  copy: AdmissionCopy,
): Promise<
  { ok: true; customerId: string; body: z.output<S> } | { ok: false; failure: MemberRequestFailure<AdmissionReason> }
> {
  const log = deps.log ?? (() => undefined);
  const no = (failure: MemberRequestFailure<AdmissionReason>) => ({ ok: false as const, failure });

  const customerId = input.session?.customerId;
  if (!customerId) return no(refuse(401, "unauthenticated", copy.unauthenticated));

  if (!isSameOrigin({ origin: input.origin, fetchSite: input.fetchSite ?? null, siteUrl: deps.siteUrl })) {
    log(`${copy.logEvent} refused`, { reason: "cross-origin" });
    return no(refuse(403, "cross-origin", "This request didn’t come from our website."));
  }

  const limit = await attempt(deps.limiter, customerId);
  if (!limit.allowed) {
    log(`${copy.logEvent} refused`, { reason: "rate-limited" });
    return no(refuse(429, "rate-limited", copy.rateLimited, { retryAfterSeconds: limit.retryAfterSeconds }));
  }

  const read =
    typeof input.body === "function" ? await (input.body as BodyReader)() : { ok: true as const, value: input.body };
  if (!read.ok && read.reason === "too-large")
    return no(refuse(BODY_TOO_LARGE.status, BODY_TOO_LARGE.error, BODY_TOO_LARGE.message));
  const parsed = schema.safeParse(read.ok ? read.value : undefined);
  if (!parsed.success)
    return no(refuse(400, "invalid-body", "We couldn’t read that request. Please reload the page and try again."));
  return { ok: true, customerId, body: parsed.data };
}
