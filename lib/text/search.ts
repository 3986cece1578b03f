import { sql, type SQL, type SQLWrapper } from "drizzle-orm";

/**
 * The one rule for words typed into a search box (what's on, the studio's events): control characters (a NUL
 * byte, which PostgreSQL refuses in text, answered 500) and angle brackets become spaces, runs of space collapse,
 * and the ends are trimmed. Accents typed as separate marks (e + ◌́, as some keyboards send them) are composed
 * into one letter, which the fold table below knows.
 */
export function cleanSearchText(value: string): string {
  return value
    .normalize("NFC")
    .replace(/[\u0000-\u001f\u007f<>]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const GRAPHEMES = new Intl.Segmenter("en", { granularity: "grapheme" });

/**
 * `cleanSearchText`, cut to a search box's `maxLength` when an address carries more: whole characters as a reader
 * sees them (an emoji with its skin tone, or a family of emoji, is not split), and no space left at the end by the
 * cut. Clipping what it returns changes nothing, so a canonical address built from it is canonical when it comes
 * back.
 */
export function clipSearchText(value: string, maxLength: number): string {
  const clean = cleanSearchText(value);
  const characters = Array.from(GRAPHEMES.segment(clean), (part) => part.segment);
  return characters.length <= maxLength ? clean : characters.slice(0, maxLength).join("").trim();
}

/** `%words%` for SQL `LIKE … ESCAPE '\'`, with the words' own `%`, `_` and `\` matched literally. */
export function containsPattern(words: string): string {
  return `%${words.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Letters with accents that venues' titles and visitors' searches carry, each with its plain letter, in both cases:
 * "Zoöz" finds "Zooz" and "dvorak" finds "Dvořák". Letters whose accent is not a combining mark (ø, ł, đ) are
 * mapped by hand; æ, œ and ß stay themselves (each would be two letters, which `translate` cannot make).
 * Punctuation a phone types differently from a title (a phone's curly apostrophe against a title's straight one,
 * a hyphen against an en dash) and small figures (Cheng²) fold to the plain key's character too.
 */
const ACCENTED = "àáâãäåāăąçćĉċčďđèéêëēĕėęěĝğġģĥħìíîïĩīĭįıĵķĺļľŀłñńņňòóôõöøōŏőŕŗřśŝşšţťŧùúûüũūŭůűųŵýÿŷźżž";
const BY_HAND: Record<string, string> = { đ: "d", ħ: "h", ı: "i", ŀ: "l", ł: "l", ø: "o", ŧ: "t" };
const plain = (c: string) => BY_HAND[c] ?? c.normalize("NFD").replace(/\p{M}/gu, "");
const lower = Array.from(ACCENTED);
// Capitals too: under a database locale of C, `ilike` does not match É with é.
const upper = lower.map((c) => c.toUpperCase()).filter((c, i) => c !== lower[i] && c.length === 1 && c > "\u007f");
const PUNCTUATION: Record<string, string> = {
  "\u2018": "'", // ‘
  "\u2019": "'", // ’ (what iOS types for ')
  "\u02bc": "'", // ʼ
  "\u2032": "'", // ′
  "\u201c": '"', // “
  "\u201d": '"', // ”
  "\u2010": "-", // ‐
  "\u2011": "-", // non-breaking hyphen
  "\u2013": "-", // –
  "\u2014": "-", // —
  "\u2212": "-", // −
  "\u00b9": "1", // ¹
  "\u00b2": "2", // ²
  "\u00b3": "3", // ³
};
/** `translate(text, FOLD_FROM, FOLD_TO)` in SQL takes the accents off and the punctuation plain (exported for tests). */
// Past the end of FOLD_TO, so `translate` deletes them: accents stored as separate marks (a title pasted as NFD).
const COMBINING_MARKS = Array.from({ length: 0x70 }, (_, i) => String.fromCharCode(0x300 + i));
export const FOLD_FROM = [...lower, ...upper, ...Object.keys(PUNCTUATION), ...COMBINING_MARKS].join("");
export const FOLD_TO = [
  ...lower.map(plain),
  ...upper.map((c) => plain(c.toLowerCase()).toUpperCase()),
  ...Object.values(PUNCTUATION),
].join("");

/**
 * SQL: `column` contains `words`, whatever the case, the accents or the kind of apostrophe and dash on either side
 * (both go through the same `translate`, so the database's own locale decides nothing the two sides could disagree
 * on).
 */
export function containsWords(column: SQLWrapper, words: string): SQL {
  return sql`translate(${column}, ${FOLD_FROM}, ${FOLD_TO}) ilike translate(${containsPattern(words)}, ${FOLD_FROM}, ${FOLD_TO}) escape '\\'`;
}
