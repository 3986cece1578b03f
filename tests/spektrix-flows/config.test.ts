import { describe, expect, it } from "vitest";
import { spektrixPublicConfig } from "@/lib/spektrix-flows/config";

describe("spektrixPublicConfig", () => {
  it("uses the custom domain for everything and Spektrix's own loader when configured", () => {
    const c = spektrixPublicConfig({ SPEKTRIX_BASE_URL: "https://tickets.venue.org", SPEKTRIX_CLIENT_NAME: "lyric", SPEKTRIX_WEB_COMPONENTS_URL: "https://webcomponents.spektrix.com/stable" });
    expect(c).toEqual({
      baseUrl: "https://tickets.venue.org",
      origin: "https://tickets.venue.org",
      clientName: "lyric",
      customDomain: "tickets.venue.org",
      loaderUrl: "https://webcomponents.spektrix.com/stable/spektrix-component-loader.js",
    });
  });

  it("defaults the loader to the base URL and passes a full origin for plain-http emulators", () => {
    const c = spektrixPublicConfig({ SPEKTRIX_BASE_URL: "http://127.0.0.1:4110", SPEKTRIX_CLIENT_NAME: "demo", SPEKTRIX_WEB_COMPONENTS_URL: undefined });
    expect(c.loaderUrl).toBe("http://127.0.0.1:4110/webcomponents/stable/spektrix-component-loader.js");
    expect(c.customDomain).toBe("http://127.0.0.1:4110");
    expect(c.origin).toBe("http://127.0.0.1:4110");
  });

  it("sends no custom domain when the base is system.spektrix.com", () => {
    expect(spektrixPublicConfig({ SPEKTRIX_BASE_URL: "https://system.spektrix.com", SPEKTRIX_CLIENT_NAME: "lyric", SPEKTRIX_WEB_COMPONENTS_URL: undefined }).customDomain).toBeNull();
  });
});
