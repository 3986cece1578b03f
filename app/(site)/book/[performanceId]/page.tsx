import type { Metadata } from "next";
import { NotFoundInPlace } from "@/components/site/not-found-content";
import { BookingStep } from "@/components/site/booking-step";
import { getBookingTarget } from "@/lib/events/cached";
import { formatDayAndTime } from "@/lib/events/format";
import { isSpektrixId } from "@/lib/spektrix";
import { siteInfo } from "@/lib/site";
import PerformanceNotFound from "./not-found";

type Props = { params: Promise<{ performanceId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { performanceId } = await params;
  const target = isSpektrixId(performanceId) ? await getBookingTarget(performanceId) : null;
  return {
    // The date too: a show's booking pages are otherwise one title repeated in a visitor's tabs and history.
    title: target
      ? // "Book tickets", as the page's own eyebrow says: many shows are unreserved, with no seats to choose.
        `Book tickets: ${target.event.title}, ${formatDayAndTime(new Date(target.performance.startsAt), siteInfo().timeZone)}`
      : "Performance not found",
    robots: { index: false, follow: false },
  };
}

// Cached like event pages (so an unknown performance is a real 404); seat status is a live client island.
export const revalidate = 60;
export function generateStaticParams() {
  return [];
}

export default async function BookPage({ params }: Props) {
  const { performanceId } = await params;
  const target = isSpektrixId(performanceId) ? await getBookingTarget(performanceId) : null;
  if (!target) return <NotFoundInPlace content={<PerformanceNotFound />} />;
  return <BookingStep target={target} site={siteInfo()} />;
}
