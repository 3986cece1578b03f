import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRateLimiter, isRateLimited, retryAfterSeconds } from "@/lib/rate-limit";
import { closeRedis, getConnectedRedis } from "@/lib/redis";
import { freePort, redisMissingReason, startRedis, type TestRedis } from "../scale/redis-server";

const unique = () => `t${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

async function spend(limiter: ReturnType<typeof createRateLimiter>, key: string, times: number) {
  const out: ("ok" | "limited")[] = [];
  for (let i = 0; i < times; i++) {
    try {
      await limiter.consume(key);
      out.push("ok");
    } catch (res) {
      if (!isRateLimited(res)) throw res;
      out.push("limited");
    }
  }
  return out;
}

describe("createRateLimiter in memory (no REDIS_URL)", () => {
  it("allows `points` attempts per window, then rejects with a retry time", async () => {
    const limiter = createRateLimiter({ keyPrefix: unique(), points: 3, duration: 60 }, { redisUrl: null });
    expect(limiter.store).toBe("memory");
    expect(await spend(limiter, "1.2.3.4", 4)).toEqual(["ok", "ok", "ok", "limited"]);
    const rejection = await limiter.consume("1.2.3.4").catch((e: unknown) => e);
    expect(isRateLimited(rejection)).toBe(true);
    if (isRateLimited(rejection)) {
      expect(retryAfterSeconds(rejection)).toBeGreaterThanOrEqual(1);
      expect(retryAfterSeconds(rejection)).toBeLessThanOrEqual(60);
    }
  });

  it("counts keys separately and forgets a key on delete", async () => {
    const limiter = createRateLimiter({ keyPrefix: unique(), points: 1, duration: 60 }, { redisUrl: null });
    expect(await spend(limiter, "a", 2)).toEqual(["ok", "limited"]);
    expect(await spend(limiter, "b", 1)).toEqual(["ok"]);
    await limiter.delete("a");
    expect(await spend(limiter, "a", 1)).toEqual(["ok"]);
  });

  it("penalty counts without rejecting; get reads without spending", async () => {
    const limiter = createRateLimiter({ keyPrefix: unique(), points: 2, duration: 60 }, { redisUrl: null });
    expect(await limiter.get("k")).toBeNull();
    await limiter.penalty("k", 2);
    expect((await limiter.get("k"))?.remainingPoints).toBe(0);
    expect(await spend(limiter, "k", 1)).toEqual(["limited"]);
  });

  it("is per process: two memory limiters with one prefix do not share counts", async () => {
    const prefix = unique();
    const a = createRateLimiter({ keyPrefix: prefix, points: 1, duration: 60 }, { redisUrl: null });
    const b = createRateLimiter({ keyPrefix: prefix, points: 1, duration: 60 }, { redisUrl: null });
    expect(await spend(a, "x", 1)).toEqual(["ok"]);
    expect(await spend(b, "x", 1)).toEqual(["ok"]);
  });

  it("rejects a rule that cannot work", () => {
    expect(() => createRateLimiter({ keyPrefix: "bad", points: 0, duration: 60 }, { redisUrl: null })).toThrow(
      /points/,
    );
  });
});

describe.skipIf(redisMissingReason !== null)(
  `createRateLimiter on Redis${redisMissingReason ? ` (skipped: ${redisMissingReason})` : ""}`,
  () => {
    let redis: TestRedis;

    beforeAll(async () => {
      redis = await startRedis();
    });

    afterAll(async () => {
      await closeRedis();
      await redis?.stop();
    });

    it("shares counts between limiters, as two instances behind a balancer would", async () => {
      const prefix = unique();
      // Two limiter objects stand for two instances: same rule, same Redis.
      const a = createRateLimiter({ keyPrefix: prefix, points: 3, duration: 60 }, { redisUrl: redis.url });
      const b = createRateLimiter({ keyPrefix: prefix, points: 3, duration: 60 }, { redisUrl: redis.url });
      expect(a.store).toBe("redis");
      expect(await spend(a, "5.6.7.8", 2)).toEqual(["ok", "ok"]);
      expect(await spend(b, "5.6.7.8", 2)).toEqual(["ok", "limited"]);
      expect(await spend(a, "5.6.7.8", 1)).toEqual(["limited"]);

      const client = await getConnectedRedis(redis.url);
      expect(client).not.toBeNull();
      expect(await client!.get(`rl:${prefix}:5.6.7.8`)).toBe("5"); // five attempts, counted in one place
      const ttl = await client!.ttl(`rl:${prefix}:5.6.7.8`);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(60);
    });

    it("delete clears the shared counter for every instance", async () => {
      const prefix = unique();
      const a = createRateLimiter({ keyPrefix: prefix, points: 1, duration: 60 }, { redisUrl: redis.url });
      const b = createRateLimiter({ keyPrefix: prefix, points: 1, duration: 60 }, { redisUrl: redis.url });
      expect(await spend(a, "m@example.com", 2)).toEqual(["ok", "limited"]);
      await b.delete("m@example.com");
      expect(await spend(a, "m@example.com", 1)).toEqual(["ok"]);
    });

    it("keeps limiting in memory when Redis cannot be reached", async () => {
      const deadPort = await freePort();
      const limiter = createRateLimiter(
        { keyPrefix: unique(), points: 2, duration: 60 },
        { redisUrl: `redis://127.0.0.1:${deadPort}`, connectTimeoutMs: 300 },
      );
      expect(limiter.store).toBe("redis");
      expect(await spend(limiter, "k", 3)).toEqual(["ok", "ok", "limited"]);
    });
  },
);
