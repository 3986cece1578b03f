/**
 * First-load JS per App Router route, from a build's manifests (no server needed): the root main files every
 * page loads (React, Next's client, the Turbopack runtime) plus every chunk the route's client-reference
 * manifest lists for its segments (layouts, loading, error, not-found and the page itself), deduplicated and
 * measured gzipped. The nomodule polyfills (skipped by modern browsers) are not counted; neither are third-party
 * scripts (Spektrix web components), which are not part of the build. `npm run bench` cross-checks the result
 * against the scripts a rendered page really references.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { gzipSync } from "node:zlib";

export interface RouteWeight {
  /** `/whats-on`, `/events/[slug]`; route groups removed. */
  route: string;
  files: number;
  gzipBytes: number;
  rawBytes: number;
}

/** Routes visitors reach without signing in. Studio, account, API and framework routes are excluded. */
export function isPublicRoute(route: string): boolean {
  return !/^\/(studio|account|api|_)/.test(route) && !route.includes("/_");
}

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (entry.name === "page_client-reference-manifest.js") out.push(full);
  }
  return out;
}

type RscManifest = { entryJSFiles?: Record<string, string[]> };

export function firstLoadJs(distDir: string): RouteWeight[] {
  const buildManifest = path.join(distDir, "build-manifest.json");
  if (!existsSync(buildManifest)) throw new Error(`${buildManifest} not found: build first`);
  const { rootMainFiles = [] } = JSON.parse(readFileSync(buildManifest, "utf8")) as { rootMainFiles?: string[] };
  const appDir = path.join(distDir, "server", "app");
  const sizes = new Map<string, { raw: number; gz: number }>();
  const size = (file: string) => {
    let s = sizes.get(file);
    if (!s) {
      const buf = readFileSync(path.join(distDir, file.replace(/^\/_next\//, "")));
      s = { raw: buf.length, gz: gzipSync(buf).length };
      sizes.set(file, s);
    }
    return s;
  };

  const out: RouteWeight[] = [];
  for (const file of walk(appDir)) {
    // The manifest is a script that assigns `globalThis.__RSC_MANIFEST[...]`; run it in an empty context.
    const sandbox: { __RSC_MANIFEST?: Record<string, RscManifest> } = {};
    vm.runInNewContext(readFileSync(file, "utf8"), sandbox, { timeout: 1_000 });
    for (const [key, manifest] of Object.entries(sandbox.__RSC_MANIFEST ?? {})) {
      if (!key.endsWith("/page")) continue;
      const route = key.replace(/\/page$/, "").replace(/\/\([^)]+\)/g, "") || "/";
      const files = new Set<string>(rootMainFiles);
      for (const chunks of Object.values(manifest.entryJSFiles ?? {})) for (const c of chunks) files.add(c);
      let raw = 0;
      let gz = 0;
      for (const f of files) {
        if (!f.endsWith(".js")) continue;
        const s = size(f);
        raw += s.raw;
        gz += s.gz;
      }
      out.push({ route, files: files.size, gzipBytes: gz, rawBytes: raw });
    }
  }
  return out.sort((a, b) => a.route.localeCompare(b.route));
}

export const FIRST_LOAD_BUDGET_BYTES = 110 * 1024;

/** Gzip bytes of the root main files alone: the framework floor every route pays. */
export function frameworkFloor(distDir: string): number {
  const { rootMainFiles = [] } = JSON.parse(readFileSync(path.join(distDir, "build-manifest.json"), "utf8")) as {
    rootMainFiles?: string[];
  };
  return rootMainFiles
    .filter((f) => f.endsWith(".js"))
    .reduce((sum, f) => sum + gzipSync(readFileSync(path.join(distDir, f))).length, 0);
}

/**
 * Gzip bytes of the `/_next/static/…js` scripts an HTML page references (tags and the RSC payload), without the
 * `nomodule` polyfills modern browsers skip: what a browser really fetches on a first visit.
 */
export function htmlScriptsGzip(distDir: string, html: string): { files: number; gzipBytes: number } {
  const { polyfillFiles = [] } = JSON.parse(readFileSync(path.join(distDir, "build-manifest.json"), "utf8")) as {
    polyfillFiles?: string[];
  };
  const files = new Set<string>();
  for (const m of html.matchAll(/\/_next\/(static\/[^"'\s>]+?\.js)/g))
    if (!polyfillFiles.includes(m[1]!)) files.add(m[1]!);
  let gz = 0;
  for (const f of files) {
    const full = path.join(distDir, f);
    if (existsSync(full)) gz += gzipSync(readFileSync(full)).length;
  }
  return { files: files.size, gzipBytes: gz };
}
