import type { VenueRef } from "./types";

/**
 * Where a performance in a venue happens, as calendars and search engines are told. A venue with no street address
 * of its own (a house's auditorium, or "Unknown" as Spektrix data entry leaves it), or with the theatre's own street,
 * is in the theatre's building: named with the theatre, at the theatre's address. A venue with an address elsewhere
 * (a partner hall, a cinema relay) is its own place, and the theatre's name would send a map to the wrong door.
 */
export function venuePlace(
  venue: Pick<VenueRef, "name" | "address">,
  site: { name: string; address: string },
): { name: string; address: string } {
  if (venue.address && streetOf(venue.address) !== streetOf(site.address)) {
    return { name: venue.name, address: venue.address };
  }
  return { name: `${venue.name}, ${site.name}`, address: site.address };
}

/** The first line of an address, compared without case or spacing: "215 Stage Door Lane" in either. */
function streetOf(address: string): string {
  return (address.split(",")[0] ?? "").toLowerCase().replace(/\s+/g, " ").trim();
}
