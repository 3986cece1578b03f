"use client";

import { SiteLink } from "@/components/site/site-link-client";
import { BasketSummary } from "@/components/spektrix/basket-summary-client";
import { LoginStatus } from "@/components/spektrix/login-status-client";
import { useEffect, useState, type ComponentType } from "react";
import { useBasketWorthAsking } from "@/components/spektrix/spektrix-loader-client";

/**
 * The markup of `SiteHeader`. It is a client component only for the page weight: every page carries its
 * server components' whole element tree in the RSC payload, but a client component's props alone. Styles:
 * `.site-header`, `.site-name` and `.nav-*` in globals.css.
 */
export function SiteHeaderView({
  venueName,
  nav,
  homeHref,
  accountHref,
  loginHref,
  basketHref,
}: {
  venueName: string;
  nav: ReadonlyArray<{ href: string; label: string }>;
  homeHref: string;
  accountHref: string;
  loginHref: string;
  basketHref: string;
}) {
  return (
    <header className="site-header">
      <div className="container-page flex items-center gap-3 py-3 sm:gap-6 md:py-4">
        {/* The name gives way (it wraps) before the basket is pushed off a narrow phone's edge. */}
        <SiteLink href={homeHref} className="flex min-w-0 items-baseline gap-2" aria-label={`${venueName}, home`}>
          <span aria-hidden className="site-name">
            {venueName}
          </span>
        </SiteLink>
        <nav aria-label="Main" className="ml-auto hidden md:block">
          <NavList nav={nav} className="nav-main" />
        </nav>
        <div className="ml-auto flex shrink-0 items-center gap-1 sm:gap-2 md:ml-0" data-slot="basket">
          <LoginStatus accountHref={accountHref} loginHref={loginHref} />
          <BasketSummary href={basketHref} />
        </div>
      </div>
      <nav aria-label="Main (compact)" className="md:hidden border-t border-line">
        <NavList nav={nav} className="container-page nav-compact" />
      </nav>
      <SessionDriftGate />
    </header>
  );
}

/** The main navigation's links: beside the name from tablet width up, in their own row on phones. */
function NavList({ nav, className }: { nav: ReadonlyArray<{ href: string; label: string }>; className: string }) {
  return (
    <ul className={className}>
      {nav.map((item) => (
        <li key={item.href}>
          <SiteLink href={item.href}>{item.label}</SiteLink>
        </li>
      ))}
    </ul>
  );
}

/** Only a browser with a session or a basket can drift (lib/auth/drift.ts): the rest never load the repair. */
function SessionDriftGate() {
  const worthAsking = useBasketWorthAsking();
  const [Repair, setRepair] = useState<ComponentType | null>(null);
  useEffect(() => {
    if (worthAsking && !Repair)
      void import("@/components/auth/session-drift-client").then((m) => setRepair(() => m.SessionDriftRepair));
  }, [worthAsking, Repair]);
  return Repair ? <Repair /> : null;
}
