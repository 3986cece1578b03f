import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EventForm } from "@/components/studio/event-form-client";
import { PerformanceVisibility } from "@/components/studio/performance-visibility-client";
import { SyncNow } from "@/components/studio/sync-now-client";
import {
  EDITABLE_SITE_FIELDS,
  eventFormValues,
  FIELD_LABELS,
  getEvent,
  listEventPerformances,
  lockedFields,
  MULTILINE_EVENT_FIELDS,
  performanceNotes,
} from "@/lib/studio/events";
import { formatDayAndTime } from "@/lib/events/format";
import { formatWhen } from "@/lib/studio/format";
import { requireEditorPage } from "@/lib/studio/guard";
import { parseRowId } from "@/lib/db/ids";
import { routes } from "@/lib/routes";
import { siteInfo } from "@/lib/site";

export const metadata: Metadata = { title: "Edit event" };
export const dynamic = "force-dynamic";

export default async function StudioEventPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireEditorPage(routes.studio.event(id));
  const eventId = parseRowId(id);
  if (eventId === null) notFound();
  const event = await getEvent(eventId);
  if (!event) notFound();
  const [locked, performances] = await Promise.all([
    lockedFields().then((set) => [...set]),
    listEventPerformances(event.id),
  ]);
  const { timeZone } = siteInfo();
  const now = new Date();
  return (
    <div className="grid grid-cols-1 gap-6">
      <header>
        <p className="eyebrow text-brand">Event · {event.status}</p>
        <h1 className="mt-1 text-4xl font-semibold">{event.title}</h1>
        <p className="mt-2 text-sm text-ink-soft">
          Spektrix id <span className="font-mono">{event.sourceId}</span> · last seen{" "}
          {formatWhen(event.lastSeenAt, timeZone)} ·{" "}
          <Link href={routes.studio.eventPreview(event.id)} className="text-brand underline">
            Preview
          </Link>
        </p>
      </header>
      <SyncNow eventId={event.sourceId} label="Sync this event now" />
      <EventForm
        eventId={event.id}
        values={eventFormValues(event)}
        hidden={event.hidden}
        fields={EDITABLE_SITE_FIELDS.map((f) => ({
          name: f,
          label: FIELD_LABELS[f],
          multiline: MULTILINE_EVENT_FIELDS.has(f),
        }))}
        locked={locked}
        edited={event.editedFields}
      />
      <section aria-labelledby="performances-heading" className="grid gap-3">
        <h2 id="performances-heading" className="text-xl font-semibold">
          Performances
        </h2>
        <PerformanceVisibility
          eventId={event.id}
          performances={performances.map((p) => ({
            id: p.id,
            sourceId: p.sourceId,
            when: formatDayAndTime(p.startsAt, timeZone),
            notes: performanceNotes(p, now),
            hidden: p.hidden,
          }))}
        />
      </section>
    </div>
  );
}
