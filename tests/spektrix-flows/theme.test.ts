import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FALLBACK_TOKENS, parseThemeTokens, themeStylesheet } from "@/lib/spektrix-flows/theme";

const globals = readFileSync(path.join(process.cwd(), "app", "globals.css"), "utf8");

describe("iframe theme", () => {
  it("reads every token from the site's @theme block, and the fallback still matches it", () => {
    const { tokens, found } = parseThemeTokens(globals);
    expect(found.sort()).toEqual(Object.keys(FALLBACK_TOKENS).sort());
    expect(tokens).toEqual(FALLBACK_TOKENS);
  });

  it("keeps fallbacks for missing or unsafe values", () => {
    const { tokens, found } = parseThemeTokens("@theme {\n  --color-brand: red;} body{x:y;\n  --color-ink: #000;\n}");
    expect(found).toEqual(["ink"]);
    expect(tokens.brand).toBe(FALLBACK_TOKENS.brand);
    expect(tokens.ink).toBe("#000");
  });

  it("produces a stylesheet using the brand colour for buttons and links", () => {
    const css = themeStylesheet({ ...FALLBACK_TOKENS, brand: "#123456" }, { venueName: "The Lyric */ body{}" });
    expect(css).toContain("--sx-brand: #123456;");
    expect(css).toMatch(/button, input\[type="submit"\][^{]*\{[^}]*background: var\(--sx-brand\)/);
    expect(css).not.toContain("*/ body{}");
    // A long order reference wraps inside a phone-width frame.
    expect(css).toMatch(/html, body \{[^}]*overflow-wrap: break-word/);
  });
});
