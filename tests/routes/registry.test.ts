import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CACHED_HOME_PATH, CACHED_LISTINGS } from "@/lib/page-cache.mjs";
import { PAYMENT_FORM_PATH } from "@/lib/security/headers.mjs";
import {
  crawlerDisallows,
  movedPageAt,
  pagePathProblem,
  privatePathPrefixes,
  routes,
  SERVED_SECTIONS,
} from "@/lib/routes";
import { WHATS_ON_PATH } from "@/lib/events/canonical";
import { config as proxyConfig } from "@/proxy";

/** Every page and route handler under app/, as a pattern over URL paths (route groups dropped, [param] = one segment). */
function appRoutes(dir = "app", prefix = ""): RegExp[] {
  const out: RegExp[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      const segment = /^\(.*\)$/.test(name)
        ? ""
        : /^\[\.\.\..+\]$/.test(name)
          ? "/.+"
          : /^\[.+\]$/.test(name)
            ? "/[^/]+"
            : `/${name.replace(/\./g, "\\.")}`;
      out.push(...appRoutes(full, prefix + segment));
    } else if (/^(page|route)\.tsx?$/.test(name)) {
      out.push(new RegExp(`^${prefix || "/"}$`));
    }
  }
  return out;
}

/** Every path the registry can produce, with sample arguments for the builders. */
function registryPaths(node: unknown = routes): string[] {
  if (typeof node === "string") return [node];
  if (typeof node === "function") {
    // Builders take ids or slugs, or (the query builders) a list of ids.
    try {
      return [(node as (...a: string[]) => string)("sample-1", "sample-2")];
    } catch {
      return [(node as (ids: string[]) => string)(["sample-1"])];
    }
  }
  return Object.values(node as Record<string, unknown>).flatMap((v) => registryPaths(v));
}

describe("pages the studio moves", () => {
  const own = {
    account: "/account",
    basket: "/basket",
    checkout: "/checkout",
    guestCheckout: "/basket/guest-checkout",
  };
  it("answers a moved page at its new path only, trailing slash or not, and never a page at its own route", () => {
    const moved = { ...own, basket: "/cart", checkout: "/tickets/pay" };
    expect(movedPageAt("/cart", moved)).toBe("basket");
    expect(movedPageAt("/cart/", moved)).toBe("basket");
    expect(movedPageAt("/tickets/pay", moved)).toBe("checkout");
    expect(movedPageAt("/account", moved)).toBeNull();
    expect(movedPageAt("/basket", moved)).toBeNull();
    expect(movedPageAt("/anything-else", moved)).toBeNull();
    expect(movedPageAt("/cart", own)).toBeNull();
  });

  it("asks crawlers to skip the per-visitor pages wherever the studio moved them, each once", () => {
    const moved = { account: "/my-account", basket: "/cart", checkout: routes.checkout, guestCheckout: "/cart/guest" };
    const disallow = crawlerDisallows(moved);
    for (const path of [...privatePathPrefixes, "/my-account$", "/my-account/", "/cart$", "/cart/", "/cart/guest$"])
      expect(disallow, path).toContain(path);
    expect(disallow.filter((path) => path.startsWith(routes.checkout))).toEqual([routes.checkout]);
    // A prefix would hide public pages that begin the same way (/member → /membership).
    const member = crawlerDisallows({ ...moved, account: "/member" });
    expect(member).not.toContain("/member");
    expect(member).toEqual(expect.arrayContaining(["/member$", "/member/"]));
  });

  it("has one rule for a page path: no home page, files, dot segments, // or served sections", () => {
    for (const bad of [
      "/",
      "/robots.txt",
      "/x/../studio",
      "/cart.",
      "/my_basket",
      "//cart",
      "/whats-on/basket",
      "/studio/me",
    ])
      expect(pagePathProblem(bad, "/basket"), bad).not.toBeNull();
    for (const good of ["/cart", "/tickets/pay", "/My-Account"])
      expect(pagePathProblem(good, "/basket"), good).toBeNull();
    expect(pagePathProblem("/basket", "/basket")).toBeNull();
  });

  it("sends the proxy exactly the paths outside the sections the site serves", () => {
    const entry = proxyConfig.matcher.find((m) => typeof m === "string" && m.startsWith("/((?!(?:")) as string;
    const sections = /\(\?:([a-z|_-]+)\)/.exec(entry)![1]!.split("|");
    expect(new Set(sections)).toEqual(SERVED_SECTIONS);
  });

  it("knows the sections the site serves, so a moved page can never shadow one", () => {
    for (const section of ["whats-on", "events", "book", "info", "studio", "api", "checkout", "basket", "login"])
      expect(SERVED_SECTIONS.has(section), section).toBe(true);
    expect(SERVED_SECTIONS.has("cart")).toBe(false);
    // Every top-level folder under app/ that serves something is a served section.
    const top = readdirSync("app/(site)").filter(
      (name) => statSync(path.join("app/(site)", name)).isDirectory() && !/^[([]/.test(name),
    );
    for (const name of top) expect(SERVED_SECTIONS.has(name), name).toBe(true);
  });
});

describe("the route registry", () => {
  const pages = appRoutes();

  it("names only paths that a page or route handler under app/ serves", () => {
    const missing = registryPaths()
      .map((p) => p.split("?")[0]!)
      // `/` is served by app/(site)/home/[variant] through a rewrite in next.config.mjs (the page cache, ADR 0007).
      .map((p) => (p === routes.home ? CACHED_HOME_PATH : p))
      .filter((p) => !pages.some((re) => re.test(p)));
    expect(missing).toEqual([]);
  });

  it("encodes the parameters it is given", () => {
    expect(routes.event("a b/c")).toBe("/events/a%20b%2Fc");
    expect(routes.confirmationCalendar("O 1", "P/2")).toBe("/checkout/confirmation/O%201/calendar/P%2F2");
    expect(routes.api.availability(["A", "B C"])).toBe("/api/availability?performances=A,B%20C");
    expect(routes.basketLabels(["A", "B"])).toBe("/basket/labels?performances=A%2CB");
  });

  it("agrees with the paths that files outside TypeScript spell themselves", () => {
    expect(WHATS_ON_PATH).toBe(routes.whatsOn);
    expect(PAYMENT_FORM_PATH).toBe(routes.paymentForm);
    for (const { path } of CACHED_LISTINGS) expect(path.startsWith(`${routes.whatsOn}/`)).toBe(true);
    // The proxy's matcher must be a literal for Next; its paths are the registry's event, booking and listing pages.
    const sources = proxyConfig.matcher.map((m) => (typeof m === "string" ? m : m.source));
    // The request guard's entries match every path by design (lib/security/request-guard.ts): no page to check.
    const guardEntries = new Set(["/:path(.*%.*)", "/:path*"]);
    // …and so does the moved-pages entry, for paths outside every served section (checked below).
    for (const source of sources.filter((s) => !guardEntries.has(s) && !s.startsWith("/((?!(?:"))) {
      const page = source.replace(/\/:[a-z]+\(.*\)$/, "/sample");
      expect(
        [routes.whatsOn, ...CACHED_LISTINGS.map((l) => l.path), routes.event("sample"), routes.book("sample")].includes(
          page,
        ) || pages.some((re) => re.test(page)),
        source,
      ).toBe(true);
    }
    for (const prefix of privatePathPrefixes)
      expect(
        registryPaths().some((p) => p.startsWith(prefix)),
        prefix,
      ).toBe(true);
  });
});
