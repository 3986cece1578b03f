import type { Metadata } from "next";
import { NotFoundInPlace } from "@/components/site/not-found-content";
import { EventPageView } from "@/components/site/event-page";
import { getEventBySlug, getRelated } from "@/lib/events/cached";
import { performanceJsonLd, splitShared } from "@/lib/seo/json-ld";
import { absoluteUrl, pageMetadata } from "@/lib/seo/metadata";
import { routes } from "@/lib/routes";
import { siteInfo } from "@/lib/site";
import EventNotFound from "./not-found";

type Props = { params: Promise<{ slug: string }> };

// Rendered on first visit, then served from the cache until the sync revalidates this event's tag.
export const revalidate = 300;
export function generateStaticParams() {
  return [];
}

const SLUG = /^[a-z0-9][a-z0-9-]{0,120}$/;

async function load(slug: string) {
  if (!SLUG.test(slug)) return { kind: "unknown" as const };
  return getEventBySlug(slug);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const found = await load(slug);
  if (found.kind !== "live") return { title: "Show not found", robots: { index: false } };
  const e = found.event;
  return pageMetadata({
    title: e.title,
    description: e.description || `${e.title} at ${siteInfo().name}. Dates, times and tickets.`,
    path: routes.event(e.slug),
    image: e.image,
    type: "article",
  });
}

export default async function EventPage({ params }: Props) {
  const { slug } = await params;
  const found = await load(slug);
  if (found.kind !== "live") return <NotFoundInPlace content={<EventNotFound />} />;
  const event = found.event;
  const site = siteInfo();
  const related = await getRelated({ sourceId: event.sourceId, genre: event.genre });
  const now = new Date();
  const eventUrl = absoluteUrl(routes.event(event.slug));
  const jsonLd = splitShared(
    event.performances.map((p) =>
      performanceJsonLd(event, p, { site, eventUrl, bookUrl: absoluteUrl(routes.book(p.id)), now }),
    ),
  );

  return <EventPageView event={event} related={related} timeZone={site.timeZone} jsonLd={jsonLd} />;
}
