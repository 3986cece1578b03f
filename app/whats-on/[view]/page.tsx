import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { UNFILTERED_VIEW } from "@/lib/events/canonical";
import { whatsOnMetadata } from "../metadata";
import { WhatsOnView } from "../whats-on-view";

/**
 * The unfiltered what's on, the same for every visitor. Rendered on its first request (not at build, when the
 * store may still be empty), then served from the page cache until the sync revalidates the listings or a
 * minute passes, so "today" and on-sale windows stay current.
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
  if ((await params).view !== UNFILTERED_VIEW) notFound();
  return <WhatsOnView raw={{}} />;
}
