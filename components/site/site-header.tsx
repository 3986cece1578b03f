import Link from "next/link";
import { primaryNav, routes } from "@/lib/site";
import { BasketSummary } from "@/components/spektrix/basket-summary-client";
import { LoginStatus } from "@/components/spektrix/login-status-client";

export function SiteHeader({ venueName }: { venueName: string }) {
  return (
    <header className="border-b border-line bg-paper/95 backdrop-blur supports-[backdrop-filter]:bg-paper/80 sticky top-0 z-40">
      <div className="container-page flex items-center gap-6 py-3 md:py-4">
        <Link href={routes.home} className="group flex items-baseline gap-2 shrink-0" aria-label={`${venueName}, home`}>
          <span aria-hidden className="font-display text-2xl md:text-[1.7rem] font-semibold tracking-tight text-ink">
            {venueName}
          </span>
        </Link>
        <nav aria-label="Main" className="ml-auto hidden md:block">
          <ul className="flex items-center gap-1">
            {primaryNav.map((item) => (
              <li key={item.href}>
                <Link href={item.href} className="rounded-full px-3.5 py-2 text-[0.95rem] font-medium text-ink-soft hover:text-ink hover:bg-paper-deep">
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="ml-auto md:ml-0 flex items-center gap-2" data-slot="basket">
          <LoginStatus accountHref={routes.account} loginHref={routes.login} />
          <BasketSummary href={routes.basket} />
        </div>
      </div>
      <nav aria-label="Main (compact)" className="md:hidden border-t border-line">
        <ul className="container-page flex gap-1 overflow-x-auto py-1.5 text-sm">
          {primaryNav.map((item) => (
            <li key={item.href} className="shrink-0">
              <Link href={item.href} className="inline-block rounded-full px-3 py-1.5 font-medium text-ink-soft hover:bg-paper-deep">
                {item.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
