import type { Metadata } from "next";
import Link from "next/link";
import { routes } from "@/lib/routes";
import { siteInfo } from "@/lib/site";

/**
 * "Events · Studio · The Lyric Playhouse": an editor with several venues' studios open tells the tabs apart. The
 * studio's home has no title of its own, so it gets "Studio" through the root layout's template, with the name too.
 */
export function generateMetadata(): Metadata {
  return {
    title: { default: "Studio", template: `%s · Studio · ${siteInfo().name}` },
    robots: { index: false, follow: false },
  };
}

/**
 * The studio's own frame: editors work here, so no public header (its "Sign in" and "Basket" are a visitor's),
 * just which site this is and a way to see it.
 */
export default function StudioRootLayout({ children }: { children: React.ReactNode }) {
  const site = siteInfo();
  return (
    <>
      <header className="border-b border-line bg-ink text-paper">
        <div className="container-page flex items-center justify-between gap-4 py-3">
          <Link href={routes.studio.home} className="flex items-baseline gap-2 font-semibold">
            <span>{site.name}</span>
            <span className="text-sm font-normal opacity-75">Studio</span>
          </Link>
          <a href={routes.home} className="text-sm underline-offset-4 hover:underline">
            View the site
          </a>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="flex-1 bg-paper-deep/40 focus:outline-none">
        {children}
      </main>
    </>
  );
}
