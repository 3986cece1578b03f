import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BookingStep } from "@/components/site/booking-step";
import { env } from "@/lib/config";
import { getBookingTarget } from "@/lib/events/cached";
import { IFRAME_PARAMS, iframeUrl, isSpektrixId, shortId } from "@/lib/spektrix";
import { siteInfo } from "@/lib/site";

type Props = { params: Promise<{ performanceId: string }> };

export const metadata: Metadata = { title: "Choose your seats", robots: { index: false, follow: false } };

// Cached like event pages (so an unknown performance is a real 404); seat status is a live client island.
export const revalidate = 60;
export function generateStaticParams() {
  return [];
}

export default async function BookPage({ params }: Props) {
  const { performanceId } = await params;
  if (!isSpektrixId(performanceId)) notFound();
  const target = await getBookingTarget(performanceId);
  if (!target) notFound();
  const e = env();
  const fallbackUrl = iframeUrl({
    baseUrl: e.SPEKTRIX_BASE_URL,
    clientName: e.SPEKTRIX_CLIENT_NAME,
    page: "chooseSeats",
    params: { [IFRAME_PARAMS.performance]: shortId(target.performance.id) },
  });
  return <BookingStep target={target} site={siteInfo()} fallbackUrl={fallbackUrl} />;
}
