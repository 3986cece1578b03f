/**
 * The one slug rule. Event slugs are stored (the sync writes them once and keeps them; only an event kept from a
 * Spektrix client the site no longer uses gives its slug up, to `{slug}-kept-{client}`, and takes it back when that
 * client returns: lib/sync/kept-slugs.ts), venue slugs are recomputed from names for the what's-on filter, and
 * Spektrix records without an id get one from their name: all must agree, and a stored slug must never change
 * because this rule did.
 *
 * Lower-case ASCII letters, digits and single hyphens; accents folded (é → e); `&` read as "and" (so
 * "Rock & Roll" and "Rock and Roll" share a slug); at most `max` characters, never ending in a hyphen.
 */
export const SLUG_MAX = 80;

export function slugify(value: string, max = SLUG_MAX): string {
  return value
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, max)
    .replace(/-+$/g, "");
}
