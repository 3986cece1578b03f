import { describe, expect, it, vi } from "vitest";
import { resolveConnection } from "@/lib/connection/resolve";

vi.mock("server-only", () => ({}));
const { publicConfigOf } = await import("@/lib/spektrix-flows/config");

/** The browser's config for a connection the environment pins (the studio's resolves the same way). */
function spektrixPublicConfig(env: {
  SPEKTRIX_BASE_URL: string;
  SPEKTRIX_CLIENT_NAME: string;
  SPEKTRIX_WEB_COMPONENTS_URL: string | undefined;
}) {
  const set = new Set(Object.entries(env).flatMap(([k, v]) => (v === undefined ? [] : [k])));
  return publicConfigOf(
    resolveConnection({
      stored: null,
      env: {
        ...env,
        SPEKTRIX_BASE_URL: env.SPEKTRIX_BASE_URL.replace(/\/+$/, ""),
        SPEKTRIX_API_USER: "u",
        SPEKTRIX_API_KEY: "aw==",
      },
      setInEnv: set,
      openKey: () => null,
    }),
  );
}

describe("spektrixPublicConfig", () => {
  it("uses the custom domain for everything and Spektrix's own loader when configured", () => {
    const c = spektrixPublicConfig({
      SPEKTRIX_BASE_URL: "https://tickets.venue.org",
      SPEKTRIX_CLIENT_NAME: "lyric",
      SPEKTRIX_WEB_COMPONENTS_URL: "https://webcomponents.spektrix.com/stable",
    });
    expect(c).toEqual({
      baseUrl: "https://tickets.venue.org",
      origin: "https://tickets.venue.org",
      clientName: "lyric",
      customDomain: "tickets.venue.org",
      paymentsDomain: "tickets.venue.org",
      webComponentsUrl: "https://webcomponents.spektrix.com/stable",
      loaderUrl: "https://webcomponents.spektrix.com/stable/spektrix-component-loader.js",
      componentsStylesheetUrl: null,
    });
  });

  it("defaults the loader to the base URL and passes a full origin for plain-http emulators", () => {
    const c = spektrixPublicConfig({
      SPEKTRIX_BASE_URL: "http://127.0.0.1:4110",
      SPEKTRIX_CLIENT_NAME: "demo",
      SPEKTRIX_WEB_COMPONENTS_URL: undefined,
    });
    expect(c.loaderUrl).toBe("http://127.0.0.1:4110/webcomponents/stable/spektrix-component-loader.js");
    expect(c.webComponentsUrl).toBe("http://127.0.0.1:4110/webcomponents/stable");
    expect(c.customDomain).toBe("http://127.0.0.1:4110");
    expect(c.paymentsDomain).toBe("http://127.0.0.1:4110");
    expect(c.origin).toBe("http://127.0.0.1:4110");
  });

  it("sends no custom domain when the base is system.spektrix.com, except to the payments component, which always takes one", () => {
    const c = spektrixPublicConfig({
      SPEKTRIX_BASE_URL: "https://system.spektrix.com",
      SPEKTRIX_CLIENT_NAME: "lyric",
      SPEKTRIX_WEB_COMPONENTS_URL: undefined,
    });
    expect(c.customDomain).toBeNull();
    expect(c.paymentsDomain).toBe("system.spektrix.com");
  });

  it("keeps the custom domain's port and drops trailing slashes, from one rule for every component", () => {
    const c = spektrixPublicConfig({
      SPEKTRIX_BASE_URL: "https://tickets.venue.org:8443/",
      SPEKTRIX_CLIENT_NAME: "lyric",
      SPEKTRIX_WEB_COMPONENTS_URL: "https://cdn.example/wc/",
    });
    expect(c.baseUrl).toBe("https://tickets.venue.org:8443");
    expect(c.customDomain).toBe("tickets.venue.org:8443");
    expect(c.webComponentsUrl).toBe("https://cdn.example/wc");
  });
});
