/**
 * The chunks each App Router route runs before it is interactive, read from a build's manifests: the root main
 * files every page loads (React, Next's client, the Turbopack runtime) plus every chunk the route's
 * client-reference manifest lists for its segments (layouts, loading, error, not-found and the page itself).
 * Plain JavaScript because next.config.mjs runs `addCompileHints` after `next build` compiles (ADR 0016);
 * scripts/bench/lib/first-load.ts weighs the same lists.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";

/** @param {string} dir @param {string[]} out */
function manifestsUnder(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) manifestsUnder(full, out);
    else if (entry.name === "page_client-reference-manifest.js") out.push(full);
  }
  return out;
}

/** @param {string} distDir @returns {string[]} */
export function rootMainFiles(distDir) {
  const buildManifest = path.join(distDir, "build-manifest.json");
  if (!existsSync(buildManifest)) throw new Error(`${buildManifest} not found: build first`);
  return JSON.parse(readFileSync(buildManifest, "utf8")).rootMainFiles ?? [];
}

/**
 * Route (`/whats-on`, `/events/[slug]`; route groups removed) → its first-load JavaScript files, as paths
 * relative to distDir (`static/chunks/….js`).
 * @param {string} distDir
 * @returns {Map<string, string[]>}
 */
export function firstLoadChunks(distDir) {
  const root = rootMainFiles(distDir);
  /** @type {Map<string, string[]>} */
  const routes = new Map();
  for (const file of manifestsUnder(path.join(distDir, "server", "app"))) {
    // The manifest is a script that assigns `globalThis.__RSC_MANIFEST[...]`; run it in an empty context.
    /** @type {{ __RSC_MANIFEST?: Record<string, { entryJSFiles?: Record<string, string[]> }> }} */
    const sandbox = {};
    vm.runInNewContext(readFileSync(file, "utf8"), sandbox, { timeout: 1_000 });
    for (const [key, manifest] of Object.entries(sandbox.__RSC_MANIFEST ?? {})) {
      if (!key.endsWith("/page")) continue;
      const route = key.replace(/\/page$/, "").replace(/\/\([^)]+\)/g, "") || "/";
      const files = new Set(root);
      for (const chunks of Object.values(manifest.entryJSFiles ?? {})) for (const c of chunks) files.add(c);
      routes.set(
        route,
        [...files].filter((f) => f.endsWith(".js")).map((f) => f.replace(/^\/_next\//, "")),
      );
    }
  }
  return routes;
}

/**
 * V8's per-file compile hint: a script whose first line is this comment has all its functions compiled eagerly,
 * off the main thread while it streams in, instead of lazily on the main thread when each is first called.
 */
export const COMPILE_HINT = "//# allFunctionsCalledOnLoad\n";

/**
 * Puts the compile hint at the top of every route's first-load chunks, and on no other file (lazily loaded
 * chunks would be compiled for nothing). Idempotent. Returns the files it checked, relative to distDir.
 * @param {string} distDir
 * @returns {{ files: string[]; changed: number }}
 */
export function addCompileHints(distDir) {
  const files = [...new Set([...firstLoadChunks(distDir).values()].flat())].sort();
  let changed = 0;
  for (const file of files) {
    const full = path.join(distDir, file);
    const source = readFileSync(full, "utf8");
    if (source.startsWith(COMPILE_HINT)) continue;
    writeFileSync(full, COMPILE_HINT + source);
    changed++;
  }
  return { files, changed };
}
