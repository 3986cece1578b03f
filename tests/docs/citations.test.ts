import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * A fork has only this repository. Nothing may cite the workspace notes it was built from (the shared
 * reference, fixtures, design and seeds folders beside the checkout, or an architecture document): facts the project relies on are written down in docs/ (docs/spektrix-facts.md). And
 * every relative link in the project's Markdown must lead to a file that exists.
 */

const ROOT = process.cwd();
const SKIP = new Set([
  "node_modules",
  ".git",
  ".next",
  ".tools",
  ".data",
  "test-results",
  "ci-results",
  "playwright-report",
  "coverage",
]);
const TEXT = /\.(ts|tsx|mts|mjs|js|json|md|css|sh|yml|yaml|sql)$/;

function files(dir = ROOT): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name) || entry.name.startsWith(".next")) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...files(full));
    else if (TEXT.test(entry.name)) out.push(full);
  }
  return out;
}

const all = files();
const rel = (f: string) => path.relative(ROOT, f);
// Built from parts so this file does not match itself.
const FORBIDDEN = new RegExp(
  ["shared/(reference|fixtures|design|seeds)", ["docs", "ARCHITECTURE"].join("/")].join("|"),
);

describe("citations", () => {
  it("no file cites a path outside the repository", () => {
    const hits = all
      .filter((f) => !f.endsWith("package-lock.json"))
      .flatMap((f) =>
        readFileSync(f, "utf8")
          .split("\n")
          .map((line, i) => (FORBIDDEN.test(line) ? `${rel(f)}:${i + 1}` : null))
          .filter((x): x is string => x !== null),
      );
    expect(hits).toEqual([]);
  });

  it("every relative Markdown link leads to a file in the repository", () => {
    const broken: string[] = [];
    for (const f of all.filter((x) => x.endsWith(".md"))) {
      for (const [, target] of readFileSync(f, "utf8").matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^([a-z]+:|#)/i.test(target!)) continue;
        const file = decodeURIComponent(target!.split("#")[0]!);
        if (!existsSync(path.resolve(path.dirname(f), file))) broken.push(`${rel(f)} → ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });
});
