/**
 * The one reading of a yes/no value from Spektrix attributes and sync settings. Venues type these by hand in
 * Spektrix, so they arrive as booleans, 1/0, or text such as "Yes", "True", "Y" or "On" (any case, padded).
 * "on" counts as yes: the sync has always read it so, and the access flags it stored rely on that.
 */
const YES = new Set(["true", "yes", "y", "1", "on"]);

export function isTruthy(value: unknown): boolean {
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value !== 0;
  if (typeof value === "string") return YES.has(value.trim().toLowerCase());
  return false;
}
