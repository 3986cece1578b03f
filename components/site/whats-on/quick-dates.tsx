import Link from "next/link";
import { DATE_PRESETS, PRESET_LABELS } from "@/lib/events/dates";
import { filtersHref, type ListingFilters } from "@/lib/events/filters";
import { routes } from "@/lib/site";

/** Date presets and the list/calendar switch, as links that carry the rest of the state. */
export function QuickDates({ filters }: { filters: ListingFilters }) {
  const anyDate = !filters.when && !filters.from && !filters.to;
  const chip = (active: boolean) =>
    `inline-flex items-center whitespace-nowrap rounded-pill border px-3.5 py-2 text-sm font-semibold transition ${active ? "border-ink bg-ink text-paper" : "border-line bg-white text-ink hover:border-brand hover:text-brand"}`;
  return (
    <div className="flex flex-col gap-4 md:flex-row md:items-center md:justify-between">
      <nav aria-label="Quick dates" className="-mx-[var(--spacing-gutter)] overflow-x-auto px-[var(--spacing-gutter)] md:mx-0 md:px-0">
        <ul className="flex gap-2 pb-1">
          <li>
            <Link href={filtersHref(routes.whatsOn, filters, { when: undefined, from: undefined, to: undefined })} aria-current={anyDate ? "true" : undefined} className={chip(anyDate)}>
              All dates
            </Link>
          </li>
          {DATE_PRESETS.map((p) => (
            <li key={p}>
              <Link href={filtersHref(routes.whatsOn, filters, { when: p })} aria-current={filters.when === p ? "true" : undefined} className={chip(filters.when === p)}>
                {PRESET_LABELS[p]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <nav aria-label="View" className="shrink-0">
        <ul className="inline-flex rounded-pill border border-line bg-white p-1">
          {(["list", "calendar"] as const).map((v) => (
            <li key={v}>
              <Link
                href={filtersHref(routes.whatsOn, filters, { view: v })}
                aria-current={filters.view === v ? "page" : undefined}
                className={`inline-flex rounded-pill px-4 py-1.5 text-sm font-semibold ${filters.view === v ? "bg-brand text-white" : "text-ink-soft hover:text-ink"}`}
              >
                {v === "list" ? "List" : "Calendar"}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
