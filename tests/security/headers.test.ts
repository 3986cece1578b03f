import { describe, expect, it } from "vitest";
import { paymentFormDocument } from "@/lib/checkout/payment-form";
import { DEFAULT_CHALLENGE_SOURCES, DEFAULT_PAYMENT_SOURCES, parseEnv } from "@/lib/config/env";
import {
  apiContentSecurityPolicy,
  documentContentSecurityPolicy,
  pageContentSecurityPolicy,
  securityHeaders,
  spektrixSources,
} from "@/lib/security/headers.mjs";

/** The policy builders on their own, per connection. The built server is checked in e2e/security.spec.ts. */

const REAL = {
  baseUrl: "https://tickets.venue.org",
  webComponentsUrl: "https://tickets.venue.org/webcomponents/stable",
};
const PROD = { NODE_ENV: "production" };

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(";").map((d) => {
      const [name, ...sources] = d.trim().split(/\s+/);
      return [name!, sources];
    }),
  );
}

const header = (
  config: Parameters<typeof securityHeaders>[0],
  key: string,
  options?: { api?: boolean; paymentForm?: boolean },
) => securityHeaders(config, options).find((h) => h.key === key)?.value;

describe("the document policy (a page's <meta>, per connection)", () => {
  it("limits scripts, frames and connections to the site, the Spektrix domain and the web-components host", () => {
    const csp = directives(
      documentContentSecurityPolicy({ ...REAL, webComponentsUrl: "https://webcomponents.spektrix.com/stable" }),
    );
    for (const name of ["script-src", "frame-src", "connect-src"]) {
      const sources = csp.get(name)!.filter((s) => !s.startsWith("'unsafe"));
      expect(sources, name).toEqual(["'self'", "https://tickets.venue.org", "https://webcomponents.spektrix.com"]);
    }
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
  });

  it("follows the connection: another custom domain is another policy", () => {
    const other = documentContentSecurityPolicy({
      baseUrl: "https://boxoffice.other.org",
      webComponentsUrl: "https://boxoffice.other.org/webcomponents/stable",
    });
    expect(directives(other).get("frame-src")).toEqual(["'self'", "https://boxoffice.other.org"]);
    expect(other).not.toContain("tickets.venue.org");
  });

  it("allows inline scripts (Next bootstrap) and inline styles, but eval only in development", () => {
    const prod = directives(documentContentSecurityPolicy(REAL));
    expect(prod.get("script-src")).toContain("'unsafe-inline'");
    expect(prod.get("script-src")).not.toContain("'unsafe-eval'");
    expect(prod.get("style-src")).toContain("'unsafe-inline'");
    expect(directives(documentContentSecurityPolicy({ ...REAL, development: true })).get("script-src")).toContain(
      "'unsafe-eval'",
    );
  });

  it("never allows a wildcard or plain http for a real Spektrix domain", () => {
    for (const [name, sources] of directives(documentContentSecurityPolicy(REAL))) {
      if (name === "img-src") continue; // images from any https host, by design
      expect(
        sources.filter((s) => s === "*" || s === "http:" || s === "https:" || s.startsWith("http://")),
        name,
      ).toEqual([]);
    }
  });

  it("names the emulator by its exact origin, as any Spektrix host: no other port on this machine", () => {
    const emulator = "http://127.0.0.1:4110";
    expect(spektrixSources({ baseUrl: emulator, webComponentsUrl: `${emulator}/webcomponents/stable` })).toEqual([
      emulator,
    ]);
    const csp = documentContentSecurityPolicy({
      baseUrl: emulator,
      webComponentsUrl: `${emulator}/webcomponents/stable`,
    });
    expect(csp).not.toContain(":*");
    expect(
      spektrixSources({ baseUrl: "http://tickets.venue.org", webComponentsUrl: "http://tickets.venue.org/wc" }),
    ).toEqual(["http://tickets.venue.org"]);
  });

  it("refuses a URL it cannot turn into an origin", () => {
    expect(() => documentContentSecurityPolicy({ ...REAL, baseUrl: "tickets.venue.org" })).toThrow(/absolute URL/);
    expect(() => documentContentSecurityPolicy({ ...REAL, baseUrl: "javascript:alert(1)" })).toThrow(
      /cannot serve Spektrix/,
    );
  });
});

describe("the response headers (fixed at build)", () => {
  it("say, for pages, only what no connection changes: framing, plugins, base and form targets", () => {
    const csp = directives(pageContentSecurityPolicy());
    expect(csp.get("frame-ancestors")).toEqual(["'self'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
    // Anything naming sources for scripts or frames would intersect with the page's own policy and refuse the
    // Spektrix host an editor set after the build.
    expect([...csp.keys()].filter((d) => /^(default|script|frame|connect|style)-src$/.test(d))).toEqual([]);
    expect(header(PROD, "Content-Security-Policy")).toBe(pageContentSecurityPolicy());
  });

  it("let API responses load nothing", () => {
    expect(directives(apiContentSecurityPolicy()).get("default-src")).toEqual(["'none'"]);
    expect(header(PROD, "Content-Security-Policy", { api: true })).toBe(apiContentSecurityPolicy());
  });

  it("forbid framing by other sites with X-Frame-Options too", () => {
    expect(header(PROD, "X-Frame-Options")).toBe("SAMEORIGIN");
  });

  it("send HSTS in production only", () => {
    expect(header(PROD, "Strict-Transport-Security")).toMatch(/^max-age=\d{8}; includeSubDomains$/);
    expect(header({ NODE_ENV: "development" }, "Strict-Transport-Security")).toBeUndefined();
    expect(header({ NODE_ENV: "test" }, "Strict-Transport-Security")).toBeUndefined();
  });

  it("send nosniff, a referrer policy and a permissions policy", () => {
    expect(header(PROD, "X-Content-Type-Options")).toBe("nosniff");
    expect(header(PROD, "Referrer-Policy")).toBe("strict-origin-when-cross-origin");
    expect(header(PROD, "Permissions-Policy")).toContain("camera=()");
  });
});

describe("the payment form's policy (its own document, ADR 0018)", () => {
  const form = paymentFormDocument({
    ...REAL,
    webComponentsUrl: "https://webcomponents.spektrix.com/stable",
    providerSources: DEFAULT_PAYMENT_SOURCES,
    challengeSources: DEFAULT_CHALLENGE_SOURCES,
  });
  const csp = directives(form.policy);

  it("loads scripts only from Spektrix and the payment provider, with no inline script at all", () => {
    expect(csp.get("script-src")).toEqual([
      "https://tickets.venue.org",
      "https://webcomponents.spektrix.com",
      ...DEFAULT_PAYMENT_SOURCES,
    ]);
    expect(form.policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(form.html).not.toMatch(/<script>|<script [^>]*>[^<]/);
    expect(form.html).toContain('<script src="https://webcomponents.spektrix.com/stable/spektrix-payments.js">');
    expect(csp.get("default-src")).toEqual(["'none'"]);
  });

  it("frames the provider's card fields and any https card issuer, and lets the challenge form post there", () => {
    expect(csp.get("frame-src")).toEqual([...DEFAULT_PAYMENT_SOURCES, "https:"]);
    expect(csp.get("form-action")).toEqual(["https:"]);
    expect(csp.get("frame-ancestors")).toEqual(["'self'"]);
    expect(csp.get("connect-src")).toContain("https://checkoutshopper-live.adyen.com");
  });

  it("is the only policy that names the provider: the page policy and the page headers do not", () => {
    const page = documentContentSecurityPolicy(REAL);
    for (const host of DEFAULT_PAYMENT_SOURCES) expect(page).not.toContain(host);
    expect(pageContentSecurityPolicy()).not.toContain("https:");
    // Next lets a config header replace a route handler's own, so the config gives the form's address none.
    expect(header(PROD, "Content-Security-Policy", { paymentForm: true })).toBeUndefined();
    expect(header(PROD, "X-Content-Type-Options", { paymentForm: true })).toBe("nosniff");
  });

  it("escapes the configured URLs it writes into the document", () => {
    const odd = paymentFormDocument({
      ...REAL,
      webComponentsUrl: 'https://wc.example/"><script>alert(1)</script>',
      providerSources: [],
      challengeSources: [],
    });
    expect(odd.html).not.toContain("<script>alert");
  });
});

describe("the payment hosts setting", () => {
  it("takes origins separated by spaces or commas, https only, plain http only on this machine", () => {
    expect(
      parseEnv({ SPEKTRIX_PAYMENT_SOURCES: "https://a.example, https://b.example/" }).SPEKTRIX_PAYMENT_SOURCES,
    ).toEqual(["https://a.example", "https://b.example"]);
    expect(
      parseEnv({ SPEKTRIX_PAYMENT_CHALLENGE_SOURCES: "http://127.0.0.1:4112" }).SPEKTRIX_PAYMENT_CHALLENGE_SOURCES,
    ).toEqual(["http://127.0.0.1:4112"]);
    expect(parseEnv({}).SPEKTRIX_PAYMENT_CHALLENGE_SOURCES).toEqual(["https:"]);
    // `https:` alone (any bank) only for challenges; a `;` glued to an origin never reaches a policy.
    expect(parseEnv({ SPEKTRIX_PAYMENT_CHALLENGE_SOURCES: "https:" }).SPEKTRIX_PAYMENT_CHALLENGE_SOURCES).toEqual([
      "https:",
    ]);
    expect(() => parseEnv({ SPEKTRIX_PAYMENT_CHALLENGE_SOURCES: "https://bank.example;script-src" })).toThrow(
      /SPEKTRIX_PAYMENT_CHALLENGE_SOURCES/,
    );
    for (const bad of [
      "http://pay.example",
      "https://pay.example/path",
      "*",
      "'unsafe-inline'",
      "https://a.example; script-src *",
      "https://a.example;frame-ancestors",
      // Any https host would make the form's script-src any host: only challenges may say it.
      "https:",
      "https://*.example",
    ])
      expect(() => parseEnv({ SPEKTRIX_PAYMENT_SOURCES: bad }), bad).toThrow(/SPEKTRIX_PAYMENT_SOURCES/);
  });
});
