/**
 * Ends `text` as a sentence: a full stop, unless it already ends with one, a question or exclamation mark or an
 * ellipsis (quotes and brackets after it count): "Removed 2 tickets for Who Knit Ya?" takes none. No imports, so a
 * client component can use it.
 */
export function asSentence(text: string): string {
  const trimmed = text.trimEnd();
  return /[.?!…]["'”’)\]]*$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
