import { SiteLink, type SiteLinkProps } from "@/components/site/site-link-client";
import { listingLinkRel } from "@/lib/events/filters";

/**
 * A link to a what's on URL. It carries `rel="nofollow"` unless it leads to the listing itself (the unfiltered
 * list or one of its pages): filters, presets, searches and calendar months re-slice the same events, are
 * `noindex`, and would make a crawler's walk of the site endless (lib/events/filters, `listingLinkRel`).
 */
export function ListingLink({ href, rel, ...props }: SiteLinkProps) {
  return <SiteLink href={href} rel={[rel, listingLinkRel(href)].filter(Boolean).join(" ") || undefined} {...props} />;
}
