import { describe, expect, it } from "vitest";
import { createSignInThrottle, signInRules } from "@/lib/rate-limit/sign-in";
import { clientIp, PEER_ADDRESS_HEADER } from "@/lib/security/client-ip";

const throttle = () => createSignInThrottle(signInRules(`t-${Math.random()}`), { redisUrl: null });

describe("the sign-in throttle (members and editors)", () => {
  it("counts guesses sent all at once: of 11 parallel attempts at one account from one address, 5 go ahead", async () => {
    const t = throttle();
    const results = await Promise.all(Array.from({ length: 11 }, () => t.check("victim@example.com", "203.0.113.1")));
    expect(results.filter((r) => r.allowed)).toHaveLength(5);
    const refused = results.find((r) => !r.allowed);
    expect(refused && !refused.allowed && refused.retryAfterSeconds).toBeGreaterThan(0);
  });

  it("a spoofed X-Forwarded-For never resets a limit: every forged value is the same socket address", async () => {
    const t = throttle();
    const request = (forged: string) => new Headers({ "x-forwarded-for": forged, [PEER_ADDRESS_HEADER]: "192.0.2.9" });
    const outcomes: boolean[] = [];
    for (let i = 0; i < 8; i++) {
      const ip = clientIp(request(`198.51.100.${i}`), 0);
      const r = await t.check("member@example.com", ip);
      if (r.allowed) await t.failed("member@example.com", ip);
      outcomes.push(r.allowed);
    }
    expect(outcomes).toEqual([true, true, true, true, true, false, false, false]);
  });

  it("a stranger's failures do not lock the owner out at another address", async () => {
    const t = throttle();
    for (let i = 0; i < 30; i++) {
      const r = await t.check("owner@example.com", "203.0.113.66");
      if (r.allowed) await t.failed("owner@example.com", "203.0.113.66");
    }
    expect(await t.check("owner@example.com", "198.51.100.1")).toEqual({ allowed: true });
  });

  it("starts the count again after a successful sign-in", async () => {
    const t = throttle();
    for (let i = 0; i < 4; i++) expect((await t.check("editor@example.com", "198.51.100.1")).allowed).toBe(true);
    await t.succeeded("editor@example.com", "198.51.100.1");
    for (let i = 0; i < 5; i++) expect((await t.check("editor@example.com", "198.51.100.1")).allowed).toBe(true);
  });
});
