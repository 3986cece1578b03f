import { routes } from "@/lib/routes";
import { primaryNav } from "@/lib/site";
import type { FlowSettings } from "@/lib/spektrix-flows/settings";
import { SiteHeaderView } from "./site-header-client";

/**
 * The site header on every page: the venue's name, the main navigation, log-in status and basket, linking to the
 * account and basket pages where the studio's Connection page put them.
 */
export function SiteHeader({ venueName, paths }: { venueName: string; paths: FlowSettings["pagePaths"] }) {
  return (
    <SiteHeaderView
      venueName={venueName}
      nav={primaryNav(paths)}
      homeHref={routes.home}
      accountHref={paths.account}
      loginHref={routes.login}
      basketHref={paths.basket}
    />
  );
}
