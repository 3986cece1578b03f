import type { Metadata } from "next";
import { whatsOnMetadata } from "../metadata";
import { WhatsOnView } from "../whats-on-view";

/**
 * Filtered what's on, rendered per request behind its loading skeleton. A /whats-on without listing parameters
 * is rewritten to the cached `[view]` page instead (next.config.mjs, lib/page-cache.mjs).
 */
type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  return whatsOnMetadata(await searchParams);
}

export default async function WhatsOnPage({ searchParams }: Props) {
  return <WhatsOnView raw={await searchParams} />;
}
