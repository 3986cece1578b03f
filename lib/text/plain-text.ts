import { z } from "zod";

/**
 * The one rule for text that must stay plain wherever it goes next (a page, an e-mail, the box office's screens):
 * studio fields, Gift Aid wording, a newsletter sign-up's names.
 */
const MARKUP = /<\s*\/?\s*[a-z!?][^>]*>|<\s*[a-z]|javascript:/i;
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
/**
 * The bidirectional overrides (LRO, RLO), which make text read in another order than it is stored. Embeddings and
 * isolates are left alone: editors and phones insert them in ordinary mixed Hebrew, Arabic and Latin text.
 */
const OVERRIDE = /[\u202D\u202E]/;

/** Line breaks as `\n`: what the sync stores and the studio compares, whatever a browser or Spektrix sent. */
export function unixLineBreaks(text: string): string {
  return text.replace(/\r\n?/g, "\n");
}

/**
 * A plain-text field: a string, trimmed, line breaks as `\n`, at most `max` characters, with no HTML tags and no
 * control characters.
 * Messages read "must be …"; with `label`, "First name must be …". Studio content already saved is read back
 * through this rule, so it refuses nothing it refused before.
 */
export function plainText(max: number, options: { min?: number; label?: string } = {}) {
  const min = options.min ?? 0;
  const say = (rest: string) => (options.label ? `${options.label} ${rest}` : rest);
  return (
    z
      .string({ error: say("must be text") })
      .trim()
      // A browser sends a textarea's line breaks as CRLF: stored as typed, every save of a multi-line field looked
      // like a change to it (and a sync-mapped one was then marked as edited on the site, and left by the sync).
      .overwrite(unixLineBreaks)
      .min(min, { message: say(min === 1 ? "is required" : `must be at least ${min} characters`) })
      .max(max, { message: say(`must be at most ${max} characters`) })
      .refine((s) => !MARKUP.test(s), { message: say("must be plain text, without HTML or markup") })
      .refine((s) => !CONTROL.test(s), { message: say("contains control characters") })
  );
}

/**
 * A person's name from a public form, on its way to Spektrix: plain text, and also no reordering override and no
 * half of a character (a lone UTF-16 surrogate), which no keyboard types.
 */
export function personName(max: number, label: string) {
  return plainText(max, { label }).refine((s) => !OVERRIDE.test(s) && s.isWellFormed(), {
    message: `${label} contains control characters`,
  });
}
