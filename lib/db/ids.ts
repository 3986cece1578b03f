/** The largest value a `serial` (int4) primary key can hold. */
export const MAX_ROW_ID = 2_147_483_647;

/** True for a value that can be a row id: a whole number from 1 to int4's maximum. Anything else is "unknown". */
export function isRowId(id: unknown): id is number {
  return typeof id === "number" && Number.isInteger(id) && id >= 1 && id <= MAX_ROW_ID;
}

/**
 * A row id from a URL segment: plain decimal digits only (not `0x10`, `1e3`, `1.0` or ` 1`, which `Number`
 * would accept as other spellings of an id), within `isRowId`; null otherwise.
 */
export function parseRowId(segment: string): number | null {
  if (!/^[1-9]\d{0,9}$/.test(segment)) return null;
  const id = Number(segment);
  return isRowId(id) ? id : null;
}
