/**
 * The one fold rule for comparing what someone types with a title: accents off, apostrophes and quotes gone, dashes
 * as spaces, small figures as digits, runs of space collapsed. The database search applies it in SQL with
 * `translate(text, FOLD_FROM, FOLD_TO)` and a collapse of spaces (lib/text/search.ts); the studio's pickers, which
 * search in memory, call `foldText`. No imports, so a client component can use it.
 *
 * Every Latin letter (Latin-1 to Latin Extended Additional) that is a plain letter under combining marks (Dvořák,
 * Ștefan, Nguyễn), with that letter, in both cases: "Zoöz" finds "Zooz" and "dvorak" finds "Dvořák". The common
 * letters whose stroke is not a combining mark (ø, ł, đ) are mapped by hand; rarer ones (ð, ƀ, ɨ) and æ, œ and ß
 * stay themselves (each of the last three would be two letters, which `translate` cannot make). Punctuation a phone
 * types differently from a title, or not at all (an apostrophe, a hyphen against an en dash), spaces that are not
 * plain (a non-breaking one) and small figures (Cheng²) fold too.
 */
const LATIN_BLOCKS = [
  [0x00c0, 0x024f],
  [0x1e00, 0x1eff],
] as const;
const BY_HAND: Record<string, string> = {
  đ: "d",
  Đ: "D",
  ħ: "h",
  Ħ: "H",
  ı: "i",
  ŀ: "l",
  Ŀ: "L",
  ł: "l",
  Ł: "L",
  ø: "o",
  Ø: "O",
  ŧ: "t",
  Ŧ: "T",
};
/** A letter that is one plain Latin letter under its marks (é = e + ◌́), with that letter; null for any other. */
const plainOf = (c: string): string | null => {
  const parts = /^([a-zA-Z])\p{M}+$/u.exec(c.normalize("NFD"));
  return parts ? parts[1]! : null;
};
const LETTERS: [string, string][] = [
  ...Object.entries(BY_HAND),
  ...LATIN_BLOCKS.flatMap(([first, last]) =>
    Array.from({ length: last - first + 1 }, (_, i) => String.fromCodePoint(first + i)),
  ).flatMap((c): [string, string][] => {
    const plain = plainOf(c);
    return plain ? [[c, plain]] : [];
  }),
];
// Dashes of every kind read as the space between words: "yee haw" finds "YEE-HAW!", and "elton - a" finds
// "Elton – A Tribute" (the runs of space this leaves collapse).
const PUNCTUATION: Record<string, string> = {
  "-": " ",
  "\u2010": " ", // ‐
  "\u2011": " ", // non-breaking hyphen
  "\u2013": " ", // –
  "\u2014": " ", // —
  "\u2212": " ", // −
  "\u00a0": " ", // non-breaking space
  "\u2009": " ", // thin space
  "\u202f": " ", // narrow non-breaking space (some keyboards' French spacing)
  "\u00b9": "1", // ¹
  "\u00b2": "2", // ²
  "\u00b3": "3", // ³
};
// Past the end of FOLD_TO, so `translate` deletes them: apostrophes and quotes of every kind ("kings" finds
// "King's", "O’Neill" finds "ONeill", and a search typed in quotes finds the words inside them), and accents stored
// as separate marks (a title pasted as NFD).
const APOSTROPHES_AND_QUOTES = ["'", "\u2018", "\u2019", "\u02bc", "\u2032", '"', "\u201c", "\u201d"];
const COMBINING_MARKS = Array.from({ length: 0x70 }, (_, i) => String.fromCharCode(0x300 + i));

/** What `translate(text, FOLD_FROM, FOLD_TO)` replaces, character for character (exported for SQL and tests). */
export const FOLD_FROM = [
  ...LETTERS.map(([c]) => c),
  ...Object.keys(PUNCTUATION),
  ...APOSTROPHES_AND_QUOTES,
  ...COMBINING_MARKS,
].join("");
export const FOLD_TO = [...LETTERS.map(([, plain]) => plain), ...Object.values(PUNCTUATION)].join("");

const FOLDS = new Map(Array.from(FOLD_FROM, (c, i) => [c, FOLD_TO[i] ?? ""]));

/**
 * The fold in memory, for comparing without a database, as the SQL side compares: lower-cased (as `ilike` is),
 * folded by the table (a mark stored apart from its letter is deleted, as `translate` deletes it), with runs of
 * space collapsed and the ends trimmed, as `containsWords` does to a title. "Bach’s Café – Live" and
 * "bach's cafe - live" fold to the same text.
 */
export function foldText(text: string): string {
  return Array.from(text.toLowerCase(), (c) => FOLDS.get(c) ?? c)
    .join("")
    .replace(/\s+/g, " ")
    .trim();
}
