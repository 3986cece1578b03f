import { describe, expect, it, vi } from "vitest";

vi.mock("next/cache", () => ({ unstable_cache: (fn: unknown) => fn }));

const { defaultFlowSettings, resolveFlowSettings, stylesheetFor } = await import("@/lib/spektrix-flows/settings");

const defaults = defaultFlowSettings("https://www.venue.org/");

describe("flow settings", () => {
  it("defaults to /account, /basket, /checkout and the site's own stylesheet URL", () => {
    expect(defaults.pagePaths).toEqual({
      account: "/account",
      basket: "/basket",
      checkout: "/checkout",
      guestCheckout: "/basket/guest-checkout",
    });
    expect(defaults.stylesheets.default).toBe("https://www.venue.org/spektrix-theme.css");
  });

  it("lays saved values over the defaults", () => {
    const { settings, problems } = resolveFlowSettings(
      {
        pagePaths: { basket: "/tickets/basket" },
        stylesheets: { default: "lyric.css", byFlow: { checkout: "lyric-large.css" } },
      },
      defaults,
    );
    expect(problems).toEqual([]);
    expect(settings.pagePaths).toMatchObject({ basket: "/tickets/basket", account: "/account" });
    expect(stylesheetFor(settings, "checkout")).toBe("lyric-large.css");
    expect(stylesheetFor(settings, "basket")).toBe("lyric.css");
  });

  it("can switch the stylesheet off so Spektrix uses the domain default", () => {
    const { settings } = resolveFlowSettings({ stylesheets: { default: null } }, defaults);
    expect(stylesheetFor(settings, "basket")).toBeNull();
  });

  it("rejects invalid saved values with field-named problems and keeps the defaults for them", () => {
    const { settings, problems } = resolveFlowSettings(
      { pagePaths: { basket: "https://evil.example" }, stylesheets: { default: "x.js" } },
      defaults,
    );
    expect(settings).toEqual(defaults);
    expect(problems.join("\n")).toMatch(/pagePaths\.basket/);
    expect(problems.join("\n")).toMatch(/stylesheets\.default/);
  });

  it("keeps every valid saved field when another one breaks a rule", () => {
    const { settings, problems } = resolveFlowSettings(
      {
        pagePaths: { basket: "https://evil.example", account: "/my-account" },
        stylesheets: { default: "lyric.css", byFlow: { checkout: "x.js", basket: "lyric-basket.css" } },
        donateFundId: "201AGBHDRLQHNHPHKKMPKLGPMDRDTDMVL",
        membershipIds: ["m1", " ", "m2"],
      },
      defaults,
    );
    expect(problems.join("\n")).toMatch(/pagePaths\.basket/);
    expect(problems.join("\n")).toMatch(/stylesheets\.byFlow\.checkout/);
    expect(problems.join("\n")).toMatch(/membershipIds\.1/);
    expect(settings.pagePaths).toEqual({ ...defaults.pagePaths, account: "/my-account" });
    expect(stylesheetFor(settings, "basket")).toBe("lyric-basket.css");
    expect(stylesheetFor(settings, "checkout")).toBe("lyric.css");
    expect(settings.donateFundId).toBe("201AGBHDRLQHNHPHKKMPKLGPMDRDTDMVL");
    expect(settings.membershipIds).toEqual(["m1", "m2"]);
  });

  it("drops only the unknown key or the surplus entries, not the map or list that holds them", () => {
    const { settings, problems } = resolveFlowSettings(
      {
        stylesheets: { byFlow: { retiredFlow: "old.css", basket: "lyric-basket.css" } },
        membershipIds: Array.from({ length: 22 }, (_, i) => `m${i}`),
      },
      defaults,
    );
    expect(problems.join("\n")).toMatch(/stylesheets\.byFlow .*retiredFlow/);
    expect(problems.join("\n")).toMatch(/membershipIds/);
    expect(stylesheetFor(settings, "basket")).toBe("lyric-basket.css");
    expect(settings.membershipIds).toEqual(Array.from({ length: 20 }, (_, i) => `m${i}`));
    expect(settings.stylesheets.default).toBe(defaults.stylesheets.default);
  });

  it("finds a bad entry hidden behind a list that is too long, and still keeps the other fields", () => {
    const { settings, problems } = resolveFlowSettings(
      {
        pagePaths: { basket: "/cart" },
        donateFundId: "F1",
        membershipIds: ["", ...Array.from({ length: 21 }, (_, i) => `m${i}`)],
      },
      defaults,
    );
    expect(problems.join("\n")).toMatch(/membershipIds .*(big|many)/i);
    expect(problems.join("\n")).toMatch(/membershipIds\.0/);
    expect(settings.pagePaths.basket).toBe("/cart");
    expect(settings.donateFundId).toBe("F1");
    expect(settings.membershipIds).toEqual(Array.from({ length: 19 }, (_, i) => `m${i}`));
  });

  it("falls back to the defaults as a whole only when the record itself is unreadable", () => {
    const { settings, problems } = resolveFlowSettings("not an object", defaults);
    expect(settings).toEqual(defaults);
    expect(problems).toHaveLength(1);
  });
});
