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
import type { ComponentProps } from "react";
import { revealFocused } from "@/components/site/reveal-focused";

export type SiteLinkProps = Omit<ComponentProps<typeof Link>, "prefetch" | "href"> & {
  href: string;
  /**
   * false for links whose page should be rendered only when followed: booking pages, which a finger scrolling
   * a long list of dates would otherwise render one by one on touch.
   */
  prefetchOnIntent?: boolean;
  /** In a row that scrolls sideways: scroll fully into view when tabbed to (`revealFocused`). */
  revealOnFocus?: boolean;
};

export function SiteLink({
  href,
  prefetchOnIntent = true,
  revealOnFocus = false,
  onMouseEnter,
  onTouchStart,
  onFocus,
  ...props
}: SiteLinkProps) {
  const router = useRouter();
  const prefetch = () => {
    if (prefetchOnIntent) router.prefetch(href);
  };
  return (
    <Link
      {...props}
      href={href}
      prefetch={false}
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
