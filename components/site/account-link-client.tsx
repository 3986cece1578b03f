"use client";

import { SiteLink, type SiteLinkProps } from "@/components/site/site-link-client";
import { useSpektrix } from "@/components/spektrix/spektrix-loader-client";

/**
 * A link to the member's account page where the studio's Connection page put it: the path the root layout hands
 * to the Spektrix provider. A page's own links then show the address the venue chose, as the header's do.
 */
export function AccountLink(props: Omit<SiteLinkProps, "href">) {
  const { accountPath } = useSpektrix();
  return <SiteLink {...props} href={accountPath} />;
}
