/**
 * The demo's built-in schedule (lib/sync/schedule.ts) asks the site's own POST /api/sync, with the sync secret, after
 * its first delay and then every interval; one runs per process, and stop() ends it. The e2e run switches it off
 * (its tests run the syncs they need), so this is where it is tested.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { startSyncSchedule, type SyncSchedule } from "@/lib/sync/schedule";
// Loaded here so the tick's own dynamic import of it resolves within the fake timers' steps.
import "@/lib/config";

let handle: SyncSchedule | undefined;
beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  handle?.stop();
  handle = undefined;
  vi.useRealTimers();
});

function start(fetchResult: () => Promise<Response>) {
  const calls: Array<{ url: string; init: RequestInit | undefined }> = [];
  const log: string[] = [];
  handle = startSyncSchedule({
    siteUrl: "http://127.0.0.1:3999",
    secret: "s3cret",
    everyMinutes: 10,
    firstDelayMs: 15_000,
    fetch: (async (url: string, init?: RequestInit) => {
      calls.push({ url, init });
      return fetchResult();
    }) as typeof fetch,
    log: (m) => log.push(m),
  });
  return { calls, log };
}

describe("startSyncSchedule", () => {
  it("asks the sync route after the first delay, then every interval, with the secret", async () => {
    const { calls, log } = start(async () => Response.json({ status: "succeeded", writes: 3 }));
    await vi.advanceTimersByTimeAsync(14_999);
    expect(calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe("http://127.0.0.1:3999/api/sync");
    expect(calls[0]!.init?.method).toBe("POST");
    expect(new Headers(calls[0]!.init?.headers).get("authorization")).toBe("Bearer s3cret");
    expect(log).toEqual(["succeeded (3 writes)"]);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(calls).toHaveLength(2);
  });

  it("keeps going after a failed run, and stops when told", async () => {
    const { calls, log } = start(async () => {
      throw new Error("connect ECONNREFUSED");
    });
    await vi.advanceTimersByTimeAsync(15_000);
    expect(log).toEqual(["could not run: connect ECONNREFUSED"]);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(calls).toHaveLength(2);
    handle!.stop();
    await vi.advanceTimersByTimeAsync(30 * 60_000);
    expect(calls).toHaveLength(2);
  });

  it("starts once per process", () => {
    start(async () => Response.json({}));
    expect(startSyncSchedule()).toBe(handle);
  });
});
