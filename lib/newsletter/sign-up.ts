/**
 * `POST /api/newsletter`, as a plain function: the route gathers the headers and a body reader, this decides.
 * Tests call it directly.
 *
 * The checks run in this order, each before anything costlier or more revealing:
 *   1. a same-origin request                                                   403
 *   2. the rate limit, per client address                                      429
 *   3. the body, read only now and at most 64 KB                               413 / 400
 *   4. the honeypot: a field people never see; filled → the success answer, and nothing is written
 *   5. the form token: signed start time, at least MIN_FILL_MS old             400
 *   6. the fields: e-mail, optional names, at least one statement              400 with `problems`
 *   7. the statements are among Spektrix's current ones                        400 (503 if the list can't be read)
 *   8. the customer, looked up by e-mail in owner mode: existing → their consent is added to (names never
 *      changed); new → created with the statements. Both give the same answer, so the form cannot be used
 *      to learn whether an address is on the venue's books.
 *
 * Spektrix failures answer 502/503 with a friendly message; bad input never reaches Spektrix. Nothing is logged
 * but outcome codes: never the e-mail address, names or customer id.
 */
import { z } from "zod";
import { SpektrixHttpError, SpektrixNetworkError, SpektrixTimeoutError, type Statement } from "@/lib/spektrix";
import { attempt, type RateLimiter } from "@/lib/rate-limit";
import { isSameOrigin } from "@/lib/security/origin";
import { errorBody, type ErrorBody } from "@/lib/http/errors";
import { checkFormToken } from "./form-token";
import { BODY_TOO_LARGE, type JsonBodyReader } from "@/lib/security/body";
import { personName } from "@/lib/text/plain-text";

/** The field a person never sees (visually hidden, skipped by keyboard and screen readers); bots fill it. */
export const HONEYPOT_FIELD = "website";

const MAX_STATEMENTS = 20;

/** A name goes to Spektrix, and from there to the box office's screens and the venue's e-mails: plain text only. */
const optionalName = (label: string) =>
  personName(100, label)
    .optional()
    .transform((v) => v || undefined);

export const signUpSchema = z.object({
  email: z
    .string({ error: "Enter your e-mail address" })
    .trim()
    .min(1, { message: "Enter your e-mail address" })
    .max(254, { message: "That e-mail address is too long" })
    .pipe(z.email({ message: "Enter an e-mail address like name@example.com" })),
  firstName: optionalName("First name"),
  lastName: optionalName("Last name"),
  statements: z
    .array(z.string().max(100), { error: "Choose what you'd like to hear about" })
    .max(MAX_STATEMENTS, { message: "Too many choices" })
    .min(1, { message: "Tick at least one option" })
    .transform((ids) => [...new Set(ids)]),
});
export type SignUpFields = z.output<typeof signUpSchema>;

/** The envelope: the fields above plus the form token and the honeypot, nothing else. */
const envelopeSchema = z
  .object({
    token: z.string().max(2048).optional(),
    [HONEYPOT_FIELD]: z.string().max(1000).optional(),
    email: z.unknown(),
    firstName: z.unknown(),
    lastName: z.unknown(),
    statements: z.unknown(),
  })
  .strict();

export type BodyReader = JsonBodyReader;

export interface SignUpInput {
  /** The request's `Origin` header (null when absent). */
  origin: string | null;
  /** `Sec-Fetch-Site`, used only when a browser sent no Origin. */
  fetchSite?: string | null;
  /** The client address (lib/security/client-ip), the rate limit's key. */
  ip: string;
  /** Called only after the origin and limit checks. */
  body: BodyReader;
}

/** The owner-mode calls this needs (lib/spektrix's owner client satisfies it). */
export interface SignUpSpektrix {
  findCustomerByEmail(email: string): Promise<{ id: string } | null>;
  createCustomer(customer: {
    email: string;
    firstName: string;
    lastName: string;
    agreedStatementIds: readonly string[];
  }): Promise<{ id: string }>;
  addAgreedStatements(customerId: string, statementIds: readonly string[]): Promise<unknown>;
}

export interface SignUpDeps {
  spektrix: SignUpSpektrix;
  /** Spektrix's current statements (cached briefly); `ok: false` when they cannot be read. */
  statements: () => Promise<{ ok: true; items: Statement[] } | { ok: false }>;
  limiter: RateLimiter;
  /** This site's public origin, from config (`SITE_URL`). */
  siteUrl: string;
  /** The secret the form token is signed with (`AUTH_SECRET`). */
  secret: string;
  now?: () => Date;
  log?: (event: string, fields?: Record<string, unknown>) => void;
}

export type SignUpReason =
  | "cross-origin"
  | "rate-limited"
  | "body-too-large"
  | "invalid-body"
  | "form-expired"
  | "too-fast"
  | "invalid-fields"
  | "unknown-statement"
  | "upstream-unavailable"
  | "upstream-error";

export const SIGNED_UP_MESSAGE =
  "Thank you! Your contact preferences are saved. You can change them at any time by contacting the box office.";

export type SignUpResult =
  | { status: 200; body: { ok: true; message: string } }
  | { status: number; body: ErrorBody & { error: SignUpReason }; retryAfterSeconds?: number };

const fail = (
  status: number,
  error: SignUpReason,
  message: string,
  extra: { retryAfterSeconds?: number; problems?: string[] } = {},
): SignUpResult => ({
  status,
  body: { ...errorBody(error, message, extra.problems), error },
  ...(extra.retryAfterSeconds ? { retryAfterSeconds: extra.retryAfterSeconds } : {}),
});

const signedUp = (): SignUpResult => ({ status: 200, body: { ok: true, message: SIGNED_UP_MESSAGE } });

/** `field: message` per problem, the first per field (the form shows one message under each field). */
function problemsOf(error: z.ZodError): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    if (seen.has(field)) continue;
    seen.add(field);
    out.push(`${field}: ${issue.message}`);
  }
  return out;
}

export async function handleNewsletterSignUp(input: SignUpInput, deps: SignUpDeps): Promise<SignUpResult> {
  const log = deps.log ?? (() => undefined);
  const now = deps.now ?? (() => new Date());

  // 1. Only our own pages may post here: another site must not sign its visitors up to the venue's lists.
  if (!isSameOrigin({ origin: input.origin, fetchSite: input.fetchSite ?? null, siteUrl: deps.siteUrl })) {
    log("newsletter refused", { reason: "cross-origin" });
    return fail(403, "cross-origin", "This request didn’t come from our website.");
  }

  // 2. Per address, before the body is read or Spektrix asked: every attempt counts, good or bad.
  const limit = await attempt(deps.limiter, input.ip);
  if (!limit.allowed) {
    log("newsletter refused", { reason: "rate-limited" });
    return fail(
      429,
      "rate-limited",
      "Too many sign-ups from your connection. Please wait a few minutes and try again.",
      {
        retryAfterSeconds: limit.retryAfterSeconds,
      },
    );
  }

  // 3. The body, only now.
  const read = await input.body();
  if (!read.ok && read.reason === "too-large")
    return fail(BODY_TOO_LARGE.status, BODY_TOO_LARGE.error, BODY_TOO_LARGE.message);
  const envelope = envelopeSchema.safeParse(read.ok ? read.value : undefined);
  if (!envelope.success)
    return fail(400, "invalid-body", "We couldn’t read that sign-up. Please reload the page and try again.");

  // 4. Only a script fills a field nobody can see. It gets the answer a person gets, so it learns nothing.
  if (envelope.data[HONEYPOT_FIELD]?.trim()) {
    log("newsletter refused", { reason: "honeypot" });
    return signedUp();
  }

  // 5. When the form was shown, as this server signed it.
  const token = checkFormToken(envelope.data.token, deps.secret, now());
  if (token === "too-fast") {
    log("newsletter refused", { reason: "too-fast" });
    return fail(400, "too-fast", "That was quick! Please check your details and send the form again.");
  }
  if (token !== "ok") {
    log("newsletter refused", { reason: `token-${token}` });
    return fail(400, "form-expired", "This form has expired. Please reload the page and try again.");
  }

  // 6. The fields, with a message per field for the form to show beside it.
  const fields = signUpSchema.safeParse(envelope.data);
  if (!fields.success)
    return fail(400, "invalid-fields", "Please check the highlighted fields.", { problems: problemsOf(fields.error) });
  const { email, firstName, lastName, statements } = fields.data;

  try {
    // 7. Only statements Spektrix has now: an old page or a forged post cannot record consent to anything else.
    const current = await deps.statements();
    if (!current.ok) {
      log("newsletter upstream failure", { reason: "statements-unavailable" });
      return unavailable();
    }
    const known = new Set(current.items.map((s) => s.id));
    if (statements.some((id) => !known.has(id))) {
      log("newsletter refused", { reason: "unknown-statement" });
      return fail(400, "unknown-statement", "One of those options is no longer offered. Please reload the page.", {
        problems: ["statements: One of those options is no longer offered"],
      });
    }

    // 8. Existing customers only gain consent; their record is otherwise left as the box office keeps it.
    const outcome = await saveConsent(deps.spektrix, { email, firstName, lastName, statements });
    log("newsletter signed up", { outcome, statements: statements.length });
    return signedUp();
  } catch (error) {
    const reason = upstreamReason(error);
    log("newsletter upstream failure", { reason });
    return reason === "unavailable" ? unavailable() : fail(502, "upstream-error", UPSTREAM_MESSAGE);
  }
}

const UPSTREAM_MESSAGE = "We couldn’t save your sign-up just now. Please try again in a few minutes.";
const unavailable = () => fail(503, "upstream-unavailable", UPSTREAM_MESSAGE);

async function saveConsent(
  spektrix: SignUpSpektrix,
  fields: SignUpFields,
): Promise<"added-to-existing" | "created" | "added-after-race"> {
  const existing = await spektrix.findCustomerByEmail(fields.email);
  if (existing) {
    await spektrix.addAgreedStatements(existing.id, fields.statements);
    return "added-to-existing";
  }
  try {
    await spektrix.createCustomer({
      email: fields.email,
      firstName: fields.firstName ?? "",
      lastName: fields.lastName ?? "",
      agreedStatementIds: fields.statements,
    });
    return "created";
  } catch (error) {
    // Two sign-ups for one address at once: the other created the customer after our look-up. Add to theirs.
    if (!(error instanceof SpektrixHttpError && error.status === 400 && /duplicate/i.test(error.spektrixMessage)))
      throw error;
    const created = await spektrix.findCustomerByEmail(fields.email);
    if (!created) throw error;
    await spektrix.addAgreedStatements(created.id, fields.statements);
    return "added-after-race";
  }
}

/** Spektrix down, slow or busy (try again soon) versus answering something we did not expect. */
function upstreamReason(error: unknown): "unavailable" | "error" {
  if (error instanceof SpektrixTimeoutError || error instanceof SpektrixNetworkError) return "unavailable";
  if (error instanceof SpektrixHttpError && (error.status === 429 || error.status >= 500)) return "unavailable";
  return "error";
}
