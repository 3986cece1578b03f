import type { Metadata } from "next";
import { whatsOnMetadata } from "./metadata";
import { WhatsOnView } from "./whats-on-view";

/** Filtered what's on, rendered per request. The bare, unfiltered list is served from `[view]` (see proxy.ts). */
type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  return whatsOnMetadata(await searchParams);
}

export default async function WhatsOnPage({ searchParams }: Props) {
  return <WhatsOnView raw={await searchParams} />;
}
