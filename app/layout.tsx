import type { Metadata, Viewport } from "next";
import { displayFont, textFont } from "./fonts";
import { SiteHeader } from "@/components/site/site-header";
import { SiteFooter } from "@/components/site/site-footer";
import { Providers } from "@/components/providers-client";
import { SpektrixProvider } from "@/components/spektrix/spektrix-loader-client";
import { siteInfo } from "@/lib/site";
import { spektrixPublicConfig } from "@/lib/spektrix-flows/config";
import { FALLBACK_TOKENS } from "@/lib/spektrix-flows/theme";
import "./globals.css";

export function generateMetadata(): Metadata {
  const site = siteInfo();
  return {
    metadataBase: new URL(site.url),
    title: { default: `${site.name}: theatre, music and dance`, template: `%s · ${site.name}` },
    description: `What's on at ${site.name}: plays, concerts and family shows. Book tickets online.`,
    openGraph: { siteName: site.name, type: "website" },
  };
}

// The browser chrome takes the brand colour from the design tokens (FALLBACK_TOKENS mirrors app/globals.css; a test keeps them equal).
export const viewport: Viewport = { themeColor: FALLBACK_TOKENS.brand };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  const site = siteInfo();
  return (
    <html lang="en" className={`${displayFont.variable} ${textFont.variable}`}>
      <body>
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        <Providers>
          <SpektrixProvider config={spektrixPublicConfig()} boxOffice={site.boxOffice}>
            <SiteHeader venueName={site.name} />
            <main id="main" tabIndex={-1} className="flex-1 focus:outline-none">
              {children}
            </main>
            <SiteFooter venueName={site.name} address={site.address} boxOffice={site.boxOffice} />
          </SpektrixProvider>
        </Providers>
      </body>
    </html>
  );
}
