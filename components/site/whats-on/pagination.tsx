import { RESULTS_COUNT_ID } from "./ids";
import { ListingLink } from "./listing-link";
import { filtersHref, type ListingFilters } from "@/lib/events/filters";
import { routes } from "@/lib/routes";

function windowOf(page: number, total: number): Array<number | "gap"> {
  const pages = new Set([1, total, page - 1, page, page + 1].filter((p) => p >= 1 && p <= total));
  const sorted = [...pages].sort((a, b) => a - b);
  const out: Array<number | "gap"> = [];
  sorted.forEach((p, i) => {
    if (i && p - sorted[i - 1]! > 1) out.push("gap");
    out.push(p);
  });
  return out;
}

/** Previous, next and a window of page numbers; the current page is styled from its aria-current (`.page-link`). */
export function Pagination({
  filters,
  page,
  totalPages,
}: {
  filters: ListingFilters;
  page: number;
  totalPages: number;
}) {
  if (totalPages <= 1) return null;
  const href = (p: number) => filtersHref(routes.whatsOn, filters, { page: p });
  return (
    <nav aria-label="Pages of results" className="mt-10 flex justify-center">
      <ul className="flex flex-wrap items-center gap-1.5">
        <li>
          {page > 1 ? (
            <ListingLink href={href(page - 1)} rel="prev" className="page-link" focusOnArrival={RESULTS_COUNT_ID}>
              ← Previous
            </ListingLink>
          ) : null}
        </li>
        {windowOf(page, totalPages).map((p, i) =>
          p === "gap" ? (
            <li key={`gap-${i}`} aria-hidden className="px-1 text-ink-soft">
              …
            </li>
          ) : (
            <li key={p}>
              <ListingLink
                href={href(p)}
                aria-current={p === page ? "page" : undefined}
                aria-label={`Page ${p}`}
                className="page-link"
                focusOnArrival={RESULTS_COUNT_ID}
              >
                {p}
              </ListingLink>
            </li>
          ),
        )}
        <li>
          {page < totalPages ? (
            <ListingLink href={href(page + 1)} rel="next" className="page-link" focusOnArrival={RESULTS_COUNT_ID}>
              Next →
            </ListingLink>
          ) : null}
        </li>
      </ul>
    </nav>
  );
}
