import type { Metadata } from "next";
import { NotFoundContent, NotFoundInPlace } from "@/components/site/not-found-content";
import { CACHED_LISTINGS } from "@/lib/page-cache.mjs";
import { whatsOnMetadata } from "../metadata";
import { WhatsOnView } from "../whats-on-view";

/**
 * The unfiltered what's on and this month's calendar (lib/page-cache.mjs CACHED_LISTINGS), the same for every visitor. Rendered on its first request (not at build, when the
 * store may still be empty), then served from the page cache until the sync revalidates the listings or a
 * minute passes, so "today" and on-sale windows stay current. It has no loading skeleton: the cached page is
 * sent whole, and a skeleton would only add bytes to every response.
 */
export const revalidate = 60;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ view: string }> };

async function listing(params: Props["params"]) {
  const path = `/whats-on/${(await params).view}`;
  return CACHED_LISTINGS.find((l) => l.path === path);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const cached = await listing(params);
  return cached ? whatsOnMetadata(cached.params) : { title: "Page not found", robots: { index: false } };
}

export default async function CachedWhatsOnPage({ params }: Props) {
  const cached = await listing(params);
  if (!cached) return <NotFoundInPlace content={<NotFoundContent />} />;
  return <WhatsOnView raw={cached.params} />;
}
