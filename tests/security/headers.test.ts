import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, securityHeaders, spektrixSources } from "@/lib/security/headers.mjs";

/** The header builder on its own: what the CSP allows, per config. The built server is checked in e2e/security.spec.ts. */

const REAL = { SPEKTRIX_BASE_URL: "https://tickets.venue.org", NODE_ENV: "production" };

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(";").map((d) => {
      const [name, ...sources] = d.trim().split(/\s+/);
      return [name!, sources];
    }),
  );
}

const header = (config: Parameters<typeof securityHeaders>[0], key: string) =>
  securityHeaders(config).find((h) => h.key === key)?.value;

describe("security headers", () => {
  it("limits scripts, frames and connections to the site, the Spektrix domain and the web-components host", () => {
    const csp = directives(
      contentSecurityPolicy({ ...REAL, SPEKTRIX_WEB_COMPONENTS_URL: "https://webcomponents.spektrix.com/stable" }),
    );
    for (const name of ["script-src", "frame-src", "connect-src"]) {
      const sources = csp.get(name)!.filter((s) => !s.startsWith("'unsafe"));
      expect(sources, name).toEqual(["'self'", "https://tickets.venue.org", "https://webcomponents.spektrix.com"]);
    }
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
  });

  it("defaults the web-components host to the Spektrix domain's /webcomponents/stable", () => {
    expect(spektrixSources({ SPEKTRIX_BASE_URL: "https://tickets.venue.org/" })).toEqual(["https://tickets.venue.org"]);
  });

  it("forbids framing by other sites with frame-ancestors and X-Frame-Options", () => {
    expect(directives(contentSecurityPolicy(REAL)).get("frame-ancestors")).toEqual(["'self'"]);
    expect(header(REAL, "X-Frame-Options")).toBe("SAMEORIGIN");
  });

  it("allows inline scripts (Next bootstrap) and inline styles, but eval only in development", () => {
    const prod = directives(contentSecurityPolicy(REAL));
    expect(prod.get("script-src")).toContain("'unsafe-inline'");
    expect(prod.get("script-src")).not.toContain("'unsafe-eval'");
    expect(prod.get("style-src")).toContain("'unsafe-inline'");
    expect(directives(contentSecurityPolicy({ ...REAL, NODE_ENV: "development" })).get("script-src")).toContain(
      "'unsafe-eval'",
    );
  });

  it("never allows a wildcard or plain http for a real Spektrix domain", () => {
    const csp = contentSecurityPolicy(REAL);
    for (const [name, sources] of directives(csp)) {
      if (name === "img-src") continue; // images from any https host, by design
      expect(
        sources.filter((s) => s === "*" || s === "http:" || s === "https:" || s.startsWith("http://")),
        name,
      ).toEqual([]);
    }
  });

  it("widens a loopback Spektrix URL (the emulator) to every loopback port, and only then", () => {
    expect(spektrixSources({ SPEKTRIX_BASE_URL: "http://127.0.0.1:4110" })).toEqual([
      "http://localhost:*",
      "http://127.0.0.1:*",
    ]);
    expect(spektrixSources({})).toEqual(["http://localhost:*", "http://127.0.0.1:*"]);
    expect(spektrixSources({ SPEKTRIX_BASE_URL: "http://tickets.venue.org" })).toEqual(["http://tickets.venue.org"]);
  });

  it("sends HSTS in production only", () => {
    expect(header(REAL, "Strict-Transport-Security")).toMatch(/^max-age=\d{8}; includeSubDomains$/);
    expect(header({ ...REAL, NODE_ENV: "development" }, "Strict-Transport-Security")).toBeUndefined();
    expect(header({ ...REAL, NODE_ENV: "test" }, "Strict-Transport-Security")).toBeUndefined();
  });

  it("sends nosniff, a referrer policy and a permissions policy", () => {
    expect(header(REAL, "X-Content-Type-Options")).toBe("nosniff");
    expect(header(REAL, "Referrer-Policy")).toBe("strict-origin-when-cross-origin");
    expect(header(REAL, "Permissions-Policy")).toContain("camera=()");
  });

  it("refuses a URL it cannot turn into an origin, naming the variable to fix", () => {
    expect(() => contentSecurityPolicy({ SPEKTRIX_BASE_URL: "tickets.venue.org" })).toThrow(/SPEKTRIX_BASE_URL/);
    expect(() => contentSecurityPolicy({ SPEKTRIX_BASE_URL: "javascript:alert(1)" })).toThrow(/cannot serve Spektrix/);
  });
});
