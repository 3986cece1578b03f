import { createHash } from "node:crypto";

/**
 * Canonical JSON: object keys sorted at every depth, `undefined` members dropped, so two records that mean the
 * same thing serialise to the same bytes whatever order the feed sent their fields in.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonical(value));
}

function canonical(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : canonical(v)));
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = canonical(v);
  }
  return out;
}

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** sha256 (hex) of the canonical JSON of `value`. */
export function hashRecord(value: unknown): string {
  return sha256(canonicalJson(value));
}
