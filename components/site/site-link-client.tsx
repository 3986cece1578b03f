"use client";

/**
 * The site's internal link: next/link without prefetching every link that scrolls into view, prefetching on
 * intent instead (pointer over it, a finger down on it, keyboard focus). A phone that opens the home page would
 * otherwise fetch and parse the payload of every link on screen — the header, the footer, each card — during
 * the seconds it is busiest, and a Lighthouse trace counts that parsing as blocking time (ADR 0016). Intent
 * still gives a navigation a head start of a hover or a touch.
 */
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, type ComponentProps } from "react";
import { focusIsLost, revealFocused } from "@/components/site/focus";

export type SiteLinkProps = Omit<ComponentProps<typeof Link>, "prefetch" | "href"> & {
  href: string;
  /**
   * false for links whose page should be rendered only when followed: booking pages, which a finger scrolling
   * a long list of dates would otherwise render one by one on touch.
   */
  prefetchOnIntent?: boolean;
  /** In a row that scrolls sideways: scroll fully into view when tabbed to (`revealFocused`). */
  revealOnFocus?: boolean;
  /**
   * The link's place on the page, for links that lead to another version of the same page ("Today", "Calendar",
   * "Next month"). When following one renders a new page in place of this one, the link with the same key there
   * takes the focus, instead of the page's body: a keyboard user goes on from where they were.
   */
  focusKey?: string;
  /**
   * For links that change what a list below them shows (its pages): once the page they lead to is shown, the
   * element with this id takes the focus (it needs tabIndex -1), where the list starts again.
   */
  focusOnArrival?: string;
};

/** The link just followed with focus on it, and when: honoured by the next page's links for a moment. */
let followed: { key?: string; target?: string; href: string; from: Element; at: number } | null = null;
const FOLLOW_FOCUS_MS = 10_000;

export function SiteLink({
  href,
  prefetchOnIntent = true,
  revealOnFocus = false,
  focusKey,
  focusOnArrival,
  onMouseEnter,
  onTouchStart,
  onFocus,
  onClick,
  ...props
}: SiteLinkProps) {
  const router = useRouter();
  const anchor = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    const link = followed;
    const asked = link && ((focusOnArrival && link.target === focusOnArrival) || (focusKey && link.key === focusKey));
    if (!link || !asked) return;
    // Only on the page the link led to, and only while the focus is still where following it left it: on the
    // page's body (the link was replaced) or on the link itself. Anything focused since keeps the focus.
    const arrived = new URL(link.href, location.href);
    if (arrived.pathname !== location.pathname || arrived.search !== location.search) return;
    followed = null;
    if (Date.now() - link.at > FOLLOW_FOCUS_MS || !(focusIsLost() || document.activeElement === link.from)) return;
    if (focusOnArrival && link.target === focusOnArrival) document.getElementById(focusOnArrival)?.focus();
    else anchor.current?.focus();
  }, [focusKey, focusOnArrival, href]);
  const prefetch = () => {
    if (prefetchOnIntent) router.prefetch(href);
  };
  return (
    <Link
      {...props}
      href={href}
      ref={focusKey ? anchor : undefined}
      prefetch={false}
      onClick={(e) => {
        // Any link followed replaces what an earlier one asked for; only one followed from the keyboard (a click
        // with no pointer) asks for anything.
        followed =
          (focusKey || focusOnArrival) && e.detail === 0 && document.activeElement === e.currentTarget
            ? { key: focusKey, target: focusOnArrival, href, from: e.currentTarget, at: Date.now() }
            : null;
        onClick?.(e);
      }}
      onMouseEnter={(e) => {
        prefetch();
        onMouseEnter?.(e);
      }}
      onTouchStart={(e) => {
        prefetch();
        onTouchStart?.(e);
      }}
      onFocus={(e) => {
        prefetch();
        if (revealOnFocus) revealFocused(e);
        onFocus?.(e);
      }}
    />
  );
}
