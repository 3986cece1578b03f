import { ACCESS_FILTERS, ACCESS_LABELS, type ListingFilters } from "@/lib/events/filters";
import type { Facets } from "@/lib/events/types";
import { routes } from "@/lib/routes";
import { FilterFormView } from "./filter-form-client";

const ACCESS = ACCESS_FILTERS.map((flag) => ({ flag, label: ACCESS_LABELS[flag] }));

/**
 * The what's on filters as a plain GET form: it works without JavaScript, and submitting it produces the
 * same canonical, shareable URL as every link on the page. The markup is `FilterFormView`; this hands it
 * plain data.
 */
export function FilterForm({ filters, facets }: { filters: ListingFilters; facets: Facets }) {
  return (
    <FilterFormView
      action={routes.whatsOn}
      filters={filters}
      genres={facets.genres}
      // Without the addresses, which the form does not show: each prop is written into the page's RSC payload.
      venues={facets.venues.map(({ slug, name }) => ({ slug, name }))}
      access={ACCESS}
    />
  );
}
