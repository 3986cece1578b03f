import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EventPageView } from "@/components/site/event-page";
import { siteInfo } from "@/lib/site";
import { getEventPreview } from "@/lib/studio/events";
import { parseRowId } from "@/lib/db/ids";
import { requireEditorPage } from "@/lib/studio/guard";
import { routes } from "@/lib/routes";

export const metadata: Metadata = { title: "Preview event" };

export const dynamic = "force-dynamic";

/** The event as visitors would see it, through the public page's own component, including unpublished drafts. Editors only. */
export default async function EventPreviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireEditorPage(routes.studio.eventPreview(id));
  const eventId = parseRowId(id);
  const preview = eventId === null ? null : await getEventPreview(eventId);
  if (!preview) notFound();
  return (
    <div className="grid grid-cols-1 gap-6">
      <p className="rounded-md border border-gold bg-note px-4 py-2 text-sm text-warning" role="note">
        Preview{preview.published ? "" : " of an unpublished draft"}
        {preview.hidden ? " (hidden from the site)" : ""}.{" "}
        <Link href={routes.studio.event(preview.id)} className="underline">
          Back to editing
        </Link>
      </p>
      <EventPageView event={preview.event} related={[]} timeZone={siteInfo().timeZone} />
    </div>
  );
}
