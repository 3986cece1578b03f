import { SiteHeader } from "./site-header";
import { SiteFooter } from "./site-footer";
import { siteInfo } from "@/lib/site";
import { getFlowSettings } from "@/lib/spektrix-flows/settings";

/**
 * The public site's frame: header, the page's `main`, footer. Used by app/(site)/layout.tsx and by the root
 * not-found page (an unknown address renders outside every route group, but is still the venue's site). The
 * studio has its own frame (app/studio/layout.tsx).
 */
export async function SiteChrome({ children }: { children: React.ReactNode }) {
  const site = siteInfo();
  const { pagePaths } = await getFlowSettings();
  return (
    <>
      <SiteHeader venueName={site.name} paths={pagePaths} />
      <main id="main" tabIndex={-1} className="flex-1 focus:outline-none">
        {children}
      </main>
      <SiteFooter venueName={site.name} address={site.address} boxOffice={site.boxOffice} paths={pagePaths} />
    </>
  );
}
