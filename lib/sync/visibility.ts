import { and, eq, gt, inArray, isNull, lte, ne, or } from "drizzle-orm";
import { schema } from "@/lib/db";
import type { RecordStatus } from "@/lib/db/schema";

/**
 * What the sync's statuses mean for the public site, in one place so pages and the sync agree:
 * - `active`: in the latest feed. Listed.
 * - `missing`: gone from the feed, within the grace period (or kept by `keepLiveUntil`: the sync turns it
 *   `disabled` only when both have passed). Still listed: a one-run glitch upstream must not blank a show.
 * - `disabled`: hidden by the sync (grace over, or excluded by the rules). Not listed; never deleted, and
 *   back to `active` if the feed has it again.
 * - `cancelled` (performances): listed, shown as cancelled.
 * Editorial flags (`published`, `hidden`) apply on top, and so does `parkedFrom`: an event kept from a Spektrix
 * client the site no longer uses is never listed (ADR 0017).
 */
export const LISTED_EVENT_STATUSES = ["active", "missing", "cancelled"] as const satisfies readonly RecordStatus[];
export const LISTED_PERFORMANCE_STATUSES = [
  "active",
  "missing",
  "cancelled",
] as const satisfies readonly RecordStatus[];

/** Drizzle condition for events the public site may show. */
export function eventIsListed() {
  const e = schema.events;
  return and(
    inArray(e.status, [...LISTED_EVENT_STATUSES]),
    eq(e.published, true),
    eq(e.hidden, false),
    isNull(e.parkedFrom),
  )!;
}

/** Drizzle condition for performances the public site may show, cancelled ones included (shown as cancelled). */
export function performanceIsListed() {
  const p = schema.performances;
  return and(inArray(p.status, [...LISTED_PERFORMANCE_STATUSES]), eq(p.hidden, false))!;
}

/** Performances a visitor could book: shown and not cancelled (what listings, dates and counts are made of). */
export function performanceIsOnOffer() {
  const p = schema.performances;
  return and(performanceIsListed(), ne(p.status, "cancelled"), eq(p.cancelled, false))!;
}

/**
 * Performances the web sells at `now`: on offer, on sale, not started, and inside their web sales (the rule
 * `saleClosed` in lib/availability/state.ts applies to one performance's facts). What a sold-out page offers instead.
 */
export function performanceSellsOnTheWeb(now: Date) {
  const p = schema.performances;
  return and(
    performanceIsOnOffer(),
    eq(p.isOnSale, true),
    gt(p.startsAt, now),
    or(isNull(p.sellFrom), lte(p.sellFrom, now)),
    or(isNull(p.sellUntil), gt(p.sellUntil, now)),
  )!;
}
