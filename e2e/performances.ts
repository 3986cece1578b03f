/**
 * How journeys choose a performance: by the state the journey needs (on sale on the web, not cancelled, still
 * selling for a while), never by position. "The first performance" is whatever the emulator's date shift put
 * first, and web sales stop before a show starts, so a positional choice can be off sale at some hours.
 *
 * Pure (no Playwright), so tests/emulator/shift-dates.test.ts runs the same choice at simulated times of day.
 */

/** The fields of a Spektrix `v3/instances` record the choice reads. */
export interface InstanceFacts {
  id: string;
  startUtc?: string | null;
  isOnSale?: boolean;
  cancelled?: boolean;
  startSellingAtWebUtc?: string | null;
  stopSellingAtWebUtc?: string | null;
}

/** A journey must be able to finish before web sales stop: checkout, a refused card and a retry take minutes. */
export const SALE_MARGIN_MS = 60 * 60_000;

/** Spektrix UTC fields come with or without a trailing `Z`; both mean UTC. */
function utcMs(value: string | null | undefined): number | null {
  if (!value) return null;
  const ms = Date.parse(value.endsWith("Z") ? value : `${value}Z`);
  return Number.isNaN(ms) ? null : ms;
}

/** On sale on the web at `now`, and still for at least `marginMs`; not cancelled; not started. */
export function sellingOnTheWeb(instance: InstanceFacts, now: Date, marginMs = SALE_MARGIN_MS): boolean {
  const t = now.getTime();
  const start = utcMs(instance.startUtc);
  const from = utcMs(instance.startSellingAtWebUtc);
  const until = utcMs(instance.stopSellingAtWebUtc);
  if (instance.isOnSale !== true || instance.cancelled === true || start === null) return false;
  if (from !== null && from > t) return false;
  return Math.min(start, until ?? start) > t + marginMs;
}

/**
 * Every performance selling on the web at `now`, soonest first (then by id): the same choice whatever order the
 * records arrive in. Callers then check what only the live system knows (seats left, prices).
 */
export function sellingCandidates<T extends InstanceFacts>(
  instances: readonly T[],
  now: Date,
  marginMs = SALE_MARGIN_MS,
): T[] {
  return instances
    .filter((i) => sellingOnTheWeb(i, now, marginMs))
    .sort((a, b) => utcMs(a.startUtc)! - utcMs(b.startUtc)! || a.id.localeCompare(b.id));
}
