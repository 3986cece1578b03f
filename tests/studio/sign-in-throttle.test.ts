import { describe, expect, it } from "vitest";
import { recordSuccessfulSignIn, signInAllowed } from "@/lib/studio/rate-limit";

describe("studio sign-in throttle", () => {
  it("limits guesses at one e-mail address however many addresses they come from, and however fast", async () => {
    const email = `victim-${Date.now()}@example.com`;
    // Eleven guesses at once, each from a different (forged) address.
    const results = await Promise.all(Array.from({ length: 11 }, (_, i) => signInAllowed(email, `203.0.113.${i}`)));
    expect(results.filter((r) => r.allowed)).toHaveLength(10);
    const refused = results.find((r) => !r.allowed);
    expect(refused && !refused.allowed && refused.retryAfterSeconds).toBeGreaterThan(0);
  });

  it("starts the count again after a successful sign-in", async () => {
    const email = `editor-${Date.now()}@example.com`;
    for (let i = 0; i < 10; i++) expect((await signInAllowed(email, "198.51.100.1")).allowed).toBe(true);
    await recordSuccessfulSignIn(email, "198.51.100.1");
    expect((await signInAllowed(email, "198.51.100.1")).allowed).toBe(true);
  });
});
