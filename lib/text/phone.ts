/** A `tel:` link for a phone number as people write it ("+1 403 555-0142" → "tel:+14035550142"). */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^+\d]/g, "")}`;
}
