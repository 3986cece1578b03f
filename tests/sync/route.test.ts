import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SyncSummary } from "@/lib/sync/engine";

const runSiteSync =
  vi.fn<
    (options: {
      trigger: string;
      eventId?: string;
      force?: boolean;
      revalidate: (tag: string) => void;
    }) => Promise<Partial<SyncSummary>>
  >();
const revalidateTag = vi.fn();
vi.mock("@/lib/sync/server", () => ({ runSiteSync: (o: never) => runSiteSync(o) }));
vi.mock("next/cache", () => ({ revalidateTag: (...args: unknown[]) => revalidateTag(...args) }));

const SECRET = "route-test-sync-secret-0123";
vi.stubEnv("SYNC_SECRET", SECRET);
const { POST } = await import("@/app/api/sync/route");

function post(init: { secret?: string; body?: string; trigger?: string } = {}) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (init.secret !== undefined) headers.authorization = `Bearer ${init.secret}`;
  if (init.trigger) headers["x-sync-trigger"] = init.trigger;
  return POST(new Request("http://localhost/api/sync", { method: "POST", headers, body: init.body }));
}

beforeEach(() => {
  runSiteSync.mockReset();
  revalidateTag.mockReset();
});

describe("POST /api/sync", () => {
  it("refuses a missing or wrong secret without running", async () => {
    expect((await post()).status).toBe(401);
    expect((await post({ secret: "wrong" })).status).toBe(401);
    expect(runSiteSync).not.toHaveBeenCalled();
  });

  it("runs and returns the summary, revalidating through next/cache", async () => {
    runSiteSync.mockImplementation(async (o) => {
      o.revalidate("listings");
      return { status: "succeeded", writes: 3, trigger: o.trigger };
    });
    const res = await post({
      secret: SECRET,
      body: JSON.stringify({ eventId: "18801AQTCDTTRMRJKMBPNNPMJSBLMGVQP" }),
      trigger: "schedule",
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "succeeded", writes: 3, trigger: "schedule" });
    expect(runSiteSync.mock.calls[0]![0]).toMatchObject({
      trigger: "schedule",
      eventId: "18801AQTCDTTRMRJKMBPNNPMJSBLMGVQP",
    });
    expect(revalidateTag).toHaveBeenCalledWith("listings", { expire: 0 });
  });

  it("maps already running to 409 and a guard abort to 422", async () => {
    runSiteSync
      .mockResolvedValueOnce({ status: "already-running" })
      .mockResolvedValueOnce({ status: "aborted", abortReason: "empty feed" });
    expect((await post({ secret: SECRET })).status).toBe(409);
    expect((await post({ secret: SECRET })).status).toBe(422);
  });

  it("rejects a malformed body", async () => {
    expect((await post({ secret: SECRET, body: "{" })).status).toBe(400);
    expect((await post({ secret: SECRET, body: JSON.stringify({ eventId: "../x" }) })).status).toBe(400);
    // Well-formed as a token, but not a Spektrix id: refused here, not recorded as a failed run.
    expect((await post({ secret: SECRET, body: JSON.stringify({ eventId: "ZZZZ" }) })).status).toBe(400);
    expect((await post({ secret: SECRET, body: JSON.stringify({ what: 1 }) })).status).toBe(400);
    expect(runSiteSync).not.toHaveBeenCalled();
  });
});
