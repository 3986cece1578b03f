import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FONT_DIR, FONT_FILES, latinCharacters, makeFont } from "../../scripts/fonts/subset";

describe("self-hosted fonts (npm run fonts)", () => {
  it.each(FONT_FILES.map((file) => [file.out, file] as const))(
    "app/fonts/%s is exactly what scripts/fonts/subset.ts makes",
    async (_name, file) => {
      const made = await makeFont(file);
      expect(Buffer.compare(made, readFileSync(path.join(FONT_DIR, file.out)))).toBe(0);
    },
    30_000,
  );

  it("declares in app/fonts.ts the weights each file was cut to", () => {
    const source = readFileSync(path.join(FONT_DIR, "../fonts.ts"), "utf8");
    const declared = [...source.matchAll(/src: "\.\/fonts\/([^"]+)",[\s\S]*?weight: "([^"]+)"/g)].map(
      ([, file, weight]) => [file, weight],
    );
    expect(declared).toEqual(
      FONT_FILES.map((file) => [
        file.out,
        typeof file.weight === "number" ? String(file.weight) : `${file.weight.min} ${file.weight.max}`,
      ]),
    );
  });

  it("keeps the characters of the venue's copy and of show titles from Western European languages", () => {
    for (const file of FONT_FILES) {
      const covered = new Set(latinCharacters(file.fontsource));
      for (const character of "Aaz09£€©é ñüßæøœŒ’‘“”–—…·×−")
        expect(covered, `${file.out}: ${character}`).toContain(character);
    }
  });
});
