import type { Metadata, Viewport } from "next";
import { displayFont, textFont } from "./fonts";
import { SpektrixProvider } from "@/components/spektrix/spektrix-loader-client";
import { siteInfo } from "@/lib/site";
import { siteTitle } from "@/lib/seo/metadata";
import { documentSecurityPolicy } from "@/lib/security/document-policy";
import { spektrixPublicConfig } from "@/lib/spektrix-flows/config";
import { getFlowSettings } from "@/lib/spektrix-flows/settings";
import { FALLBACK_TOKENS } from "@/lib/spektrix-flows/theme";
import "./globals.css";

export function generateMetadata(): Metadata {
  const site = siteInfo();
  return {
    metadataBase: new URL(site.url),
    title: { default: siteTitle(site.name), template: `%s · ${site.name}` },
    description: `What's on at ${site.name}: plays, concerts and family shows. Book tickets online.`,
    openGraph: { siteName: site.name, type: "website" },
  };
}

// The browser chrome takes the brand colour from the design tokens (FALLBACK_TOKENS mirrors app/globals.css; a test keeps them equal).
export const viewport: Viewport = { themeColor: FALLBACK_TOKENS.brand };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const site = siteInfo();
  const [spektrix, { pagePaths }] = await Promise.all([spektrixPublicConfig(), getFlowSettings()]);
  const policy = documentSecurityPolicy(spektrix);
  return (
    <html lang="en" className={`${displayFont.variable} ${textFont.variable}`}>
      <head>
        {/* In the head, ahead of every inline script and all of the page's content, which it covers (ADR 0017). */}
        <meta httpEquiv="Content-Security-Policy" content={policy} />
      </head>
      <body>
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        {/* The studio needs it too: its previews render the same Spektrix components as the site. */}
        {/* Client components link to the basket and account where the studio's Connection page put them. */}
        <SpektrixProvider
          config={spektrix}
          boxOffice={site.boxOffice}
          basketPath={pagePaths.basket}
          accountPath={pagePaths.account}
        >
          {children}
        </SpektrixProvider>
      </body>
    </html>
  );
}
