/**
 * npm run fonts: writes the self-hosted fonts in app/fonts/ from the `@fontsource-variable` packages.
 *
 * Each file keeps fontsource's Latin coverage (its `latin` unicode range, so no character a venue's copy or a
 * show's title could use is lost) and only the weights the site draws (app/fonts.ts declares the same ones):
 * every public page preloads both files, and on a phone's connection their bytes come before the first
 * paint (ADR 0016). A venue swapping in its own brand fonts changes FONT_FILES and app/fonts.ts together.
 * tests/fonts/fonts.test.ts checks that the committed files are exactly what this writes.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import subsetFont from "subset-font";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const FONT_DIR = path.join(ROOT, "app/fonts");

export type FontFile = {
  /** File name in app/fonts/. */
  out: string;
  /** The `@fontsource-variable/<package>` it is made from (its `latin` weight-axis file). */
  fontsource: string;
  /** One weight pins a static face; a range keeps the weight axis between the two. */
  weight: number | { min: number; max: number };
};

export const FONT_FILES: readonly FontFile[] = [
  // Display and headings: every use is semibold.
  { out: "Fraunces-latin-600.woff2", fontsource: "fraunces", weight: 600 },
  // Text and UI: regular, medium, semibold and bold.
  { out: "Inter-latin-400-700.woff2", fontsource: "inter", weight: { min: 400, max: 700 } },
];

function packageDir(name: string): string {
  return path.join(ROOT, "node_modules/@fontsource-variable", name);
}

/** Every character in fontsource's `latin` range for the package ("U+0000-00FF,U+0131,…"). */
export function latinCharacters(fontsource: string): string {
  const ranges = (
    JSON.parse(readFileSync(path.join(packageDir(fontsource), "unicode.json"), "utf8")) as Record<string, string>
  ).latin;
  if (!ranges) throw new Error(`@fontsource-variable/${fontsource} has no latin range`);
  let text = "";
  for (const range of ranges.split(",")) {
    const [from, to = from] = range.replace(/^U\+/, "").split("-");
    for (let code = parseInt(from!, 16); code <= parseInt(to!, 16); code++) text += String.fromCodePoint(code);
  }
  return text;
}

export async function makeFont(file: FontFile): Promise<Buffer> {
  const source = readFileSync(
    path.join(packageDir(file.fontsource), `files/${file.fontsource}-latin-wght-normal.woff2`),
  );
  return subsetFont(source, latinCharacters(file.fontsource), {
    targetFormat: "woff2",
    variationAxes: { wght: file.weight },
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const file of FONT_FILES) {
    const font = await makeFont(file);
    writeFileSync(path.join(FONT_DIR, file.out), font);
    console.log(`app/fonts/${file.out}: ${(font.length / 1024).toFixed(1)} KB`);
  }
}
