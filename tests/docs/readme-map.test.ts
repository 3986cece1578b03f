import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The README's "How it fits together" map is the first thing a forker reads, so it must match the tree: every
 * top-level folder under lib/ and components/ is named there, and every folder it names exists. Adding or
 * removing a folder without updating the map fails here.
 */

const ROOT = process.cwd();
const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");

/** The fenced block after the "How it fits together" heading. */
function mapBlock(): string[] {
  const heading = readme.indexOf("## How it fits together");
  expect(heading, "README has a 'How it fits together' section").toBeGreaterThan(-1);
  const open = readme.indexOf("```", heading);
  const close = readme.indexOf("```", open + 3);
  expect(open, "the section holds a fenced map").toBeGreaterThan(-1);
  return readme
    .slice(readme.indexOf("\n", open) + 1, close)
    .split("\n")
    .filter((line) => line.trim().length > 0);
}

/** Top-level lines (`lib/  …`) and, under each, the indented entries (`  auth/  …`), as paths. */
function parseMap(lines: string[]): { top: string[]; children: Map<string, string[]> } {
  const top: string[] = [];
  const children = new Map<string, string[]>();
  let parent = "";
  for (const line of lines) {
    const name = /^\s*(\S+)/.exec(line)![1]!;
    if (!line.startsWith(" ")) {
      parent = name.replace(/\/$/, "");
      top.push(parent);
      children.set(parent, []);
    } else {
      children.get(parent)!.push(`${parent}/${name.replace(/\/$/, "")}`);
    }
  }
  return { top, children };
}

const folders = (dir: string) =>
  readdirSync(path.join(ROOT, dir), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => `${dir}/${d.name}`)
    .sort();

const map = parseMap(mapBlock());

describe("the README map", () => {
  it.each(["lib", "components"])("names every top-level folder under %s/, and only folders that exist", (dir) => {
    expect(map.top).toContain(dir);
    expect([...map.children.get(dir)!].sort()).toEqual(folders(dir));
  });

  it("names only paths that exist", () => {
    const named = [...map.top, ...[...map.children.values()].flat()];
    expect(named.filter((p) => !existsSync(path.join(ROOT, p)) || !statSync(path.join(ROOT, p)).isDirectory())).toEqual(
      [],
    );
  });

  it("says that / is served by app/(site)/home/[variant] through a rewrite", () => {
    expect(map.children.get("app")).toContain("app/(site)/home/[variant]");
    expect(mapBlock().find((l) => l.trim().startsWith("(site)/home/[variant]"))).toMatch(/`\/` is rewritten here/);
  });
});
