/**
 * The one fold rule for comparing what someone types with a title: accents off, a phone's punctuation plain, small
 * figures as digits. The database search applies it in SQL with `translate(text, FOLD_FROM, FOLD_TO)`
 * (lib/text/search.ts); the studio's pickers, which search in memory, call `foldText`. No imports, so a client
 * component can use it.
 *
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
// Past the end of FOLD_TO, so `translate` deletes them: accents stored as separate marks (a title pasted as NFD).
const COMBINING_MARKS = Array.from({ length: 0x70 }, (_, i) => String.fromCharCode(0x300 + i));

/** What `translate(text, FOLD_FROM, FOLD_TO)` replaces, character for character (exported for SQL and tests). */
export const FOLD_FROM = [...lower, ...upper, ...Object.keys(PUNCTUATION), ...COMBINING_MARKS].join("");
export const FOLD_TO = [
  ...lower.map(plain),
  ...upper.map((c) => plain(c.toLowerCase()).toUpperCase()),
  ...Object.values(PUNCTUATION),
].join("");

const FOLDS = new Map(Array.from(FOLD_FROM, (c, i) => [c, FOLD_TO[i] ?? ""]));

/**
 * The fold in memory, for comparing without a database: composed (NFC, as the search box sends), folded by the
 * table, lower-cased, with runs of space collapsed and the ends trimmed. "Bach’s Café – Live" and
 * "bach's cafe - live" fold to the same text.
 */
export function foldText(text: string): string {
  return Array.from(text.normalize("NFC"), (c) => FOLDS.get(c) ?? c)
    .join("")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}
