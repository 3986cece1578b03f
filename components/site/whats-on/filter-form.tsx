import { ACCESS_FILTERS, ACCESS_LABELS, type ListingFilters } from "@/lib/events/filters";
import type { Facets } from "@/lib/events/types";
import { routes } from "@/lib/site";

const field = "mt-1.5 block w-full rounded-lg border border-line bg-white px-3 py-2.5 text-[0.95rem] text-ink shadow-inner shadow-black/[0.02] focus:border-brand focus:outline-none focus-visible:outline-3 focus-visible:outline-gold";
const label = "text-sm font-semibold text-ink";

/**
 * The what's on filters as a plain GET form: it works without JavaScript, and submitting it produces the
 * same canonical, shareable URL as every link on the page.
 */
export function FilterForm({ filters, facets }: { filters: ListingFilters; facets: Facets }) {
  const moreOpen = Boolean(filters.from || filters.to || filters.genre || filters.venue || filters.access.length);
  return (
    <form action={routes.whatsOn} method="get" role="search" aria-label="Find a show" className="rounded-card border border-line bg-white/70 p-4 md:p-5">
      {filters.view === "calendar" ? <input type="hidden" name="view" value="calendar" /> : null}
      {filters.view === "calendar" && filters.month ? <input type="hidden" name="month" value={filters.month} /> : null}
      {filters.when ? <input type="hidden" name="when" value={filters.when} /> : null}
      <div>
        <label htmlFor="wo-q" className={label}>
          Search by title
        </label>
        <input id="wo-q" name="q" type="search" defaultValue={filters.q ?? ""} maxLength={80} placeholder="e.g. Tosca" className={field} autoComplete="off" />
      </div>

      <details className="group mt-4 border-t border-line pt-3 lg:open:pb-1" open={moreOpen || undefined}>
        <summary className="flex cursor-pointer list-none items-center justify-between rounded py-1 text-sm font-semibold text-ink [&::-webkit-details-marker]:hidden">
          Dates, genre, venue, access
          <span aria-hidden className="text-brand transition group-open:rotate-45 text-lg leading-none">
            +
          </span>
        </summary>
        <div className="mt-3 space-y-4">
        <fieldset>
          <legend className={label}>Dates</legend>
          <p id="wo-dates-hint" className="mt-0.5 text-xs text-ink-soft">
            Leave blank for any date.
          </p>
          <div className="mt-1 grid grid-cols-2 gap-2">
            <div>
              <label htmlFor="wo-from" className="text-xs font-medium text-ink-soft">
                From
              </label>
              <input id="wo-from" name="from" type="date" defaultValue={filters.from ?? ""} aria-describedby="wo-dates-hint" className={`${field} !mt-0.5 !px-2`} />
            </div>
            <div>
              <label htmlFor="wo-to" className="text-xs font-medium text-ink-soft">
                To
              </label>
              <input id="wo-to" name="to" type="date" defaultValue={filters.to ?? ""} aria-describedby="wo-dates-hint" className={`${field} !mt-0.5 !px-2`} />
            </div>
          </div>
        </fieldset>
          {facets.genres.length ? (
            <div>
              <label htmlFor="wo-genre" className={label}>
                Genre
              </label>
              <select id="wo-genre" name="genre" defaultValue={filters.genre ?? ""} className={field}>
                <option value="">All genres</option>
                {facets.genres.map((g) => (
                  <option key={g} value={g}>
                    {g}
                  </option>
                ))}
                {filters.genre && !facets.genres.some((g) => g.toLowerCase() === filters.genre!.toLowerCase()) ? <option value={filters.genre}>{filters.genre}</option> : null}
              </select>
            </div>
          ) : null}
          {facets.venues.length > 1 || filters.venue ? (
            <div>
              <label htmlFor="wo-venue" className={label}>
                Venue
              </label>
              <select id="wo-venue" name="venue" defaultValue={filters.venue ?? ""} className={field}>
                <option value="">All venues</option>
                {facets.venues.map((v) => (
                  <option key={v.slug} value={v.slug}>
                    {v.name}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <fieldset>
            <legend className={label}>Access performances</legend>
            <ul className="mt-2 space-y-1.5">
              {ACCESS_FILTERS.map((flag) => (
                <li key={flag}>
                  <label className="flex items-center gap-2.5 text-[0.95rem]">
                    <input type="checkbox" name="access" value={flag} defaultChecked={filters.access.includes(flag)} className="size-4 accent-brand" />
                    {ACCESS_LABELS[flag]}
                  </label>
                </li>
              ))}
              <li>
                <label className="flex items-center gap-2.5 text-[0.95rem]">
                  <input type="checkbox" name="access" value="any" defaultChecked={filters.access.includes("any")} className="size-4 accent-brand" />
                  Any access performance
                </label>
              </li>
            </ul>
          </fieldset>
        </div>
      </details>

      <div className="mt-5 flex items-center gap-3">
        <button type="submit" className="btn btn-primary flex-1">
          Show results
        </button>
        <a href={filters.view === "calendar" ? `${routes.whatsOn}?view=calendar` : routes.whatsOn} className="text-sm font-medium text-brand underline underline-offset-4">
          Clear all
        </a>
      </div>
    </form>
  );
}
