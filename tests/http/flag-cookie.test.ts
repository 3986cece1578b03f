import { describe, expect, it } from "vitest";
import { flagCookieAssignment, hasFlagCookie } from "@/lib/http/flag-cookie";
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

describe("flagCookieAssignment", () => {
  it("sets the flag for its lifetime, or clears it, on the whole site and never cross-site", () => {
    expect(flagCookieAssignment("has-basket", 60, true, false)).toBe("has-basket=1; max-age=60; path=/; SameSite=Lax");
    expect(flagCookieAssignment("has-basket", 60, false, true)).toBe(
      "has-basket=; max-age=0; path=/; SameSite=Lax; Secure",
    );
  });

  it("writes what the reader reads back", () => {
    const [pair] = flagCookieAssignment("spektrix-customer", 60, true, true).split(";");
    expect(hasFlagCookie(`a=1; ${pair}`, "spektrix-customer")).toBe(true);
  });
});
