import { describe, expect, it } from "vitest";
import { resolveConnection, SPEKTRIX_SYSTEM_ORIGIN, type StoredConnection } from "@/lib/connection/resolve";

/** The connection's rules on their own: which layer each field comes from, and when the version moves. */

const ENV = {
  SPEKTRIX_CLIENT_NAME: "demo",
  SPEKTRIX_BASE_URL: "http://localhost:4010",
  SPEKTRIX_WEB_COMPONENTS_URL: undefined,
  SPEKTRIX_API_USER: "demo-api",
  SPEKTRIX_API_KEY: "ZGVtbw==",
};

const stored = (over: Partial<StoredConnection> = {}): StoredConnection => ({
  revision: 3,
  clientName: "lyric",
  customDomain: "tickets.lyric.org",
  webComponentsUrl: null,
  apiUser: "lyric-api",
  apiKeySealed: "sealed",
  accountPath: "/account",
  basketPath: "/basket",
  checkoutPath: "/checkout",
  iframeStylesheetUrl: null,
  componentsStylesheetUrl: null,
  history: [],
  ...over,
});

const resolve = (
  s: StoredConnection | null,
  setInEnv: string[] = [],
  openKey: (sealed: string) => string | null = () => "bHlyaWM=",
) => resolveConnection({ stored: s, env: ENV, setInEnv: new Set(setInEnv), openKey });

describe("resolveConnection", () => {
  it("uses the environment's values (defaults included) until the studio saves one", () => {
    const c = resolve(null);
    expect(c).toMatchObject({
      revision: 0,
      clientName: "demo",
      baseUrl: "http://localhost:4010",
      webComponentsUrl: "http://localhost:4010/webcomponents/stable",
      owner: { apiUser: "demo-api", apiKey: "ZGVtbw==" },
    });
    expect(Object.values(c.source)).toEqual(["default", "default", "default", "default", "default"]);
  });

  it("uses what the studio saved: the custom domain over https, the sealed key opened", () => {
    const c = resolve(stored());
    expect(c).toMatchObject({
      revision: 3,
      clientName: "lyric",
      baseUrl: "https://tickets.lyric.org",
      // Spektrix serves its components from its own host, whatever the custom domain; an emulator from its own.
      webComponentsUrl: "https://webcomponents.spektrix.com/stable",
      owner: { apiUser: "lyric-api", apiKey: "bHlyaWM=" },
    });
    expect(c.source).toMatchObject({ clientName: "studio", baseUrl: "studio", apiKey: "studio" });
  });

  it("puts a saved connection without a custom domain on Spektrix's own host, and keeps a loopback origin as written", () => {
    expect(resolve(stored({ customDomain: null })).baseUrl).toBe(SPEKTRIX_SYSTEM_ORIGIN);
    expect(resolve(stored({ customDomain: "http://127.0.0.1:4111" })).baseUrl).toBe("http://127.0.0.1:4111");
  });

  it("lets a variable set in the environment win, field by field", () => {
    const c = resolve(stored(), ["SPEKTRIX_BASE_URL", "SPEKTRIX_API_KEY"]);
    expect(c.baseUrl).toBe("http://localhost:4010");
    expect(c.owner.apiKey).toBe("ZGVtbw==");
    expect(c.clientName).toBe("lyric");
    expect(c.source).toMatchObject({ baseUrl: "environment", apiKey: "environment", clientName: "studio" });
  });

  it("falls back to the environment's key, and says so, when the saved one cannot be opened", () => {
    const c = resolve(stored(), [], () => null);
    expect(c.owner.apiKey).toBe("ZGVtbw==");
    expect(c.storedKeyUnreadable).toBe(true);
    expect(c.source.apiKey).toBe("default");
  });

  it("moves the version with any value the site uses, the key included, and never shows the key in it", () => {
    const base = resolve(stored()).version;
    expect(resolve(stored()).version).toBe(base);
    expect(resolve(stored({ clientName: "other" })).version).not.toBe(base);
    expect(resolve(stored(), [], () => "b3RoZXI=").version).not.toBe(base);
    // A page path is not part of how the site reaches Spektrix.
    expect(resolve(stored({ basketPath: "/cart" })).version).toBe(base);
    expect(base).not.toContain("bHlyaWM");
  });
});
