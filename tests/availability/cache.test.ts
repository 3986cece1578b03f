import { describe, expect, it } from "vitest";
import { createCollapsingCache } from "@/lib/availability/cache";

describe("availability cache", () => {
  it("collapses 200 concurrent visitors into one upstream call per performance", async () => {
    let calls = 0;
    const cache = createCollapsingCache({
      fetch: async (id: string) => {
        calls++;
        await new Promise((r) => setTimeout(r, 100));
        return { available: id.length, capacity: 10 };
      },
    });
    const ids = ["1AB", "2AB", "3AB"];
    await Promise.all(Array.from({ length: 200 }, () => cache.getMany(ids)));
    expect(calls).toBe(3);
    const perVisitor = calls / 200;
    console.log(
      `availability collapse: ${calls} upstream calls for 200 concurrent visitors (${perVisitor.toFixed(3)} per visitor request)`,
    );
    expect(perVisitor).toBeLessThanOrEqual(0.1);
  });

  it("serves a value for at most 30 s, then asks again", async () => {
    let t = 0;
    let calls = 0;
    const cache = createCollapsingCache({
      ttlMs: 60_000,
      now: () => t,
      fetch: async () => ({ available: ++calls, capacity: 1 }),
    });
    expect(await cache.get("1AB")).toEqual({ available: 1, capacity: 1 });
    t = 29_999;
    expect((await cache.get("1AB"))?.available).toBe(1);
    t = 30_000;
    expect((await cache.get("1AB"))?.available).toBe(2);
  });

  it("remembers a failure briefly and returns null instead of throwing", async () => {
    let t = 0;
    let calls = 0;
    const cache = createCollapsingCache({
      now: () => t,
      errorTtlMs: 5_000,
      fetch: async () => {
        calls++;
        throw new Error("Spektrix down");
      },
    });
    expect(await cache.get("1AB")).toBeNull();
    expect(await cache.get("1AB")).toBeNull();
    expect(calls).toBe(1);
    t = 5_001;
    await cache.get("1AB");
    expect(calls).toBe(2);
  });
});
