import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { FOLD_FROM, FOLD_TO, foldText } from "./fold";

/**
 * The one rule for words typed into a search box (what's on, the studio's events): control characters (a NUL
 * byte, which PostgreSQL refuses in text, answered 500) and angle brackets become spaces, runs of space collapse,
 * and the ends are trimmed. Accents typed as separate marks (e + ◌́, as some keyboards send them) are composed
 * into one letter, which the fold table (lib/text/fold.ts) knows.
 */
export function cleanSearchText(value: string): string {
  return (
    value
      .normalize("NFC")
      // U+FFFD is what decoding leaves of a broken escape in an address (`?q=%E0%A4`): never something typed.
      .replace(/[\u0000-\u001f\u007f<>\ufffd]/g, " ")
      .replace(/\s+/g, " ")
      .trim()
  );
}

const GRAPHEMES = new Intl.Segmenter("en", { granularity: "grapheme" });

/** Whether words have anything left to look for once folded: "'" or "–" alone would match every title. */
export function hasSearchableText(words: string): boolean {
  return foldText(words) !== "";
}

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

/** The words' own `%`, `_` and `\` escaped, for SQL `LIKE … ESCAPE '\'` to match them literally. */
function escapeLike(words: string): string {
  return words.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** `%words%` for SQL `LIKE … ESCAPE '\'`, with the words' own `%`, `_` and `\` matched literally. */
export function containsPattern(words: string): string {
  return `%${escapeLike(words)}%`;
}

/**
 * SQL: `column` contains each of `words`, in any order ("figaro marriage" finds "The Marriage of Figaro"), whatever
 * the case, the accents, the apostrophes and dashes (or their kind), on either side: both go through the same
 * `translate` of lib/text/fold.ts and have their runs of space collapsed, as `foldText` does in memory, so for the
 * letters and marks the table knows, the database's own locale decides nothing the two could disagree on. A word
 * that folds to nothing (a lone quote or dash) asks for nothing; words that all do are no search: callers drop
 * them (`hasSearchableText`) rather than match every title.
 */
export function containsWords(column: SQLWrapper, words: string): SQL {
  const fold = (text: SQL | SQLWrapper | string) =>
    sql`btrim(regexp_replace(translate(${text}, ${FOLD_FROM}, ${FOLD_TO}), '[[:space:]]+', ' ', 'g'))`;
  // Split once folded, where a dash or an apostrophe has become a space or nothing, as in the title's fold.
  const each = foldText(words).split(" ").filter(Boolean);
  if (!each.length) return sql`false`;
  const folded = fold(column);
  // The words' LIKE signs are escaped before folding; the fold neither makes nor removes a backslash, % or _, and
  // folding a folded word again changes nothing.
  const contains = (word: string) => sql`${folded} ilike ('%' || ${fold(escapeLike(word))} || '%') escape '\\'`;
  return sql`(${sql.join(each.map(contains), sql` and `)})`;
}
