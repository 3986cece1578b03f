/**
 * The Spektrix client is downloaded on first use (lib/spektrix/load.ts). A download that stalls must end within
 * the caller's bound, as a call to Spektrix would, so no page waits on it for ever.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { removeFromWebBasket, withinTime } from "@/lib/spektrix/load";

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** `result` is still pending 1 ms before `ms` and rejects, naming `ms`, exactly at it. */
async function expectGivesUpAt(result: Promise<unknown>, ms: number) {
  const settled = vi.fn();
  result.catch(settled);
  await vi.advanceTimersByTimeAsync(ms - 1);
  expect(settled).not.toHaveBeenCalled();
  await vi.advanceTimersByTimeAsync(1);
  await expect(result).rejects.toThrow(new RegExp(`${ms} ms`));
}

describe("withinTime", () => {
  it("gives up on a promise that does not settle in time", async () => {
    await expectGivesUpAt(withinTime(new Promise(() => {}), 6_000), 6_000);
  });

  it("passes on an answer or a failure that comes in time", async () => {
    await expect(withinTime(Promise.resolve("client"), 6_000)).resolves.toBe("client");
    await expect(withinTime(Promise.reject(new TypeError("chunk failed")), 6_000)).rejects.toThrow("chunk failed");
  });
});

describe("removeFromWebBasket", () => {
  afterEach(() => vi.doUnmock("@/lib/spektrix/web-basket"));

  it("gives up when the removal module's download stalls, within the same 10 s bound as the client's", async () => {
    vi.doMock("@/lib/spektrix/web-basket", () => new Promise(() => {}));
    const result = removeFromWebBasket({ baseUrl: "https://tickets.example.org", clientName: "demo" }, "tickets", [
      "1A",
    ]);
    await expectGivesUpAt(result, 10_000);
  });
});
