import { sanitizeVenueHtml } from "@/lib/html/sanitize";
import { isTruthy } from "@/lib/text/truthy";
import { unixLineBreaks } from "@/lib/text/plain-text";
import type { Transform } from "./settings";
import { localToUtc } from "./time";

/**
 * The transforms a sync map applies to a Spektrix value. Each is total: whatever the feed sends, the result
 * is a value of the transform's type or null ("nothing to write"), never an exception.
 */

export type Transformed = string | number | boolean | string[] | null;

function toText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") {
    const text = unixLineBreaks(value).trim();
    return text === "" ? null : text;
  }
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return null;
}

function toHtml(value: unknown): string | null {
  const raw = toText(value);
  // Spektrix wraps every description in `<div id>…</div>`; the sanitiser reads an empty wrapper as no description.
  return raw === null ? null : sanitizeVenueHtml(raw);
}

const ISO_DURATION = /^PT(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?$/i;

function toNumber(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value !== "string") return null;
  const s = value.trim();
  if (s === "") return null;
  if (/^-?\d+(\.\d+)?$/.test(s)) return Number(s);
  // Durations: some exports rewrite Spektrix minutes as ISO 8601 ("PT90M"); read them as minutes.
  const d = ISO_DURATION.exec(s);
  if (d && (d[1] || d[2])) return Number(d[1] ?? 0) * 60 + Number(d[2] ?? 0);
  return null;
}

function toDate(value: unknown, timeZone: string): string | null {
  const s = toText(value);
  if (s === null) return null;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(s)) {
    // Local wall time without offset: Spektrix's venue-local fields.
    return localToUtc(s, timeZone)?.toISOString() ?? null;
  }
  const date = new Date(s);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function toList(value: unknown): string[] | null {
  const items = Array.isArray(value)
    ? value.map(toText)
    : typeof value === "string"
      ? value.split(/[,;\n|]/).map(toText)
      : [toText(value)];
  const list = [...new Set(items.filter((s): s is string => s !== null))];
  return list.length ? list : null;
}

export function applyTransform(transform: Transform, value: unknown, options: { timeZone: string }): Transformed {
  switch (transform) {
    case "text":
      return toText(value);
    case "html":
      return toHtml(value);
    case "number":
      return toNumber(value);
    case "boolean":
      return value === null || value === undefined || value === "" ? null : isTruthy(value);
    case "date":
      return toDate(value, options.timeZone);
    case "list":
      return toList(value);
  }
}

/** Empty in the sense of `fill-if-empty`: nothing an editor or a previous sync put there. */
export function isEmptyValue(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    (typeof value === "string" && value.trim() === "") ||
    (Array.isArray(value) && value.length === 0)
  );
}
