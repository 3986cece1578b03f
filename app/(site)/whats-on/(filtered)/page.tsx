import type { Metadata } from "next";
import { whatsOnMetadata } from "../metadata";
import { WhatsOnView } from "../whats-on-view";

/**
 * Filtered what's on, rendered per request. A /whats-on without listing parameters is rewritten to the cached
 * `[view]` page instead (next.config.mjs, lib/page-cache.mjs). It has no `loading.tsx`: behind one, the results
 * stream into a hidden element that only JavaScript reveals, so a visitor without it (the filter form works
 * without it) saw a skeleton for ever; the render takes tens of milliseconds, so the skeleton bought nothing.
 * The `(filtered)` group once kept that file off the cached page (ADR 0007); it changes no address.
 */
type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  return whatsOnMetadata(await searchParams);
}

export default async function WhatsOnPage({ searchParams }: Props) {
  return <WhatsOnView raw={await searchParams} />;
}
