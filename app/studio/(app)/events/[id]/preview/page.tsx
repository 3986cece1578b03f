import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { parseRowId } from "@/lib/db/ids";
import { getEvent } from "@/lib/studio/events";
import { formatWhen } from "@/lib/studio/format";
import { requireEditorPage } from "@/lib/studio/guard";
import { sanitizeVenueHtml } from "@/lib/sync/transforms";

export const metadata: Metadata = { title: "Preview event" };

export const dynamic = "force-dynamic";

/** The event as visitors would see it, including unpublished drafts. Editors only. */
export default async function EventPreviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireEditorPage(`/studio/events/${encodeURIComponent(id)}/preview`);
  const eventId = parseRowId(id);
  const event = eventId === null ? null : await getEvent(eventId);
  if (!event) notFound();
  const body = event.bodyOverrideHtml ?? event.bodyHtml;
  return (
    <article className="grid gap-6">
      <p className="rounded-md border border-gold bg-[#fff7e6] px-4 py-2 text-sm text-warning" role="note">
        Preview{event.published ? "" : " of an unpublished draft"}{event.hidden ? " (hidden from the site)" : ""}.{" "}
        <Link href={`/studio/events/${event.id}`} className="underline">Back to editing</Link>
      </p>
      {event.heroImageUrl ? (
        // eslint-disable-next-line @next/next/no-img-element
        <img src={event.heroImageUrl} alt={event.heroImageAlt ?? ""} className="aspect-[16/7] w-full rounded-[var(--radius-card)] object-cover" />
      ) : null}
      <header>
        {event.genre ? <p className="eyebrow text-brand">{event.genre}</p> : null}
        <h1 className="text-display font-semibold">{event.title}</h1>
        {event.subtitle ? <p className="mt-2 text-xl text-ink-soft">{event.subtitle}</p> : null}
        <p className="mt-2 text-sm text-ink-soft">
          {formatWhen(event.firstPerformanceAt)} – {formatWhen(event.lastPerformanceAt)}
          {event.durationMinutes ? ` · ${event.durationMinutes} minutes` : ""}
          {event.ageGuidance ? ` · ${event.ageGuidance}` : ""}
        </p>
      </header>
      {event.summary ? <p className="text-lg">{event.summary}</p> : null}
      {body ? <div className="prose-venue max-w-prose" dangerouslySetInnerHTML={{ __html: sanitizeVenueHtml(body) }} /> : null}
    </article>
  );
}
