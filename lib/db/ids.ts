/** The largest value a `serial` (int4) primary key can hold. */
export const MAX_ROW_ID = 2_147_483_647;

/** True for a value that can be a row id: a whole number from 1 to int4's maximum. Anything else is "unknown". */
export function isRowId(id: unknown): id is number {
  return typeof id === "number" && Number.isInteger(id) && id >= 1 && id <= MAX_ROW_ID;
}
