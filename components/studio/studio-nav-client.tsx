"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { revealFocused } from "@/components/site/focus";

export interface StudioNavItem {
  href: string;
  label: string;
}

/**
 * The item for a path: the one whose address is the longest that the path starts with, so /studio/sync/settings
 * is Sync settings, not Sync runs, and /studio/events/12 is Events.
 */
export function currentStudioItem(items: readonly StudioNavItem[], pathname: string): string | null {
  const matches = items.filter((item) => pathname === item.href || pathname.startsWith(`${item.href}/`));
  return matches.sort((a, b) => b.href.length - a.href.length)[0]?.href ?? null;
}

/**
 * The studio's menu, marking the page the editor is on. On a phone it is a row that scrolls sideways (the
 * `.pills` fade says so), so it does not fill the first screen; from `md` up, a column beside the page.
 */
export function StudioNav({ items }: { items: readonly StudioNavItem[] }) {
  const current = currentStudioItem(items, usePathname());
  return (
    <nav aria-label="Studio" className="mt-3">
      <ul className="pills studio-nav">
        {items.map((item) => (
          <li key={item.href}>
            <Link href={item.href} aria-current={item.href === current ? "page" : undefined} onFocus={revealFocused}>
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
