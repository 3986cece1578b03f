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

/** `%words%` for SQL `LIKE … ESCAPE '\'`, with the words' own `%`, `_` and `\` matched literally. */
export function containsPattern(words: string): string {
  return `%${words.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
