import { describe, expect, it } from "vitest";
import { isWebModeCheckUrl, webModeCheckUrl } from "@/lib/spektrix/urls";
import { isWebCheckMessage, WEB_CHECK_MESSAGE, webCheckPage, webCheckProblem } from "@/lib/studio/web-check";

describe("the browser's web-mode check", () => {
  it("asks the candidate's session basket, and accepts only such an address", () => {
    const url = webModeCheckUrl("https://tickets.venue.org/", "venue");
    expect(url).toBe("https://tickets.venue.org/venue/api/v3/basket");
    expect(isWebModeCheckUrl(url)).toBe(true);
    expect(isWebModeCheckUrl("http://127.0.0.1:4010/demo/api/v3/basket")).toBe(true);
    for (const bad of [
      "http://tickets.venue.org/venue/api/v3/basket", // plain http off this machine
      "https://tickets.venue.org/venue/api/v3/customer", // another endpoint
      "https://tickets.venue.org/venue/api/v3/basket?x=1",
      "https://user:pw@tickets.venue.org/venue/api/v3/basket",
      "https://tickets.venue.org/a/b/api/v3/basket",
      "javascript:alert(1)//venue/api/v3/basket",
      "not a url",
    ])
      expect(isWebModeCheckUrl(bad), bad).toBe(false);
  });

  it("the check page may reach only the candidate's origin, runs one nonce script, and carries the target as data", () => {
    const target = "https://tickets.venue.org/venue/api/v3/basket";
    const { html, policy } = webCheckPage(target, "abc123");
    expect(policy).toContain("connect-src https://tickets.venue.org;");
    expect(policy).toContain("script-src 'nonce-abc123'");
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("frame-ancestors 'self'");
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toContain('<script nonce="abc123">');
    expect(html).toContain(JSON.stringify(target));
  });

  it("reads only well-formed messages, and words each failure for the editor", () => {
    const target = "https://tickets.venue.org/venue/api/v3/basket";
    expect(isWebCheckMessage({ type: WEB_CHECK_MESSAGE, target, result: "origin" })).toBe(true);
    expect(isWebCheckMessage({ type: WEB_CHECK_MESSAGE, target, result: "<img>" })).toBe(false);
    expect(isWebCheckMessage({ type: "other", target, result: "ok" })).toBe(false);
    expect(isWebCheckMessage(null)).toBe(false);
    expect(webCheckProblem("ok", target, "https://www.venue.org")).toBeNull();
    expect(webCheckProblem("origin", target, "https://www.venue.org")).toMatch(
      /add https:\/\/www\.venue\.org to the allowed origins/,
    );
    expect(webCheckProblem("unreachable", target, "https://www.venue.org")).toMatch(/could not reach/);
    expect(webCheckProblem("status:404", target, "https://www.venue.org")).toMatch(/HTTP 404.*client name/);
  });
});
