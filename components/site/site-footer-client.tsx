"use client";

import { SiteLink } from "@/components/site/site-link-client";
import { telHref } from "@/lib/text/phone";

export type FooterProps = {
  venueName: string;
  address: string;
  boxOffice: { phone: string; email: string; hours: string };
};

/**
 * The markup of `SiteFooter`. It is a client component only for the page weight: every page carries its
 * server components' whole element tree in the RSC payload, but a client component's props alone. The year
 * comes from the server, so a cached page hydrated after New Year still matches its HTML. Styles:
 * `.footer-links` in globals.css.
 */
export function SiteFooterView({
  venueName,
  address,
  boxOffice,
  nav,
  accessHref,
  accessRel,
  year,
}: FooterProps & {
  nav: ReadonlyArray<{ href: string; label: string }>;
  accessHref: string;
  accessRel?: string;
  year: number;
}) {
  return (
    <footer className="mt-auto bg-stage text-paper/85">
      <div className="container-page grid grid-cols-1 gap-10 py-12 md:grid-cols-[1.4fr_1fr_1fr]">
        <div>
          <p className="font-display text-2xl font-semibold text-paper">{venueName}</p>
          <p className="mt-3 max-w-sm text-sm leading-relaxed">{address}</p>
        </div>
        <div>
          <h2 className="eyebrow text-gold">Box office</h2>
          <ul className="footer-links">
            <li>
              <a href={telHref(boxOffice.phone)}>{boxOffice.phone}</a>
            </li>
            <li>
              <a href={`mailto:${boxOffice.email}`}>{boxOffice.email}</a>
            </li>
            <li>{boxOffice.hours}</li>
          </ul>
        </div>
        <nav aria-label="Footer">
          <h2 className="eyebrow text-gold">Visit</h2>
          <ul className="footer-links">
            {nav.map((item) => (
              <li key={item.href}>
                <SiteLink href={item.href}>{item.label}</SiteLink>
              </li>
            ))}
            <li>
              <SiteLink href={accessHref} rel={accessRel}>
                Access performances
              </SiteLink>
            </li>
          </ul>
        </nav>
      </div>
      <div className="border-t border-white/10">
        <p className="container-page py-4 text-xs text-paper/60">
          Tickets are sold through Spektrix. © {year} {venueName}.
        </p>
      </div>
    </footer>
  );
}
