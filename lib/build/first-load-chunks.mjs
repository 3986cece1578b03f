/**
 * The chunks each App Router route runs before it is interactive, read from a build's manifests: the root main
 * files every page loads (React, Next's client, the Turbopack runtime) plus every chunk the route's
 * client-reference manifest lists for its segments (layouts, loading, error, not-found and the page itself).
 * Plain JavaScript because next.config.mjs runs `markCompileHints` after `next build` compiles (ADR 0016);
 * scripts/bench/lib/first-load.ts weighs the same lists and scripts/bench/budgets.ts checks the hints, which go
 * on every chunk the browser may run, not only these.
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

/**
 * The JavaScript every page loads (React, Next's client, the Turbopack runtime), relative to distDir.
 * @param {string} distDir @returns {string[]}
 */
export function rootMainFiles(distDir) {
  return buildManifestFiles(distDir, "rootMainFiles").filter((f) => f.endsWith(".js"));
}

/**
 * One list of files from the build manifest, relative to distDir (`static/chunks/….js`, without `/_next/`).
 * @param {string} distDir @param {"rootMainFiles" | "polyfillFiles"} list @returns {string[]}
 */
function buildManifestFiles(distDir, list) {
  const buildManifest = path.join(distDir, "build-manifest.json");
  if (!existsSync(buildManifest)) throw new Error(`${buildManifest} not found: build first`);
  /** @type {string[]} */
  const files = JSON.parse(readFileSync(buildManifest, "utf8"))[list] ?? [];
  return files.map((f) => f.replace(/^\/_next\//, ""));
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
      for (const chunks of Object.values(manifest.entryJSFiles ?? {}))
        for (const c of chunks) if (c.endsWith(".js")) files.add(c.replace(/^\/_next\//, ""));
      routes.set(route, [...files]);
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
 * Every script the browser may run, relative to distDir: each chunk under static/chunks except the nomodule
 * polyfills, which modern browsers never run. That is each route's first-load chunks and the chunks code loads
 * on demand (the Spektrix client, live availability, the studio's editor): a chunk is fetched only when code is
 * about to run it, so it gains from the hint as a first-load chunk does (ADR 0016, 16 and 21).
 * @param {string} distDir @returns {string[]}
 */
function hintedChunks(distDir) {
  const skip = new Set(buildManifestFiles(distDir, "polyfillFiles"));
  const chunks = path.join(distDir, "static", "chunks");
  return readdirSync(chunks, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".js"))
    .map((entry) => path.relative(distDir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .filter((file) => !skip.has(file))
    .sort();
}

/** Where the build records whether it added the hints, so a later check knows what to expect of it. */
export const COMPILE_HINTS_RECORD = "compile-hints.json";

/**
 * Puts the compile hint at the top of every chunk the browser may run (hintedChunks), when `on`; either way
 * records the choice in COMPILE_HINTS_RECORD. Idempotent. Returns how many files it changed.
 * @param {string} distDir
 * @param {boolean} on
 * @returns {{ files: number; changed: number }}
 */
export function markCompileHints(distDir, on) {
  const files = on ? hintedChunks(distDir) : [];
  let changed = 0;
  for (const file of files) {
    const full = path.join(distDir, file);
    const source = readFileSync(full, "utf8");
    if (source.startsWith(COMPILE_HINT)) continue;
    writeFileSync(full, COMPILE_HINT + source);
    changed++;
  }
  writeFileSync(path.join(distDir, COMPILE_HINTS_RECORD), JSON.stringify({ on }) + "\n");
  return { files: files.length, changed };
}

/**
 * What a build's hints look like against what it recorded: `on` false (built with NEXT_COMPILE_HINTS=off),
 * or the chunks that lack the hint. A build with no record predates the hook or skipped it.
 * @param {string} distDir
 * @returns {{ recorded: boolean; on: boolean; files: number; missing: string[] }}
 */
export function compileHintsState(distDir) {
  const record = path.join(distDir, COMPILE_HINTS_RECORD);
  if (!existsSync(record)) return { recorded: false, on: false, files: 0, missing: [] };
  const { on } = JSON.parse(readFileSync(record, "utf8"));
  if (!on) return { recorded: true, on: false, files: 0, missing: [] };
  const files = hintedChunks(distDir);
  const missing = files.filter((f) => !readFileSync(path.join(distDir, f), "utf8").startsWith(COMPILE_HINT));
  return { recorded: true, on: true, files: files.length, missing };
}
