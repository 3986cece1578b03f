import { routes } from "@/lib/routes";
import { primaryNav } from "@/lib/site";
import { SiteHeaderView } from "./site-header-client";

/** The site header on every page: the venue's name, the main navigation, log-in status and basket. */
export function SiteHeader({ venueName }: { venueName: string }) {
  return (
    <SiteHeaderView
      venueName={venueName}
      nav={primaryNav}
      homeHref={routes.home}
      accountHref={routes.account}
      loginHref={routes.login}
      basketHref={routes.basket}
    />
  );
}
