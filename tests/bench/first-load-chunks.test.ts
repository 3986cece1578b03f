import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  COMPILE_HINT,
  compileHintsState,
  firstLoadChunks,
  markCompileHints,
  rootMainFiles,
} from "@/lib/build/first-load-chunks.mjs";

/**
 * A build folder shaped like Turbopack's: two routes sharing the root main files, one lazily loaded chunk and the
 * nomodule polyfills.
 */
function fakeBuild(dist: string) {
  const chunk = (name: string, body = `console.log(${JSON.stringify(name)});\n`) => {
    writeFileSync(path.join(dist, "static/chunks", name), body);
  };
  mkdirSync(path.join(dist, "static/chunks"), { recursive: true });
  for (const name of [
    "runtime.js",
    "react-dom.js",
    "layout.js",
    "home.js",
    "event.js",
    "lazy-dialog.js",
    "polyfills.js",
  ])
    chunk(name);
  writeFileSync(path.join(dist, "static/chunks", "site.css"), "body{margin:0}");
  writeFileSync(
    path.join(dist, "build-manifest.json"),
    JSON.stringify({
      rootMainFiles: ["/_next/static/chunks/runtime.js", "static/chunks/react-dom.js"],
      polyfillFiles: ["/_next/static/chunks/polyfills.js"],
    }),
  );
  const manifest = (dir: string, key: string, pageChunk: string) => {
    mkdirSync(path.join(dist, "server/app", dir), { recursive: true });
    const entry = {
      "[project]/app/(site)/layout": ["static/chunks/layout.js", "static/chunks/site.css"],
      [`[project]/app${key}`]: [`static/chunks/${pageChunk}`],
    };
    writeFileSync(
      path.join(dist, "server/app", dir, "page_client-reference-manifest.js"),
      `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};\nglobalThis.__RSC_MANIFEST[${JSON.stringify(key)}] = ${JSON.stringify({ entryJSFiles: entry })};\n`,
    );
  };
  manifest("(site)/home", "/(site)/home/page", "home.js");
  manifest("(site)/events/[slug]", "/(site)/events/[slug]/page", "event.js");
}

describe("first-load chunks and V8 compile hints", () => {
  let dist: string;
  const read = (name: string) => readFileSync(path.join(dist, "static/chunks", name), "utf8");
  beforeEach(() => {
    dist = mkdtempSync(path.join(os.tmpdir(), "first-load-"));
    fakeBuild(dist);
  });
  afterEach(() => rmSync(dist, { recursive: true, force: true }));

  it("lists each route's root main files and segment chunks, JavaScript only, route groups removed", () => {
    expect(rootMainFiles(dist)).toEqual(["static/chunks/runtime.js", "static/chunks/react-dom.js"]);
    const routes = firstLoadChunks(dist);
    expect([...routes.keys()].sort()).toEqual(["/events/[slug]", "/home"]);
    expect(routes.get("/home")).toEqual([
      "static/chunks/runtime.js",
      "static/chunks/react-dom.js",
      "static/chunks/layout.js",
      "static/chunks/home.js",
    ]);
    expect(routes.get("/events/[slug]")).toContain("static/chunks/event.js");
  });

  it("puts the hint first in every chunk the browser may run, lazily loaded ones too, and not in the polyfills or CSS", () => {
    const hinted = ["event.js", "home.js", "layout.js", "lazy-dialog.js", "react-dom.js", "runtime.js"];
    expect(markCompileHints(dist, true)).toEqual({ files: 6, changed: 6 });
    for (const name of hinted) expect(read(name)).toBe(`${COMPILE_HINT}console.log(${JSON.stringify(name)});\n`);
    // Modern browsers never run the nomodule polyfills: compiling them would be for nothing.
    expect(read("polyfills.js")).toBe('console.log("polyfills.js");\n');
    expect(read("site.css")).toBe("body{margin:0}");
    // V8 reads the hint only as the very first line of the script.
    expect(COMPILE_HINT).toBe("//# allFunctionsCalledOnLoad\n");
    expect(compileHintsState(dist)).toEqual({ recorded: true, on: true, files: 6, missing: [] });
  });

  it("finds chunks in folders under static/chunks", () => {
    mkdirSync(path.join(dist, "static/chunks/app"), { recursive: true });
    writeFileSync(path.join(dist, "static/chunks/app/nested.js"), "1;\n");
    markCompileHints(dist, true);
    expect(readFileSync(path.join(dist, "static/chunks/app/nested.js"), "utf8")).toBe(`${COMPILE_HINT}1;\n`);
  });

  it("is idempotent: a second run changes nothing", () => {
    markCompileHints(dist, true);
    const before = read("home.js");
    expect(markCompileHints(dist, true).changed).toBe(0);
    expect(read("home.js")).toBe(before);
  });

  it("with hints off, changes no chunk but records the choice", () => {
    expect(markCompileHints(dist, false)).toEqual({ files: 0, changed: 0 });
    expect(read("home.js")).toBe('console.log("home.js");\n');
    expect(compileHintsState(dist)).toEqual({ recorded: true, on: false, files: 0, missing: [] });
  });

  it("names the chunks that lack the hint, and a build that never ran the hook", () => {
    expect(compileHintsState(dist).recorded).toBe(false);
    markCompileHints(dist, true);
    writeFileSync(path.join(dist, "static/chunks/event.js"), "console.log('rebuilt');\n");
    expect(compileHintsState(dist).missing).toEqual(["static/chunks/event.js"]);
  });

  it("says to build first when there is no build", () => {
    expect(() => firstLoadChunks(path.join(dist, "missing"))).toThrow(/build first/);
  });
});
