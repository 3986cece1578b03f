/**
 * proxy.ts answers /info/{slug} for a slug that is not a published page with a path no route serves (Next's own
 * not-found route, whose words are in the HTML; ADR 0022), and passes published slugs, and any slug while the
 * store cannot be read, on to the page.
 */
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";

// A plain function rather than vi.fn: with a spy that returned a rejected promise, vitest failed the fault test
// with that error although the proxy had caught it.
let published: (slug: string) => Promise<boolean> = async () => false;
const asked: string[] = [];
vi.mock("@/lib/studio/published", () => ({
  isPublishedSlug: (slug: string) => {
    asked.push(slug);
    return published(slug);
  },
}));

const { proxy, config } = await import("../../proxy");

const ask = (path: string) => proxy(new NextRequest(new URL(path, "http://localhost:3000")));
const rewrittenTo = (response: Response) => {
  const to = response.headers.get("x-middleware-rewrite");
  return to ? new URL(to).pathname : null;
};

beforeEach(() => {
  asked.length = 0;
});

describe("proxy: studio-built pages", () => {
  it("is asked for /info/{slug}", () => {
    expect(config.matcher).toContain("/info/:slug");
  });

  it("passes a published page on to its route", async () => {
    published = async (slug) => slug === "about-us";
    const response = await ask("/info/about-us");
    expect(asked).toEqual(["about-us"]);
    expect(rewrittenTo(response)).toBeNull();
    expect(response.headers.get("x-middleware-next")).toBe("1");
  });

  it("answers any other slug with a path no route serves", async () => {
    published = async () => false;
    const rewritten = rewrittenTo(await ask("/info/no-such-page"));
    expect(rewritten).not.toBeNull();
    expect(rewritten).not.toMatch(/^\/info\/[^/]+$/);
  });

  it("lets the page decide when the published list cannot be read", async () => {
    published = async () => {
      throw new Error("connection refused");
    };
    const response = await ask("/info/about-us");
    expect(rewrittenTo(response)).toBeNull();
    expect(response.headers.get("x-middleware-next")).toBe("1");
  });
});

describe("proxy: addresses typed with capitals", () => {
  it.each([
    ["/events/Tosca", "/events/tosca"],
    ["/events/La-Boheme?date=2031-01-01", "/events/la-boheme?date=2031-01-01"],
    ["/info/About-Us", "/info/about-us"],
  ])("sends %s to %s for good", async (path, to) => {
    const response = await ask(path);
    expect(response.status).toBe(308);
    const location = new URL(response.headers.get("location")!);
    expect(`${location.pathname}${location.search}`).toBe(to);
  });

  it("is asked for event slugs with capitals, and leaves other shapes to their own rules", async () => {
    expect(config.matcher).toContain("/events/:slug(.*[A-Z].*)");
    published = async () => false;
    // Not a slug at all (an underscore): the info rule answers it, not a redirect.
    expect((await ask("/info/About_Us")).status).not.toBe(308);
    expect((await ask(`/events/${"A".repeat(201)}`)).status).not.toBe(308);
  });
});
