import { RedirectSignal, actAs, jar } from "./harness";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { isSessionRevoked, revokeSessions } from "@/lib/auth/revocation";
import { closeRedis } from "@/lib/redis";
import { redisMissingReason, startRedis, type TestRedis } from "../scale/redis-server";

vi.mock("server-only", () => ({}));

const { currentEditor } = await import("@/lib/studio/guard");
const { signOutAction } = await import("@/lib/studio/actions/auth");
const { upsertStudioUser } = await import("@/lib/studio/users");

describe("studio sessions end on the server", () => {
  it("a signed-out session cookie is refused", async () => {
    await actAs("editor");
    const cookie = jar.get("studio_session")!;
    expect(await currentEditor()).toMatchObject({ email: "editor@example.com" });
    await expect(signOutAction()).rejects.toBeInstanceOf(RedirectSignal);
    expect(jar.has("studio_session")).toBe(false);
    // The same cookie, kept by whoever copied it before sign-out.
    jar.set("studio_session", cookie);
    expect(await currentEditor()).toBeNull();
    // Signing in again starts a new session that works.
    await actAs("editor");
    expect(await currentEditor()).toMatchObject({ email: "editor@example.com" });
  }, 60_000);

  it("a password change ends the sessions signed in with the old one", async () => {
    await upsertStudioUser({ email: "second@example.com", password: "first-pass-123" });
    const { env } = await import("@/lib/config");
    const { issueSessionToken } = await import("@/lib/studio/session-token");
    jar.clear();
    jar.set("studio_session", issueSessionToken("second@example.com", env().AUTH_SECRET));
    expect(await currentEditor()).toMatchObject({ email: "second@example.com" });
    // Sessions are ordered by the millisecond they began: let the clock move past this one's.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await upsertStudioUser({ email: "second@example.com", password: "second-pass-456" });
    expect(await currentEditor()).toBeNull();
  });
});

describe("member sessions end on the server", () => {
  it("a signed-out member's JWT is re-issued empty: every reader sees it signed out", async () => {
    const { buildAuthOptions } = await import("@/lib/auth/options");
    const options = buildAuthOptions();
    const jwt = options.callbacks!.jwt!;
    const token = {
      customerId: `I-SO${Date.now().toString(36).toUpperCase().slice(-6)}-1DMO`,
      name: "M",
      email: "m@example.com",
      membershipIds: [],
      authAt: Date.now() - 1_000,
    };
    const call = (t: typeof token) => jwt({ token: t, trigger: "update" } as unknown as Parameters<typeof jwt>[0]);
    expect(await call(token)).toMatchObject({ customerId: token.customerId });
    await options.events!.signOut!({ token, session: undefined as never });
    expect(await call(token)).toEqual({});
    const session = await options.callbacks!.session!({ session: { expires: "" }, token: {} } as unknown as Parameters<
      NonNullable<typeof options.callbacks>["session"] & object
    >[0]);
    expect((session as { user: { customerId: string } }).user.customerId).toBe("");
  });
});

describe("a drift repair's sign-out ends this device's session only", () => {
  it("does not record the account's sessions as ended", async () => {
    const { buildAuthOptions } = await import("@/lib/auth/options");
    const token = {
      customerId: `I-DV${Date.now().toString(36).toUpperCase().slice(-6)}-1DMO`,
      name: "M",
      email: "m@example.com",
      membershipIds: [],
      authAt: Date.now() - 1_000,
    };
    const deviceOnly = buildAuthOptions({ signOutEverywhere: false });
    await deviceOnly.events!.signOut!({ token, session: undefined as never });
    expect(await isSessionRevoked("member", token.customerId, token.authAt)).toBe(false);
    await buildAuthOptions().events!.signOut!({ token, session: undefined as never });
    expect(await isSessionRevoked("member", token.customerId, token.authAt)).toBe(true);
  });
});

describe.skipIf(redisMissingReason !== null)(
  `revocation is shared through Redis${redisMissingReason ? ` (skipped: ${redisMissingReason})` : ""}`,
  () => {
    let redis: TestRedis;
    beforeAll(async () => {
      redis = await startRedis();
    });
    afterAll(async () => {
      await closeRedis();
      await redis?.stop();
    });

    it("a sign-out on one instance is refused on another", async () => {
      // Two in-process records stand for two instances; Redis is what they share.
      const a = { redisUrl: redis.url, local: new Map() };
      const b = { redisUrl: redis.url, local: new Map() };
      const began = Date.now() - 1_000;
      const { getConnectedRedis } = await import("@/lib/redis");
      await getConnectedRedis(redis.url, 5_000);
      expect(await isSessionRevoked("member", "I-AB12-CD34", began, b)).toBe(false);
      await revokeSessions("member", "I-AB12-CD34", a);
      expect(await isSessionRevoked("member", "I-AB12-CD34", began, b)).toBe(true);
      expect(await isSessionRevoked("member", "I-AB12-CD34", Date.now() + 1_000, b)).toBe(false);
    });
  },
);
