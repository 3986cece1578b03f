import { createHash, createHmac, timingSafeEqual } from "node:crypto";

/** base64 of the raw 16-byte MD5 digest of the body bytes (not hex). */
export function bodyHash(body: string | Uint8Array): string {
  return createHash("md5").update(body).digest("base64");
}

export function stringToSign(method: string, url: string, date: string, body?: string | Uint8Array): string {
  const base = `${method.toUpperCase()}\n${url}\n${date}`;
  return body !== undefined && body.length > 0 ? `${base}\n${bodyHash(body)}` : base;
}

/** HMAC-SHA1 keyed with the base64-decoded secret, returned as base64. */
export function sign(
  secretKeyBase64: string,
  method: string,
  url: string,
  date: string,
  body?: string | Uint8Array,
): string {
  const key = Buffer.from(secretKeyBase64, "base64");
  return createHmac("sha1", key)
    .update(stringToSign(method, url, date, body), "utf8")
    .digest("base64");
}

export function authorizationHeader(
  user: string,
  secretKeyBase64: string,
  method: string,
  url: string,
  date: string,
  body?: string | Uint8Array,
): string {
  return `SpektrixAPI3 ${user}:${sign(secretKeyBase64, method, url, date, body)}`;
}

/** Headers for a signed owner-mode request; handy in tests and scripts. */
export function signedHeaders(opts: {
  user: string;
  key: string;
  method: string;
  url: string;
  body?: string;
  date?: Date;
}): Record<string, string> {
  const date = (opts.date ?? new Date()).toUTCString();
  const headers: Record<string, string> = {
    Date: date,
    Authorization: authorizationHeader(opts.user, opts.key, opts.method, opts.url, date, opts.body),
  };
  if (opts.body !== undefined) headers["Content-Type"] = "application/json";
  return headers;
}

export type VerifyResult = { ok: true; user: string } | { ok: false; reason: string };

export interface VerifyInput {
  method: string;
  /** Absolute URL exactly as received: scheme://host/raw-path?raw-query */
  url: string;
  authorization: string | undefined;
  date: string | undefined;
  body: Uint8Array;
  users: ReadonlyMap<string, string>;
  now: Date;
  maxSkewMs: number;
}

const RFC1123 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;

export function verifySignature(input: VerifyInput): VerifyResult {
  const header = input.authorization;
  if (!header) return { ok: false, reason: "Authorization header missing" };
  const match = /^SpektrixAPI3 ([^:\s]+):([A-Za-z0-9+/=]+)$/.exec(header.trim());
  if (!match) return { ok: false, reason: "Authorization header is not 'SpektrixAPI3 user:signature'" };
  const [, user, signature] = match as unknown as [string, string, string];
  const key = input.users.get(user);
  if (key === undefined) return { ok: false, reason: "Unknown API user" };
  if (!input.date || !RFC1123.test(input.date)) return { ok: false, reason: "Date header missing or not RFC 1123 GMT" };
  const when = Date.parse(input.date);
  if (Number.isNaN(when) || Math.abs(input.now.getTime() - when) > input.maxSkewMs) {
    return { ok: false, reason: "Date header is too far from the server time" };
  }
  const expected = Buffer.from(
    sign(key, input.method, input.url, input.date, input.body.length > 0 ? input.body : undefined),
    "base64",
  );
  const given = Buffer.from(signature, "base64");
  let ok = given.length === expected.length && timingSafeEqual(given, expected);
  // Some clients sign an empty-string body hash on body-less non-GETs (BrightFlair); accept that form too.
  if (!ok && input.body.length === 0 && input.method.toUpperCase() !== "GET") {
    const alt = Buffer.from(
      createHmac("sha1", Buffer.from(key, "base64"))
        .update(`${input.method.toUpperCase()}\n${input.url}\n${input.date}\n${bodyHash("")}`, "utf8")
        .digest("base64"),
      "base64",
    );
    ok = given.length === alt.length && timingSafeEqual(given, alt);
  }
  return ok ? { ok: true, user } : { ok: false, reason: "Signature does not match" };
}
