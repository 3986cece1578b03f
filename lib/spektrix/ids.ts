/**
 * Id validation, done before any request so a bad URL parameter never reaches Spektrix (or a path).
 */
import { SpektrixInvalidIdError } from "./errors";

/** Catalogue ids: a decimal integer, `A`, then capitals from Spektrix's 16-letter alphabet (e.g. `4201ASVGBH…`). */
const CATALOGUE_ID = /^[1-9]\d*A[BCDGHJKLMNPQRSTV]{1,60}$/;
/** Customer ids look like `I-KS22-363P`. */
const CUSTOMER_ID = /^[A-Z]-[A-Z0-9]{2,10}-[A-Z0-9]{2,10}$/;
/** Ids whose format Spektrix does not document (baskets, tickets, orders, addresses): path-safe tokens. */
const OPAQUE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;

export function isSpektrixId(value: unknown): value is string {
  return typeof value === "string" && CATALOGUE_ID.test(value);
}

export function isCustomerId(value: unknown): value is string {
  return typeof value === "string" && CUSTOMER_ID.test(value);
}

export function isOpaqueId(value: unknown): value is string {
  return typeof value === "string" && OPAQUE_ID.test(value);
}

export function assertSpektrixId(value: unknown, what = "id"): string {
  if (!isSpektrixId(value)) throw new SpektrixInvalidIdError(value, what);
  return value;
}

export function assertCustomerId(value: unknown): string {
  if (!isCustomerId(value)) throw new SpektrixInvalidIdError(value, "customer id");
  return value;
}

export function assertOpaqueId(value: unknown, what: string): string {
  if (!isOpaqueId(value)) throw new SpektrixInvalidIdError(value, what);
  return value;
}

/** The leading integer of an id, which is what iframes take: `shortId("4201ASVG…") === "4201"`. */
export function shortId(id: string): string {
  const short = parseShortId(id);
  if (!short) throw new SpektrixInvalidIdError(id, "id with a leading integer");
  return short;
}

/**
 * The short id of a v3 id ("8801ABJD…") or of an already-short one ("8801"), or null when the value is neither:
 * for input an editor typed, where a problem is reported rather than thrown.
 */
export function parseShortId(value: string | number | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const match = /^\s*([1-9]\d{0,11})(?:A[A-Z]*)?\s*$/.exec(String(value));
  return match?.[1] ?? null;
}
