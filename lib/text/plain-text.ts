import { z } from "zod";

/**
 * The one rule for text that must stay plain wherever it goes next (a page, an e-mail, the box office's screens):
 * studio fields, Gift Aid wording, a newsletter sign-up's names.
 */
const MARKUP = /<\s*\/?\s*[a-z!?][^>]*>|<\s*[a-z]|javascript:/i;
/** Control characters, and the bidirectional overrides and isolates that make text read in another order than it is stored. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/;

/**
 * A plain-text field: a string, trimmed, at most `max` characters, with no HTML tags, no control characters and no
 * half of a character (a lone UTF-16 surrogate). Messages read "must be …"; with `label`, "First name must be …".
 */
export function plainText(max: number, options: { min?: number; label?: string } = {}) {
  const min = options.min ?? 0;
  const say = (rest: string) => (options.label ? `${options.label} ${rest}` : rest);
  return z
    .string({ error: say("must be text") })
    .trim()
    .min(min, { message: say(min === 1 ? "is required" : `must be at least ${min} characters`) })
    .max(max, { message: say(`must be at most ${max} characters`) })
    .refine((s) => !MARKUP.test(s), { message: say("must be plain text, without HTML or markup") })
    .refine((s) => !CONTROL.test(s) && s.isWellFormed(), { message: say("contains control characters") });
}
