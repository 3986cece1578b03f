/**
 * The pages the phone-speed goal is measured on, found from the running site itself so the bench and the
 * quick loop never hard-code a slug: the first event linked from what's on, and the first booking link on
 * that event's page.
 */
/** The phone pages that need no lookup; measured alone when the site links no event or booking page. */
export const FIXED_PHONE_PAGES = ["/", "/whats-on", "/whats-on?view=calendar", "/basket"];

export async function phonePages(base: string): Promise<string[]> {
  const listing = await (await fetch(`${base}/whats-on`)).text();
  const event = listing.match(/href="(\/events\/[^"?#]+)"/)?.[1];
  if (!event) throw new Error(`${base}/whats-on links no event page`);
  const eventHtml = await (await fetch(`${base}${event}`)).text();
  const book = eventHtml.match(/href="(\/book\/[^"?#]+)"/)?.[1];
  if (!book) throw new Error(`${base}${event} links no booking page`);
  const [home, list, calendar, basket] = FIXED_PHONE_PAGES;
  return [home!, list!, calendar!, event, book, basket!];
}
