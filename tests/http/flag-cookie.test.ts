import { describe, expect, it } from "vitest";
import { hasFlagCookie } from "@/lib/http/flag-cookie";
import { hasBasketHint } from "@/lib/basket/hint";
import { hasSignedInHint } from "@/lib/auth/cookies";

describe("hasFlagCookie", () => {
  it("matches the whole name set to 1, anywhere in the cookie string", () => {
    expect(hasFlagCookie("has-basket=1", "has-basket")).toBe(true);
    expect(hasFlagCookie("a=2; has-basket=1; b=3", "has-basket")).toBe(true);
    expect(hasFlagCookie("not-has-basket=1", "has-basket")).toBe(false);
    expect(hasFlagCookie("has-basket=10", "has-basket")).toBe(false);
    expect(hasFlagCookie("has-basket=", "has-basket")).toBe(false);
    expect(hasFlagCookie("", "has-basket")).toBe(false);
  });

  it("is what both header hints read", () => {
    expect(hasBasketHint("x=1; has-basket=1")).toBe(true);
    expect(hasSignedInHint("signed-in=1; x=1")).toBe(true);
    expect(hasSignedInHint("signed-in=0")).toBe(false);
  });
});
