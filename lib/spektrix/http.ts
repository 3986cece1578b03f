/**
 * The one place that talks HTTP to Spektrix: URL building, timeouts, retries, error decoding and schema
 * parsing. Both modes share it; owner mode adds a `sign` hook.
 */
import type * as z from "zod/mini";
import { SpektrixHttpError, SpektrixNetworkError, SpektrixSchemaError, SpektrixTimeoutError } from "./errors";
import { parseResponse } from "./schemas";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
export type QueryValue = string | number | boolean | null | undefined;

export interface RetryPolicy {
  /** Extra attempts after the first, for idempotent GETs only. */
  retries: number;
  /** First backoff ceiling; doubles each attempt ("full jitter": the wait is random below the ceiling). */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A `Retry-After` longer than this is not waited for: the error is raised instead. */
  maxRetryAfterMs: number;
}

export interface TransportOptions {
  /** `https://{custom domain}` (or the emulator); the API lives at `{baseUrl}/{clientName}/api/v3/`. */
  baseUrl: string;
  clientName: string;
  /** Per attempt, including reading the body. */
  timeoutMs?: number;
  retries?: number;
  retryPolicy?: Partial<Omit<RetryPolicy, "retries">>;
  fetch?: typeof fetch;
  /** Web mode sends the Spektrix session cookie; owner mode must not. */
  credentials?: RequestCredentials;
  headers?: Record<string, string>;
  /** Owner mode: returns auth headers for the exact method, URL and body bytes being sent. */
  sign?: (request: { method: HttpMethod; url: string; body: string | undefined }) => Record<string, string>;
  /** Injected in tests for deterministic jitter. */
  random?: () => number;
}

export interface RequestSpec {
  method: HttpMethod;
  /** Path below `/api/v3/`, already validated and encoded, e.g. `instances/123A…/status`. */
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
}

export interface RawResponse {
  status: number;
  data: unknown;
}

export interface Transport {
  readonly apiBase: string;
  buildUrl(path: string, query?: Record<string, QueryValue>): string;
  request(spec: RequestSpec): Promise<RawResponse>;
  /** Request and parse with `schema`; `notFoundAsNull` turns a 404 into `null` for "absent" lookups. */
  call<T extends z.core.$ZodType>(schema: T, spec: RequestSpec): Promise<z.output<T>>;
  callOrNull<T extends z.core.$ZodType>(
    schema: T,
    spec: RequestSpec,
    nullStatuses?: number[],
  ): Promise<z.output<T> | null>;
}

const DEFAULT_POLICY: RetryPolicy = { retries: 2, baseDelayMs: 250, maxDelayMs: 4_000, maxRetryAfterMs: 10_000 };

/** Commas stay literal: Spektrix takes id lists as `ticketIds=a,b`. */
function encodeQueryValue(value: string): string {
  return encodeURIComponent(value).replace(/%2C/gi, ",");
}

export function parseRetryAfter(header: string | null, now = Date.now()): number | null {
  if (header === null || header.trim() === "") return null;
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** Reads `message`, `problems` and a numeric code from whatever error body Spektrix (or Cloudflare) sent. */
export function decodeErrorBody(
  status: number,
  bodyText: string,
): { message: string; problems: string[]; code: number | null } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(bodyText);
  } catch {
    parsed = undefined;
  }
  const fallback = `HTTP ${status}`;
  if (!parsed || typeof parsed !== "object") return { message: fallback, problems: [], code: null };
  const body = parsed as Record<string, unknown>;
  const message =
    [body.message, body.Message, body.error].find((v): v is string => typeof v === "string" && v.trim() !== "") ??
    fallback;
  const rawProblems = Array.isArray(body.problems) ? body.problems : Array.isArray(body.Problems) ? body.Problems : [];
  const problems = rawProblems.map((p) => (typeof p === "string" ? p : JSON.stringify(p)));
  const rawCode = [body.code, body.errorCode, body.Code, body.ErrorCode].find((v) => v !== undefined && v !== null);
  const code =
    typeof rawCode === "number"
      ? rawCode
      : typeof rawCode === "string" && /^\d+$/.test(rawCode)
        ? Number(rawCode)
        : null;
  return { message, problems, code };
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

const RETRYABLE_STATUS = (status: number) => status === 429 || status >= 500;

export function createTransport(options: TransportOptions): Transport {
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  if (!/^https?:\/\//i.test(baseUrl))
    throw new Error(`Spektrix baseUrl must be an absolute http(s) URL, got ${JSON.stringify(options.baseUrl)}`);
  if (!/^[A-Za-z0-9_-]+$/.test(options.clientName))
    throw new Error(`Spektrix clientName looks wrong: ${JSON.stringify(options.clientName)}`);
  const apiBase = `${baseUrl}/${options.clientName}/api/v3/`;
  const timeoutMs = options.timeoutMs ?? 8_000;
  const policy: RetryPolicy = {
    ...DEFAULT_POLICY,
    ...options.retryPolicy,
    retries: options.retries ?? DEFAULT_POLICY.retries,
  };
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const random = options.random ?? Math.random;

  function buildUrl(path: string, query?: Record<string, QueryValue>): string {
    const pairs = Object.entries(query ?? {})
      .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined && entry[1] !== null)
      .map(([key, value]) => `${key}=${encodeQueryValue(String(value))}`);
    // Normalised once through URL so the string we sign is exactly the string fetch sends.
    return new URL(`${apiBase}${path}${pairs.length ? `?${pairs.join("&")}` : ""}`).href;
  }

  async function attempt(
    spec: RequestSpec,
    url: string,
    body: string | undefined,
  ): Promise<{ response: Response; text: string }> {
    const where = { method: spec.method, path: spec.path };
    if (spec.signal?.aborted) throw spec.signal.reason;
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new SpektrixTimeoutError(where, timeoutMs));
    }, timeoutMs);
    const onCallerAbort = () => controller.abort(spec.signal?.reason);
    spec.signal?.addEventListener("abort", onCallerAbort, { once: true });
    try {
      const headers: Record<string, string> = { Accept: "application/json", ...options.headers };
      if (body !== undefined) headers["Content-Type"] = "application/json; charset=UTF-8";
      if (options.sign) Object.assign(headers, options.sign({ method: spec.method, url, body }));
      const init: RequestInit = { method: spec.method, headers, body, signal: controller.signal };
      if (options.credentials) init.credentials = options.credentials;
      const response = await doFetch(url, init);
      const text = await response.text();
      return { response, text };
    } catch (error) {
      if (timedOut) throw new SpektrixTimeoutError(where, timeoutMs);
      if (spec.signal?.aborted) throw spec.signal.reason;
      throw new SpektrixNetworkError(where, error);
    } finally {
      clearTimeout(timer);
      spec.signal?.removeEventListener("abort", onCallerAbort);
    }
  }

  function backoff(attemptIndex: number, retryAfterMs: number | null): number | null {
    if (retryAfterMs !== null && retryAfterMs > policy.maxRetryAfterMs) return null;
    const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attemptIndex);
    const jittered = Math.round(random() * ceiling);
    return Math.max(jittered, retryAfterMs ?? 0);
  }

  async function request(spec: RequestSpec): Promise<RawResponse> {
    const url = buildUrl(spec.path, spec.query);
    // Serialised once: these are the bytes that are hashed, signed and sent.
    const body = spec.body === undefined ? undefined : JSON.stringify(spec.body);
    // Only reads are retried: a POST that timed out may still have changed the basket.
    const maxRetries = spec.method === "GET" ? policy.retries : 0;
    for (let attemptIndex = 0; ; attemptIndex++) {
      let result: { response: Response; text: string };
      try {
        result = await attempt(spec, url, body);
      } catch (error) {
        const delay =
          error instanceof SpektrixNetworkError && attemptIndex < maxRetries ? backoff(attemptIndex, null) : null;
        if (delay === null) throw error;
        await sleep(delay, spec.signal);
        continue;
      }
      const { response, text } = result;
      if (response.ok) {
        if (text.trim() === "") return { status: response.status, data: undefined };
        try {
          return { status: response.status, data: JSON.parse(text) };
        } catch {
          throw new SpektrixSchemaError(`${spec.method} ${spec.path}`, [
            { path: "(root)", message: "response body is not valid JSON" },
          ]);
        }
      }
      const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"));
      const decoded = decodeErrorBody(response.status, text);
      const error = new SpektrixHttpError({
        status: response.status,
        ...decoded,
        request: { method: spec.method, path: spec.path },
        retryAfterMs,
      });
      const delay =
        RETRYABLE_STATUS(response.status) && attemptIndex < maxRetries ? backoff(attemptIndex, retryAfterMs) : null;
      if (delay === null) throw error;
      await sleep(delay, spec.signal);
    }
  }

  async function call<T extends z.core.$ZodType>(schema: T, spec: RequestSpec): Promise<z.output<T>> {
    const { data } = await request(spec);
    return parseResponse(schema, data, `${spec.method} ${spec.path}`);
  }

  async function callOrNull<T extends z.core.$ZodType>(
    schema: T,
    spec: RequestSpec,
    nullStatuses = [404],
  ): Promise<z.output<T> | null> {
    try {
      return await call(schema, spec);
    } catch (error) {
      if (error instanceof SpektrixHttpError && nullStatuses.includes(error.status)) return null;
      throw error;
    }
  }

  return { apiBase, buildUrl, request, call, callOrNull };
}

/** Runs `fn` over `items` with at most `limit` in flight; results keep input order; the first failure rejects. */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  if (!Number.isInteger(limit) || limit < 1)
    throw new RangeError(`concurrency limit must be a positive integer, got ${limit}`);
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  async function worker() {
    while (!failed && next < items.length) {
      const index = next++;
      try {
        results[index] = await fn(items[index] as T, index);
      } catch (error) {
        failed = true; // stop handing out new work; in-flight calls finish on their own
        throw error;
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
