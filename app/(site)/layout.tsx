import { SiteChrome } from "@/components/site/site-chrome";

/** Every public page sits in the venue's header and footer; the studio does not (app/studio/layout.tsx). */
export default function SiteLayout({ children }: { children: React.ReactNode }) {
  return <SiteChrome>{children}</SiteChrome>;
}
