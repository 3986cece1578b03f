import type { NextConfig } from "next";
import { describe, expect, it } from "vitest";
// @ts-expect-error -- next.config.mjs is plain JS without declarations
import nextConfigModule from "../../next.config.mjs";
import { config as proxyConfig } from "../../proxy";
import {
  CACHED_HOME_PATH,
  CACHED_LISTINGS,
  CALENDAR_LISTING_PATH,
  LISTING_PARAMS,
  UNFILTERED_LISTING_PATH,
} from "@/lib/page-cache.mjs";

// The unfiltered what's on is served by a rewrite that runs only when no listing parameter is present, and the
// proxy runs only when one is. If the two lists drift, a filter would either skip its canonical redirect or be
// answered with the unfiltered page.
const nextConfig = nextConfigModule as NextConfig;

describe("what's on routing", () => {
  it("sends exactly the URLs with listing parameters through the proxy", () => {
    const keys = proxyConfig.matcher
      .filter(
        (m): m is { source: string; has: { type: string; key: string }[] } =>
          typeof m === "object" && m.source === "/whats-on",
      )
      .flatMap((m) => m.has.map((h) => h.key));
    expect([...keys].sort()).toEqual([...LISTING_PARAMS].sort());
    // The cached copies redirect back to their public address.
    for (const { path } of CACHED_LISTINGS) expect(proxyConfig.matcher).toContain(path);
    expect(proxyConfig.matcher).toContain(CACHED_HOME_PATH);
  });

  it("serves the home page from its cached copy", async () => {
    const rewrites = (await nextConfig.rewrites!()) as {
      beforeFiles: { source: string; destination: string; missing?: unknown[] }[];
    };
    expect(rewrites.beforeFiles.find((r) => r.source === "/")).toEqual({ source: "/", destination: CACHED_HOME_PATH });
  });

  it("rewrites a /whats-on with none of them to the cached unfiltered page", async () => {
    const rewrites = (await nextConfig.rewrites!()) as {
      beforeFiles: { source: string; destination: string; missing?: { type: string; key: string }[] }[];
    };
    const rule = rewrites.beforeFiles.find((r) => r.destination === UNFILTERED_LISTING_PATH);
    expect(rule?.source).toBe("/whats-on");
    expect(rule?.missing?.every((m) => m.type === "query")).toBe(true);
    expect(rule?.missing?.map((m) => m.key).sort()).toEqual([...LISTING_PARAMS].sort());
  });

  it("rewrites this month's calendar, and only it, to the cached calendar page", async () => {
    const rewrites = (await nextConfig.rewrites!()) as {
      beforeFiles: {
        source: string;
        destination: string;
        has?: { type: string; key: string; value?: string }[];
        missing?: { type: string; key: string }[];
      }[];
    };
    const rule = rewrites.beforeFiles.find((r) => r.destination === CALENDAR_LISTING_PATH);
    expect(rule?.source).toBe("/whats-on");
    expect(rule?.has).toEqual([{ type: "query", key: "view", value: "calendar" }]);
    // Any other listing parameter (a month, a filter, a page) goes to the per-request page.
    expect(rule?.missing?.map((m) => m.key).sort()).toEqual(LISTING_PARAMS.filter((k) => k !== "view").sort());
    expect(CACHED_LISTINGS.find((l) => l.path === CALENDAR_LISTING_PATH)?.params).toEqual({ view: "calendar" });
  });
});
