/** The what's on header: a heading for what the URL shows, the page's name above a dated one, and a summary. */
import { describe, expect, it } from "vitest";
import { describeFilters, listingTitle } from "@/lib/events/describe";
import { DEFAULT_FILTERS, type ListingFilters } from "@/lib/events/filters";

// A Wednesday afternoon in London; the weekend is Fri 13 – Sun 15 March.
const NOW = new Date("2031-03-12T15:00:00Z");
const describeAt = (filters: Partial<ListingFilters>) =>
  describeFilters({ ...DEFAULT_FILTERS, ...filters }, "Europe/London", NOW, { genres: [], venues: [] });

describe("the what's on header", () => {
  it("names the page once when no date is chosen, with the standing summary", () => {
    expect(describeAt({})).toEqual({
      eyebrow: null,
      heading: "What’s on",
      detail: "Every show on sale, soonest first. Pick a date, or search for a show you already know.",
    });
  });

  it("puts the page's name above a dated heading", () => {
    const weekend = describeAt({ when: "weekend" });
    expect(weekend.eyebrow).toBe("What’s on");
    expect(weekend.heading).toBe("This weekend");
    expect(describeAt({ from: "2031-03-20" as ListingFilters["from"] })).toMatchObject({
      eyebrow: "What’s on",
      heading: expect.stringMatching(/^From /),
    });
  });

  it("summarises a search without a date under the plain heading", () => {
    expect(describeAt({ q: "tosca", genre: "Opera" })).toEqual({
      eyebrow: null,
      heading: "What’s on",
      detail: "Matching “tosca” · Opera",
    });
  });

  it("starts the summary as a sentence whatever narrowed it first", () => {
    expect(describeAt({ access: ["any"] }).detail).toBe("Access performances");
    expect(describeAt({ q: "ödipus" }).detail).toBe("Matching “ödipus”");
    expect(describeAt({ when: "weekend", q: "tosca" }).detail).toMatch(/^Fri .+ · matching “tosca”$/);
  });

  it("gives a chosen date its year only when the year is not the obvious one", () => {
    const at = (filters: Partial<ListingFilters>) => describeAt(filters).heading;
    // NOW is Wed 12 March 2031.
    expect(at({ from: "2031-03-20" as ListingFilters["from"] })).toBe("From Thu 20 Mar");
    expect(at({ from: "2030-05-01" as ListingFilters["from"] })).toBe("From Wed 1 May 2030");
    expect(at({ to: "2032-02-01" as ListingFilters["to"] })).toBe("Until Sun 1 Feb 2032");
    // A range gives both ends their year when either needs one.
    const range = (from: string, to: string) =>
      at({ from: from as ListingFilters["from"], to: to as ListingFilters["to"] });
    expect(range("2031-01-01", "2031-04-01")).toBe("Wed 1 Jan 2031 – Tue 1 Apr 2031");
    expect(range("2031-03-20", "2031-04-01")).toBe("Thu 20 Mar – Tue 1 Apr");
  });

  it("quotes searched words once, even when they were typed in quotes", () => {
    expect(describeAt({ q: "“quoted”" }).detail).toBe("Matching “quoted”");
    expect(describeAt({ q: '"tosca"' }).detail).toBe("Matching “tosca”");
    expect(describeAt({ q: "it’s" }).detail).toBe("Matching “it’s”");
  });

  it("names a chosen venue, and spells a genre as the listing does", () => {
    const facets = {
      genres: ["Music"],
      venues: [{ name: "The Majestic", address: null, online: false, slug: "the-majestic" }],
    };
    const at = (filters: Partial<ListingFilters>) =>
      describeFilters({ ...DEFAULT_FILTERS, ...filters }, "Europe/London", NOW, facets).detail;
    expect(at({ venue: "the-majestic" })).toBe("At The Majestic");
    expect(at({ genre: "music", venue: "THE-MAJESTIC" })).toBe("Music · at The Majestic");
    // A venue no listing has (an old link) is not named by its slug, but the summary does not claim everything.
    expect(at({ venue: "nope" })).toBe("At a venue with nothing on sale now");
  });
});

describe("the what's on tab title", () => {
  const facets = {
    genres: ["Comedy", "Opera"],
    venues: [{ name: "The Studio", address: null, online: false, slug: "the-studio" }],
  };
  const titleAt = (filters: Partial<ListingFilters>, now = NOW) =>
    listingTitle({ ...DEFAULT_FILTERS, ...filters }, { timeZone: "Europe/London", now, facets });

  it("is the page's name alone for the unfiltered list", () => {
    expect(titleAt({})).toBe("What’s on");
  });

  it("names every filter, most particular first, so two filtered tabs differ", () => {
    expect(titleAt({ genre: "Comedy", when: "weekend" })).toBe("Comedy · This weekend · What’s on");
    expect(titleAt({ q: "tosca" })).toBe("“tosca” · What’s on");
    expect(titleAt({ access: ["captioned", "relaxed"] })).toBe("Captioned or Relaxed · What’s on");
    expect(titleAt({ access: ["any"] })).toBe("Access performances · What’s on");
    expect(titleAt({ venue: "THE-STUDIO", page: 2 })).toBe("The Studio · Page 2 · What’s on");
  });

  it("spells a genre as the listing does, and names no genre or venue that no listing has", () => {
    expect(titleAt({ genre: "OPERA" })).toBe("Opera · What’s on");
    expect(titleAt({ genre: "made-up", venue: "gone" })).toBe("What’s on");
  });

  it("names the month the calendar shows: its own, a preset's or dates' first month, else this one", () => {
    expect(titleAt({ view: "calendar" })).toBe("March 2031 calendar · What’s on");
    expect(titleAt({ view: "calendar", month: "2031-05" as ListingFilters["month"] })).toBe(
      "May 2031 calendar · What’s on",
    );
    expect(titleAt({ view: "calendar", from: "2031-06-10" as ListingFilters["from"] })).toMatch(
      / · June 2031 calendar · What’s on$/,
    );
    // On the last evening of March, tomorrow is in April, and so is the calendar that shows it.
    expect(titleAt({ view: "calendar", when: "tomorrow" }, new Date("2031-03-31T20:00:00Z"))).toBe(
      "Tomorrow · April 2031 calendar · What’s on",
    );
  });

  it("quotes a search typed in quotes once, however long", () => {
    expect(titleAt({ q: '"tosca"' })).toBe("“tosca” · What’s on");
    expect(titleAt({ q: `"${"a".repeat(40)}"` })).toBe(`“${"a".repeat(29)}…” · What’s on`);
  });

  it("cuts a long search with an ellipsis, between whole characters as a reader sees them", () => {
    expect(titleAt({ q: "a very long phrase somebody pasted into the search box" })).toBe(
      "“a very long phrase somebody p…” · What’s on",
    );
    const family = "👨‍👩‍👧‍👦";
    expect(titleAt({ q: family.repeat(40) })).toBe(`“${family.repeat(29)}…” · What’s on`);
  });
});
