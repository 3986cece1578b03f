import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { UNFILTERED_LISTING_PATH } from "@/lib/page-cache.mjs";
import { whatsOnMetadata } from "../metadata";
import { WhatsOnView } from "../whats-on-view";

/**
 * The unfiltered what's on, the same for every visitor. Rendered on its first request (not at build, when the
 * store may still be empty), then served from the page cache until the sync revalidates the listings or a
 * minute passes, so "today" and on-sale windows stay current. It has no loading skeleton: the cached page is
 * sent whole, and a skeleton would only add bytes to every response.
 */
export const revalidate = 60;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ view: string }> };

export function generateMetadata(): Metadata {
  return whatsOnMetadata({});
}

export default async function UnfilteredWhatsOnPage({ params }: Props) {
  if (`/whats-on/${(await params).view}` !== UNFILTERED_LISTING_PATH) notFound();
  return <WhatsOnView raw={{}} />;
}
