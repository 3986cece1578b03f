/**
 * Memberships read loudly. When a customer record does not list memberships the way this site reads them
 * (lib/spektrix/account.ts `membershipProblem`), members would silently be treated as non-members: no member
 * prices, no members' page. Each such read is logged (a code, never the customer) and the latest is kept in the
 * store, where the studio's home page shows it to editors, on every instance.
 */
import "server-only";
import { logger } from "@/lib/log/logger.mjs";
import type { CustomerAccount } from "@/lib/spektrix/account";
import { readSetting, writeSetting } from "@/lib/db/settings";

const KEY = "health:membership-read";
/** One store write per process per this long: a problem seen on every sign-in is one fact, not a write each. */
const RECORD_EVERY_MS = 10 * 60_000;

export type MembershipProblem = NonNullable<CustomerAccount["membershipProblem"]>;
export interface MembershipReadHealth {
  problem: MembershipProblem;
  at: string;
}

const log = logger("auth");
const state = ((globalThis as { __membershipHealth?: { recordedAt: number } }).__membershipHealth ??= {
  recordedAt: 0,
});

export async function reportMembershipProblem(problem: MembershipProblem, now = new Date()): Promise<void> {
  log.warn({ problem }, "customer memberships could not be read as expected");
  if (now.getTime() - state.recordedAt < RECORD_EVERY_MS) return;
  state.recordedAt = now.getTime();
  // Never fail the visitor's request over the health note.
  await writeSetting(KEY, { problem, at: now.toISOString() } satisfies MembershipReadHealth).catch(() => undefined);
}

/** How long a problem stays on the studio's home page after it was last seen (a fixed one stops recurring). */
const SHOW_FOR_MS = 7 * 24 * 60 * 60_000;

export async function lastMembershipProblem(now = new Date()): Promise<MembershipReadHealth | null> {
  const last = (await readSetting<MembershipReadHealth>(KEY)) ?? null;
  return last && now.getTime() - Date.parse(last.at) < SHOW_FOR_MS ? last : null;
}

/** What an editor should read about a problem. */
export const MEMBERSHIP_PROBLEM_TEXT: Record<MembershipProblem, string> = {
  "no-subscriptions-field":
    "Spektrix returned a customer record without a memberships list, so members are treated as non-members (no member prices, no members' page). Run npm run spektrix:check against your system and tell your developer.",
  "unreadable-entries":
    "Some memberships on a customer record name no membership type and were left out: that member may miss member prices.",
};
