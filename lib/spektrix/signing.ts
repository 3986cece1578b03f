/**
 * Spektrix API v3 owner/agent request signing (pure; no `server-only` marker so it can be unit-tested).
 * Only `owner-client.ts` uses it, and application code reaches that through `owner.ts`, which is server-only.
 *
 * StringToSign = METHOD \n ABSOLUTE_URL \n DATE [\n base64(raw MD5 of the body bytes)]
 * Signature    = base64(HMAC-SHA1(key = base64-decode(apiKey), StringToSign as UTF-8))
 *
 * The URL is signed exactly as it is sent (scheme, host, path, raw query), because every working client
 * does so and Spektrix appears to compare against the URL it received (docs/spektrix-facts.md §2).
 */
import { createHash, createHmac } from "node:crypto";

export interface SignRequestInput {
  method: string;
  /** The absolute URL, byte-for-byte the string handed to `fetch`. */
  url: string;
  /** Request time; a string is used verbatim as the `Date` header. */
  date: Date | string;
  /** The exact body bytes sent, if any. */
  body?: string | Uint8Array | null;
  apiUser: string;
  /** The API secret key as Spektrix issues it: base64. */
  apiKey: string;
}

export type SignedHeaders = { Authorization: string; Date: string };

/** base64 of the raw 16-byte MD5 digest (not hex), as Spektrix expects. */
export function bodyHash(body: string | Uint8Array): string {
  return createHash("md5").update(body).digest("base64");
}

export function stringToSign(method: string, url: string, date: string, body?: string | Uint8Array | null): string {
  const lines = [method.toUpperCase(), url, date];
  // Sign the body line only when a body is actually sent (an empty non-GET sends none).
  if (body !== undefined && body !== null && body.length > 0) lines.push(bodyHash(body));
  return lines.join("\n");
}

export function signRequest(input: SignRequestInput): SignedHeaders {
  const date = typeof input.date === "string" ? input.date : input.date.toUTCString();
  const key = Buffer.from(input.apiKey, "base64");
  if (key.length === 0) throw new Error("Spektrix API key is empty or not base64");
  const signature = createHmac("sha1", key)
    .update(stringToSign(input.method, input.url, date, input.body), "utf8")
    .digest("base64");
  return { Authorization: `SpektrixAPI3 ${input.apiUser}:${signature}`, Date: date };
}
