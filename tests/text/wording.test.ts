/**
 * The site spells e-mail one way wherever a visitor or an editor reads it (gift vouchers, the basket, the newsletter,
 * the studio and the member log-in all say "e-mail"). Prose in pages and components is where a second spelling
 * creeps back in: a word, a space, then "email" followed by a word, punctuation or a JSX expression.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOTS = ["app", "components"];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** "we’ll email you", "by email.", "or email{": prose, not an identifier such as `const email =`. */
const PROSE_EMAIL = /\b[A-Za-z’']+ [Ee]mail(?= [a-z]|[.,!?]|\{)/g;

describe("wording", () => {
  it("finds the other spelling where it is written as prose", () => {
    expect("We’ll email you when".match(PROSE_EMAIL)).toHaveLength(1);
    expect('call us or email{" "}'.match(PROSE_EMAIL)).toHaveLength(1);
    expect("const email = form.get('email');".match(PROSE_EMAIL)).toBeNull();
    expect("boxOffice: { phone: string; email: string }".match(PROSE_EMAIL)).toBeNull();
  });

  it("says e-mail, never email, in the words of pages and components", () => {
    const found = ROOTS.flatMap(sources).flatMap((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        .flatMap((line, i) => (line.match(PROSE_EMAIL) ?? []).map((hit) => `${file}:${i + 1}: ${hit}`)),
    );
    expect(found).toEqual([]);
  });
});
