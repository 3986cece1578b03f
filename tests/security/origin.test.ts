import { describe, expect, it } from "vitest";
import { isSameOrigin } from "@/lib/security/origin";

const siteUrl = "https://www.venue.org";

describe("isSameOrigin", () => {
  it("accepts the site's own origin, whatever the server thinks its URL is", () => {
    expect(isSameOrigin({ origin: "https://www.venue.org", fetchSite: "same-origin", siteUrl })).toBe(true);
  });

  it("refuses another origin, a sibling subdomain, another scheme or port, and the opaque 'null'", () => {
    for (const origin of [
      "https://evil.example",
      "https://tickets.venue.org",
      "http://www.venue.org",
      "https://www.venue.org:8443",
      "null",
      "not a url",
    ]) {
      expect(isSameOrigin({ origin, fetchSite: "same-origin", siteUrl }), origin).toBe(false);
    }
  });

  it("without an Origin header trusts only the browser's own same-origin mark", () => {
    expect(isSameOrigin({ origin: null, fetchSite: "same-origin", siteUrl })).toBe(true);
    expect(isSameOrigin({ origin: null, fetchSite: "cross-site", siteUrl })).toBe(false);
    expect(isSameOrigin({ origin: null, fetchSite: null, siteUrl })).toBe(false);
  });
});
