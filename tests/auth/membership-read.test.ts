import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
vi.stubEnv("DATABASE_URL", "pglite://memory");
const logged = vi.hoisted(() => [] as string[]);
vi.mock("@/lib/log/logger.mjs", () => ({
  logger: () => ({ warn: (fields: object, msg: string) => logged.push(JSON.stringify({ ...fields, msg })) }),
}));

import { createAccountService } from "@/lib/spektrix/account";
import { lastMembershipProblem, reportMembershipProblem } from "@/lib/auth/membership-health";
import { MEMBER_ID, startHarness, type Harness } from "../checkout/helpers";

/**
 * A member must never silently read as a non-member: a customer record whose memberships are not where the
 * site reads them is flagged on the account read, logged, and kept for the studio. The records come from the
 * emulator and are changed on the way back, as a Spektrix system with another shape would answer.
 */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

/** The account service with the customer record rewritten by `change`. */
async function accountWith(change: (record: Record<string, unknown>) => void) {
  const { DEMO_API_USER, DEMO_API_KEY } = await import("../../emulator/index");
  const rewrite: typeof fetch = async (input, init) => {
    const res = await fetch(input, init);
    if (!String(input instanceof Request ? input.url : input).includes(`/customers/${MEMBER_ID}`)) return res;
    const record = (await res.json()) as Record<string, unknown>;
    change(record);
    return new Response(JSON.stringify(record), { status: res.status, headers: res.headers });
  };
  return createAccountService({
    baseUrl: h.emulator.url,
    clientName: "demo",
    apiUser: DEMO_API_USER,
    apiKey: DEMO_API_KEY,
    timeZone: "America/Edmonton",
    fetch: rewrite,
  });
}

describe("reading a customer's memberships", () => {
  it("reads the demo member's membership with no problem", async () => {
    const account = await (await accountWith(() => undefined)).getAccount(MEMBER_ID);
    expect(account.memberships).toHaveLength(1);
    expect(account.membershipProblem).toBeNull();
  });

  it("flags a record with no memberships list instead of calling the member a non-member quietly", async () => {
    const account = await (await accountWith((r) => delete r.subscriptions)).getAccount(MEMBER_ID);
    expect(account.memberships).toEqual([]);
    expect(account.membershipProblem).toBe("no-subscriptions-field");
  });

  it("flags entries that name no membership type", async () => {
    const service = await accountWith((r) => {
      const list = r.subscriptions as Array<Record<string, unknown>>;
      r.subscriptions = [...list, { ...list[0], id: "SUB-2", membership: null }];
    });
    const account = await service.getAccount(MEMBER_ID);
    expect(account.memberships).toHaveLength(1);
    expect(account.membershipProblem).toBe("unreadable-entries");
  });
});

describe("reporting it", () => {
  it("logs a code (never the customer) and keeps the latest for the studio", async () => {
    const seen = new Date("2026-12-04T10:00:00Z");
    expect(await lastMembershipProblem(seen)).toBeNull();
    await reportMembershipProblem("no-subscriptions-field", seen);
    expect(await lastMembershipProblem(new Date("2026-12-05T10:00:00Z"))).toEqual({
      problem: "no-subscriptions-field",
      at: seen.toISOString(),
    });
    // Not seen again for a week: the studio stops showing it.
    expect(await lastMembershipProblem(new Date("2026-12-11T10:00:01Z"))).toBeNull();
    expect(logged.join()).toContain("no-subscriptions-field");
    expect(logged.join()).not.toContain(MEMBER_ID);
  });
});
