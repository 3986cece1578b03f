import type { Metadata } from "next";
import Link from "next/link";
import { ParkedEventsNotice } from "@/components/studio/parked-events-client";
import { listEvents, listKeptEvents, STUDIO_SEARCH_MAX_LENGTH, studioSearchText } from "@/lib/studio/events";
import { formatWhen } from "@/lib/studio/format";
import { requireEditorPage } from "@/lib/studio/guard";
import { routes } from "@/lib/routes";
import { siteInfo } from "@/lib/site";

export const metadata: Metadata = { title: "Events" };
export const dynamic = "force-dynamic";

export default async function StudioEventsPage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string; status?: string }>;
}) {
  await requireEditorPage(routes.studio.events);
  const { q: rawQ, status = "" } = await searchParams;
  // What was searched, as the search ran: a NUL or an over-long word from the address is not typed back into the box.
  const q = studioSearchText(rawQ);
  const events = await listEvents({ q, status: String(status) });
  return (
    <div className="grid grid-cols-1 gap-6">
      <header>
        <h1 className="text-4xl font-semibold">Events</h1>
        <p className="mt-2 text-ink-soft">
          Events synced from Spektrix. Edit what the site says about them; fields locked by a sync map come from
          Spektrix.
        </p>
      </header>
      <ParkedEventsNotice kept={await listKeptEvents()} />
      <form role="search" className="flex flex-wrap items-end gap-3" action={routes.studio.events}>
        <div className="grid gap-1">
          <label htmlFor="event-q" className="text-sm font-semibold">
            Search events
          </label>
          <input
            id="event-q"
            name="q"
            defaultValue={q}
            maxLength={STUDIO_SEARCH_MAX_LENGTH}
            className="w-72 rounded-md border border-line bg-white px-3 py-2"
          />
        </div>
        <div className="grid gap-1">
          <label htmlFor="event-status" className="text-sm font-semibold">
            Status
          </label>
          <select
            id="event-status"
            name="status"
            defaultValue={String(status)}
            className="rounded-md border border-line bg-white px-3 py-2"
          >
            <option value="">Any</option>
            <option value="active">Active</option>
            <option value="missing">Missing from Spektrix</option>
            <option value="disabled">Hidden by sync</option>
            <option value="cancelled">Cancelled</option>
          </select>
        </div>
        <button className="btn btn-primary" type="submit">
          Search
        </button>
      </form>
      {events.length === 0 ? (
        <p className="text-ink-soft [overflow-wrap:anywhere]">
          {q ? `No events match “${q}”.` : "No events yet. Run a sync from Sync runs."}
        </p>
      ) : (
        <div className="scroll-x rounded-[var(--radius-card)] border border-line">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Synced events</caption>
            <thead>
              <tr className="border-b border-line">
                {["Event", "First performance", "Status", "On the site", "Edited fields"].map((h) => (
                  <th key={h} scope="col" className="px-4 py-2">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.id} className="border-b border-line/60">
                  <th scope="row" className="px-4 py-2 font-medium">
                    <Link href={routes.studio.event(e.id)} className="text-brand underline">
                      {e.title}
                    </Link>
                    <span className="block text-xs font-normal text-ink-soft">
                      {e.slug}
                      {e.yieldedSlug
                        ? e.parkedFrom
                          ? ` (gave ${e.yieldedSlug} to the client in use; takes it back when its client returns)`
                          : ` (wants ${e.yieldedSlug} back; a listed event holds it)`
                        : ""}
                    </span>
                  </th>
                  <td className="px-4 py-2">{formatWhen(e.firstPerformanceAt, siteInfo().timeZone)}</td>
                  <td className="px-4 py-2">
                    {e.status}
                    {e.isOnSale ? " · on sale" : ""}
                  </td>
                  <td className="px-4 py-2">
                    {e.parkedFrom ? `kept from ${e.parkedFrom}` : e.hidden ? "hidden" : e.published ? "shown" : "draft"}
                  </td>
                  <td className="px-4 py-2">{e.editedCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
