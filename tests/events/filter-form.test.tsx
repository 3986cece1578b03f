// @vitest-environment happy-dom
/**
 * The what's on form shows what the URL asked for, so a page that found nothing never says "All venues" above
 * "Nothing matches those choices".
 */
import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { FilterFormView } from "@/components/site/whats-on/filter-form-client";
import { parseFilters } from "@/lib/events/filters";

const venues = [
  { slug: "main-house", name: "Main House" },
  { slug: "studio", name: "The Studio" },
];

function renderForm(query: string) {
  render(
    <FilterFormView
      action="/whats-on"
      filters={parseFilters(new URLSearchParams(query)).filters}
      genres={["Drama", "Opera"]}
      venues={venues}
      access={[]}
    />,
  );
  return {
    venue: screen.getByLabelText<HTMLSelectElement>("Venue"),
    genre: screen.getByLabelText<HTMLSelectElement>("Genre"),
  };
}

describe("what's on filter form", () => {
  it("selects the venue and genre the URL names, whatever their case", () => {
    const { venue, genre } = renderForm("venue=Studio&genre=drama");
    expect(venue.value).toBe("studio");
    expect(venue.selectedOptions[0]?.textContent).toBe("The Studio");
    expect(genre.value).toBe("Drama");
    expect(genre.options).toHaveLength(3);
  });

  it("keeps a venue or genre no option has as what was asked, not as 'All'", () => {
    const { venue, genre } = renderForm("venue=zz&genre=Mime");
    expect(venue.value).toBe("zz");
    expect(venue.selectedOptions[0]?.textContent).toBe("zz (nothing on sale now)");
    expect(genre.value).toBe("Mime");
    expect([...venue.options].map((o) => o.textContent)).toEqual([
      "All venues",
      "Main House",
      "The Studio",
      "zz (nothing on sale now)",
    ]);
  });

  it("shows 'All' when the URL names none", () => {
    const { venue, genre } = renderForm("");
    expect(venue.selectedOptions[0]?.textContent).toBe("All venues");
    expect(genre.selectedOptions[0]?.textContent).toBe("All genres");
  });
});
