import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Colours come from the design tokens in app/globals.css (`bg-brand`, `text-access`…), so a fork re-brands in
 * one place. A hex literal in a component or route would bypass them.
 */
const ROOT = path.resolve(__dirname, "../..");

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(tsx?|css)$/.test(e.name))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)));
}

describe("design tokens", () => {
  it("no component or route spells a colour as a hex literal", () => {
    const files = [...sources("app"), ...sources("components")].filter((f) => f !== path.join("app", "globals.css"));
    expect(files.length).toBeGreaterThan(50);
    const offenders = files.flatMap((f) =>
      readFileSync(path.join(ROOT, f), "utf8")
        .split("\n")
        .flatMap((line, i) =>
          /#[0-9a-f]{3,8}\b(?![-\w])/i.test(line.replace(/href="#[^"]*"/g, ""))
            ? [`${f}:${i + 1}: ${line.trim()}`]
            : [],
        ),
    );
    expect(offenders).toEqual([]);
  });

  it("globals.css uses its own tokens outside the @theme block", () => {
    const css = readFileSync(path.join(ROOT, "app/globals.css"), "utf8");
    const outsideTheme = css.replace(/@theme\s*\{[\s\S]*?\n\}/, "");
    // Poster palettes are artwork (five house colourways, picked by title) and stay literal; everything else
    // must use a token.
    const rest = outsideTheme.replace(/\.poster[\w-]*\s*\{[^}]*\}/g, "");
    expect(rest.match(/\[#[0-9a-f]{3,8}\]/gi) ?? []).toEqual([]);
  });
});
