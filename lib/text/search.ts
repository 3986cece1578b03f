/**
 * The one rule for words typed into a search box (what's on, the studio's events): control characters (a NUL
 * byte, which PostgreSQL refuses in text, answered 500) and angle brackets become spaces, runs of space collapse,
 * and the ends are trimmed.
 */
export function cleanSearchText(value: string): string {
  return value
    .replace(/[\u0000-\u001f\u007f<>]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * `cleanSearchText`, cut to a search box's `maxLength` when an address carries more: whole characters (an emoji is
 * not split in two), and no space left at the end by the cut. Clipping what it returns changes nothing, so a
 * canonical address built from it is canonical when it comes back.
 */
export function clipSearchText(value: string, maxLength: number): string {
  const clean = cleanSearchText(value);
  const characters = Array.from(clean);
  return characters.length <= maxLength ? clean : characters.slice(0, maxLength).join("").trim();
}

/** `%words%` for SQL `LIKE … ESCAPE '\'`, with the words' own `%`, `_` and `\` matched literally. */
export function containsPattern(words: string): string {
  return `%${words.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
