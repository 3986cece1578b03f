/**
 * First-load JS per App Router route, from a build's manifests (no server needed): the chunks
 * lib/build/first-load-chunks.mjs lists for the route, measured gzipped. The nomodule polyfills (skipped by
 * modern browsers) are not counted; neither are third-party scripts (Spektrix web components), which are not
 * part of the build. `npm run bench` cross-checks the result against the scripts a rendered page really
 * references.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { firstLoadChunks, rootMainFiles } from "../../../lib/build/first-load-chunks.mjs";

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

export function firstLoadJs(distDir: string): RouteWeight[] {
  const sizes = new Map<string, { raw: number; gz: number }>();
  const size = (file: string) => {
    let s = sizes.get(file);
    if (!s) {
      const buf = readFileSync(path.join(distDir, file));
      s = { raw: buf.length, gz: gzipSync(buf).length };
      sizes.set(file, s);
    }
    return s;
  };
  const out: RouteWeight[] = [];
  for (const [route, files] of firstLoadChunks(distDir)) {
    let raw = 0;
    let gz = 0;
    for (const f of files) {
      const s = size(f);
      raw += s.raw;
      gz += s.gz;
    }
    out.push({ route, files: files.length, gzipBytes: gz, rawBytes: raw });
  }
  return out.sort((a, b) => a.route.localeCompare(b.route));
}

export const FIRST_LOAD_BUDGET_BYTES = 110 * 1024;

/** Gzip bytes of the root main files alone: the framework floor every route pays. */
export function frameworkFloor(distDir: string): number {
  return rootMainFiles(distDir).reduce((sum, f) => sum + gzipSync(readFileSync(path.join(distDir, f))).length, 0);
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
