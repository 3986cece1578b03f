import { listingLinkRel } from "@/lib/events/filters";
import { routes } from "@/lib/routes";
import { footerNav } from "@/lib/site";
import { SiteFooterView, type FooterProps } from "./site-footer-client";

/** The site footer on every page: the venue's address, the box office and links to the main pages. */
export function SiteFooter(props: FooterProps) {
  return (
    <SiteFooterView
      {...props}
      nav={footerNav}
      accessHref={routes.accessibility}
      accessRel={listingLinkRel(routes.accessibility)}
      year={new Date().getFullYear()}
    />
  );
}
