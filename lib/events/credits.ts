/**
 * Cast and creative credits as the store keeps them ("Director: Jane Smith", or a name alone) and as pages and
 * JSON-LD read them. One home for the "Role: Name" rule, so the studio's hint, the page and search engines agree.
 */
export interface Credit {
  role: string | null;
  name: string;
}

/** "Director: Jane Smith" → { role: "Director", name: "Jane Smith" }; "Jane Smith" → { role: null, name }. */
export function parseCredit(entry: string): Credit | null {
  const text = entry.replace(/\s+/g, " ").trim();
  if (!text) return null;
  const colon = text.indexOf(":");
  if (colon <= 0) return { role: null, name: text };
  const role = text.slice(0, colon).trim();
  const name = text.slice(colon + 1).trim();
  return name ? { role, name } : { role: null, name: role };
}

export function parseCredits(entries: readonly string[] | null | undefined): Credit[] {
  return (entries ?? []).map(parseCredit).filter((c): c is Credit => c !== null);
}

/** Directors for schema.org's `director`; the rest with no role, or a role that performs, as `performer`. */
export function creditsForSearch(credits: readonly Credit[]): { directors: string[]; performers: string[] } {
  const directors = credits.filter((c) => c.role && /\bdirect/i.test(c.role)).map((c) => c.name);
  const performers = credits
    .filter(
      (c) => !c.role || /\b(cast|actor|actress|performer|singer|dancer|musician|soloist|featuring|as)\b/i.test(c.role),
    )
    .map((c) => c.name);
  return { directors, performers };
}
