import type { siteInfo } from "@/lib/site";

/** What the venue says when nothing at all is on sale: the home page, and what's on with nothing narrowed. */
export function nextSeasonSoon(site: ReturnType<typeof siteInfo>): string {
  return `Our next season is being announced soon. Call the box office on ${site.boxOffice.phone} to hear first.`;
}
