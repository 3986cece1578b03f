/**
 * A genre or venue from a what's on URL, matched against the listing's own (any case), so `?genre=comedy` and
 * `?genre=Comedy` are one choice, spelled as the listing spells it; undefined for a value no upcoming listing has
 * (a made-up one). The SQL side matches slugs the same way (queries.ts).
 */
import type { Facets, VenueOption } from "./types";

/** Whether a genre or venue from a URL is the listing's own, any case (the filter form's selects match the same way). */
export const sameFacetValue = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export function knownGenre(facets: Pick<Facets, "genres">, genre: string | undefined): string | undefined {
  return genre === undefined ? undefined : facets.genres.find((g) => sameFacetValue(g, genre));
}

export function knownVenue(facets: Pick<Facets, "venues">, slug: string | undefined): VenueOption | undefined {
  return slug === undefined ? undefined : facets.venues.find((v) => sameFacetValue(v.slug, slug));
}
