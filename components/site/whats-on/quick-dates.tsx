import { ListingLink } from "./listing-link";
import { DATE_PRESETS, PRESET_LABELS } from "@/lib/events/dates";
import { filtersHref, type ListingFilters } from "@/lib/events/filters";
import { routes } from "@/lib/routes";

/**
 * Date presets and the list/calendar switch, as links that carry the rest of the state. The current link is
 * styled from its aria-current (`.pill`, `.view-switch` in globals.css).
 */
export function QuickDates({ filters }: { filters: ListingFilters }) {
  const anyDate = !filters.when && !filters.from && !filters.to;
  return (
    <div className="flex flex-col gap-4 md:flex-row md:items-center md:justify-between">
      <nav aria-label="Quick dates" className="pills">
        <ul className="flex w-max gap-2 pb-1">
          <li>
            <ListingLink
              href={filtersHref(routes.whatsOn, filters, { when: undefined, from: undefined, to: undefined })}
              aria-current={anyDate ? "true" : undefined}
              className="pill"
              focusKey="date:any"
              revealOnFocus
            >
              All dates
            </ListingLink>
          </li>
          {DATE_PRESETS.map((p) => (
            <li key={p}>
              <ListingLink
                href={filtersHref(routes.whatsOn, filters, { when: p })}
                aria-current={filters.when === p ? "true" : undefined}
                className="pill"
                focusKey={`date:${p}`}
                revealOnFocus
              >
                {PRESET_LABELS[p]}
              </ListingLink>
            </li>
          ))}
        </ul>
      </nav>
      <nav aria-label="View" className="shrink-0">
        <ul className="view-switch">
          {(["list", "calendar"] as const).map((v) => (
            <li key={v}>
              <ListingLink
                href={filtersHref(routes.whatsOn, filters, { view: v })}
                aria-current={filters.view === v ? "page" : undefined}
                focusKey={`view:${v}`}
              >
                {v === "list" ? "List" : "Calendar"}
              </ListingLink>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
