import { listingLinkRel } from "@/lib/events/filters";
import { routes } from "@/lib/routes";
import { footerNav, type NavPaths } from "@/lib/site";
import { SiteFooterView, type FooterProps } from "./site-footer-client";

/** The site footer on every page: the venue's address, the box office and links to the main pages. */
export function SiteFooter({ paths, ...props }: FooterProps & { paths: NavPaths }) {
  return (
    <SiteFooterView
      {...props}
      nav={footerNav(paths)}
      accessHref={routes.accessibility}
      accessRel={listingLinkRel(routes.accessibility)}
      year={new Date().getFullYear()}
    />
  );
}
