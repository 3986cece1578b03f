"use client";

import { useEffect, useRef } from "react";
import type { AccessFilter, ListingFilters } from "@/lib/events/filters";
import { sameFacetValue } from "@/lib/events/facets";
import { RESULTS_ID } from "./ids";

/**
 * The markup of `FilterForm`. It is a client component only for the page weight: a page carries its server
 * components' whole element tree in the RSC payload but a client component's props alone, and this form is
 * on every what's on page. It renders the same HTML on the server, so it still works without JavaScript.
 * Styles: `.filters`, `.field*` and `.checks` in globals.css.
 *
 * Fields left empty are dropped from what the form sends, so a search shares as `/whats-on?q=tosca` rather than
 * `?q=tosca&from=&to=&genre=&venue=`. Without JavaScript they are sent and the server ignores them (lib/events/filters).
 */
export function FilterFormView({
  action,
  filters,
  genres,
  venues,
  access,
}: {
  /** The what's on path the form submits to. */
  action: string;
  filters: ListingFilters;
  genres: string[];
  venues: Array<{ slug: string; name: string }>;
  /** The access flags to offer, in order, with their labels. */
  access: Array<{ flag: AccessFilter; label: string }>;
}) {
  const moreOpen = Boolean(filters.from || filters.to || filters.genre || filters.venue || filters.access.length);
  // "Clear all" only when there is something to clear (a month in the calendar is where it is, not a filter).
  const chosen = moreOpen || Boolean(filters.q || filters.when);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    const element = form.current;
    if (!element) return;
    // `formdata` fires while the browser builds what a submit sends, so this edits the request, not the fields:
    // nothing is left disabled or cleared if the visitor comes back to the page.
    const dropEmpty = ({ formData }: FormDataEvent) => {
      const kept = [...formData.entries()].filter(([, value]) => value !== "");
      for (const key of new Set(formData.keys())) formData.delete(key);
      for (const [key, value] of kept) formData.append(key, value);
    };
    // On a phone the results come below the form, two screens down when its filters are open: the new page then
    // opens at them (the address's fragment), and Tab goes on from there. Beside the form (a wide screen) they are
    // already in view, and the page keeps its heading on screen.
    const landOnResults = () => {
      const results = document.getElementById(RESULTS_ID);
      const below = results !== null && results.getBoundingClientRect().top >= element.getBoundingClientRect().bottom;
      element.action = below ? `${action}#${RESULTS_ID}` : action;
    };
    element.addEventListener("formdata", dropEmpty);
    element.addEventListener("submit", landOnResults);
    return () => {
      element.removeEventListener("formdata", dropEmpty);
      element.removeEventListener("submit", landOnResults);
    };
  }, [action]);
  return (
    <form ref={form} action={action} method="get" role="search" aria-label="Find a show" className="filters">
      {filters.view === "calendar" ? <input type="hidden" name="view" value="calendar" /> : null}
      {filters.view === "calendar" && filters.month ? <input type="hidden" name="month" value={filters.month} /> : null}
      {filters.when ? <input type="hidden" name="when" value={filters.when} /> : null}
      <div>
        <label htmlFor="wo-q" className="field-label">
          Search by title
        </label>
        <input
          id="wo-q"
          name="q"
          type="search"
          defaultValue={filters.q ?? ""}
          maxLength={80}
          placeholder="e.g. Tosca"
          className="field"
          autoComplete="off"
        />
      </div>

      <details className="filters-more" open={moreOpen || undefined}>
        <summary>
          Dates, genre, venue, access
          <span aria-hidden>+</span>
        </summary>
        <div className="mt-3 space-y-4">
          <fieldset>
            <legend className="field-label">Dates</legend>
            <p id="wo-dates-hint" className="mt-0.5 text-xs text-ink-soft">
              Leave blank for any date.
            </p>
            {/* Side by side only where each box can show a whole date and its picker icon; stacked otherwise (the
                desktop filter column, a 320 phone). */}
            <div className="mt-1 grid grid-cols-[repeat(auto-fit,minmax(10rem,1fr))] gap-2">
              <div>
                <label htmlFor="wo-from" className="text-xs font-medium text-ink-soft">
                  From
                </label>
                <input
                  id="wo-from"
                  name="from"
                  type="date"
                  defaultValue={filters.from ?? ""}
                  aria-describedby="wo-dates-hint"
                  className="field field-date"
                />
              </div>
              <div>
                <label htmlFor="wo-to" className="text-xs font-medium text-ink-soft">
                  To
                </label>
                <input
                  id="wo-to"
                  name="to"
                  type="date"
                  defaultValue={filters.to ?? ""}
                  aria-describedby="wo-dates-hint"
                  className="field field-date"
                />
              </div>
            </div>
          </fieldset>
          {genres.length ? (
            <SelectField
              id="wo-genre"
              name="genre"
              label="Genre"
              allLabel="All genres"
              value={filters.genre}
              options={genres.map((g) => ({ value: g, label: g }))}
            />
          ) : null}
          {venues.length > 1 || filters.venue ? (
            <SelectField
              id="wo-venue"
              name="venue"
              label="Venue"
              allLabel="All venues"
              value={filters.venue}
              options={venues.map((v) => ({ value: v.slug, label: v.name }))}
            />
          ) : null}
          <fieldset>
            <legend className="field-label">Access performances</legend>
            <ul className="checks">
              {access.map(({ flag, label }) => (
                <li key={flag}>
                  <label>
                    <input type="checkbox" name="access" value={flag} defaultChecked={filters.access.includes(flag)} />
                    {label}
                  </label>
                </li>
              ))}
              <li>
                <label>
                  <input type="checkbox" name="access" value="any" defaultChecked={filters.access.includes("any")} />
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
        {chosen ? (
          <a
            href={filters.view === "calendar" ? `${action}?view=calendar` : action}
            className="text-sm font-medium text-brand underline underline-offset-4"
          >
            Clear all
          </a>
        ) : null}
      </div>
    </form>
  );
}

/**
 * A labelled select whose first option clears the filter. The URL's value is matched to an option regardless of
 * case, as the listing matches it. A value no option has (a genre or venue with nothing on sale now, or a mistyped
 * link) stays selectable as what was asked, marked as having nothing on sale, so the form never claims "All venues"
 * over a page that found nothing, nor offers the value as if it were one of the venue's own.
 */
function SelectField({
  id,
  name,
  label,
  allLabel,
  value,
  options,
}: {
  id: string;
  name: string;
  label: string;
  allLabel: string;
  value: string | undefined;
  options: { value: string; label: string }[];
}) {
  const chosen = value && options.find((o) => sameFacetValue(o.value, value));
  const shown = value && !chosen ? [...options, { value, label: `${value} (nothing on sale now)` }] : options;
  return (
    <div>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <select id={id} name={name} defaultValue={chosen ? chosen.value : (value ?? "")} className="field">
        <option value="">{allLabel}</option>
        {shown.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
