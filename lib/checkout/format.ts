/** Display helpers for the basket, checkout, account and confirmation pages (dates and times: lib/events/format). */
import type { Address } from "@/lib/spektrix";

export function formatAddress(
  address: Pick<Address, "line1" | "line2" | "line3" | "town" | "county" | "postcode" | "country">,
): string {
  const town = [address.town, address.county].filter(Boolean).join(", ");
  const place = [town, address.postcode].filter(Boolean).join(" ");
  return [address.line1, address.line2, address.line3, place, address.country]
    .filter((part) => part && part.trim() !== "")
    .join(", ");
}
