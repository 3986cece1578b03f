import { describe, expect, it } from "vitest";
import { whatsOnRedirect } from "@/lib/events/canonical";
import { calendarBounds, type LocalDate } from "@/lib/events/dates";
import { filtersHref, listingLinkRel, parseFilters, serializeFilters } from "@/lib/events/filters";
import { slugify, SLUG_MAX } from "@/lib/text/slug";

const parse = (qs: string) => parseFilters(new URLSearchParams(qs));
/** A fixed clock: the redirects below must not depend on the day the tests run. */
const NOW = new Date("2026-11-26T18:00:00Z");
const TZ = "America/Edmonton";

describe("what's on URL state", () => {
  it("round-trips every kind of state through one canonical query string", () => {
    const qs =
      "view=calendar&from=2026-12-01&to=2026-12-24&month=2026-12&q=tosca&genre=Opera&venue=studio-theatre&access=bsl&access=captioned";
    const { filters, problems } = parse(qs);
    expect(problems).toEqual([]);
    expect(serializeFilters(filters)).toBe(qs);
  });

  it("reads access from repeated checkboxes or a comma list, without duplicates", () => {
    expect(parse("access=bsl,captioned&access=bsl").filters.access).toEqual(["bsl", "captioned"]);
  });

  it("treats empty form fields as absent, so a submitted empty form is canonical", () => {
    const r = parse("q=&from=&to=&genre=&venue=");
    expect(r.problems).toEqual([]);
    expect(serializeFilters(r.filters)).toBe("");
  });

  it.each([
    ["from=2026-02-30", "bad from date"],
    ["to=yesterday", "bad to date"],
    ["when=fortnight", "bad date preset"],
    ["access=wheelchair", "unknown access filter wheelchair"],
    ["page=0", "bad page"],
    ["page=99999999999", "bad page"],
    ["page=501", "page too large"],
    ["view=grid", "bad view"],
    ["genre=%3Cscript%3E", "bad genre"],
    ["venue=x'%20OR%201=1--", "bad venue"],
    ["q=a&q=b", "q given more than once"],
  ])("flags %s as not canonical", (qs, problem) => {
    expect(parse(qs).problems).toContain(problem);
  });

  it("takes a genre as the venue writes it, and a venue by its slug up to the slug rule's length", () => {
    for (const genre of [
      "Family (5+)",
      "Music: Jazz",
      "Theatre – New Writing",
      "🎉 Party",
      "Talks & Q&A!",
      "Family \u{1F468}\u200D\u{1F469}\u200D\u{1F467} shows",
      "g".repeat(100),
    ])
      expect(parse(`genre=${encodeURIComponent(genre)}`)).toEqual({
        filters: { ...parse("").filters, genre },
        problems: [],
      });
    for (const bad of ["g".repeat(101), "🎭💥", "\u200B", "Jazz\u0000", "<i>Jazz</i>"])
      expect(parse(`genre=${encodeURIComponent(bad)}`).problems).toEqual(["bad genre"]);
    const longest = slugify(`The Very Long Named Upstairs Studio Theatre ${"and Annexe ".repeat(6)}`);
    expect(longest).toHaveLength(SLUG_MAX);
    expect(parse(`venue=${longest}`).filters.venue).toBe(longest);
    expect(parse(`venue=${longest}x`).problems).toEqual(["bad venue"]);
    expect(parse("venue=Studio-Theatre").filters.venue).toBe("Studio-Theatre");
    for (const bad of ["studio theatre", "-studio", "studio--theatre", "studio:theatre"])
      expect(parse(`venue=${encodeURIComponent(bad)}`).problems).toEqual(["bad venue"]);
  });

  it("ignores parameters that are not the listing's, such as campaign tracking", () => {
    const r = parse("utm_source=newsletter&fbclid=abc&when=today");
    expect(r.problems).toEqual([]);
    expect(r.filters).toEqual(parse("when=today").filters);
    expect(whatsOnRedirect(new URL("/whats-on?utm_source=newsletter&when=today", "http://x"), NOW, TZ)).toBeNull();
  });

  it("strips markup from searches and cuts very long ones", () => {
    const r = parse(`q=${encodeURIComponent("<b>Tosca</b>")}`);
    expect(r.filters.q).toBe("b Tosca /b");
    expect(r.problems.length).toBeGreaterThan(0);
    expect(parse(`q=${"x".repeat(500)}`).filters.q).toHaveLength(80);
  });

  it("cuts a long search once: the cut search is canonical, even with an emoji at the limit", () => {
    const long = `${"x".repeat(79)}🎭🎭`;
    const cut = parse(`q=${encodeURIComponent(long)}`);
    expect(cut.filters.q).toBe(`${"x".repeat(79)}🎭`);
    expect(cut.problems).toContain("search too long");
    // Asked again for the address the redirect gave, nothing is left to fix: no redirect loop.
    expect(parse(`q=${encodeURIComponent(cut.filters.q!)}`).problems).toEqual([]);
  });

  it("drops a search of only quotes or dashes, which would match every show", () => {
    for (const q of ["'", "\u2019", '""', "-", " \u2013 "]) {
      const result = parse(`q=${encodeURIComponent(q)}`);
      expect(result.filters.q, q).toBeUndefined();
      expect(result.problems, q).toContain("search has nothing to find");
    }
    expect(parse("q=o%27neill").filters.q).toBe("o'neill");
  });

  it("keeps SQL meta-characters as plain search text (queries are parameterised)", () => {
    const r = parse(`q=${encodeURIComponent("'; drop table events; --%_")}`);
    expect(r.problems).toEqual([]);
    expect(r.filters.q).toBe("'; drop table events; --%_");
  });

  it("lets typed dates replace a preset, and swaps a reversed range", () => {
    const r = parse("when=weekend&from=2026-12-10&to=2026-12-01");
    expect(r.filters.when).toBeUndefined();
    expect([r.filters.from, r.filters.to]).toEqual(["2026-12-01", "2026-12-10"]);
  });

  it("redirects every malformed URL to a canonical one that needs no further redirect", () => {
    const bad = [
      "/whats-on?when=bogus&page=99999999",
      "/whats-on?from=2026-13-45&access=nope&q=%3Cscript%3Ealert(1)%3C/script%3E",
      "/whats-on?view=list&month=2026-12&page=-1",
      "/whats-on?view=calendar&page=3",
    ];
    for (const path of bad) {
      const redirect = whatsOnRedirect(new URL(path, "http://x"), NOW, TZ);
      expect(redirect?.to, path).toMatch(/^\/whats-on/);
      expect(redirect?.permanent, path).toBe(true);
      expect(whatsOnRedirect(new URL(redirect!.to, "http://x"), NOW, TZ), redirect!.to).toBeNull();
    }
    expect(whatsOnRedirect(new URL("/whats-on?when=today&access=bsl", "http://x"), NOW, TZ)).toBeNull();
  });

  it("builds links that reset paging and drop dates when a preset is chosen", () => {
    const { filters } = parse("from=2026-12-01&page=3&q=jazz");
    expect(filtersHref("/whats-on", filters, { when: "weekend" })).toBe("/whats-on?when=weekend&q=jazz");
    expect(filtersHref("/whats-on", filters, { page: 4 })).toBe("/whats-on?from=2026-12-01&q=jazz&page=4");
  });

  it("lets a date choice made in the calendar replace the month it was made in", () => {
    // A quick-date chip in January's calendar: the grid follows the dates, not January.
    const { filters } = parse("view=calendar&month=2027-01");
    expect(filtersHref("/whats-on", filters, { when: "weekend" })).toBe("/whats-on?view=calendar&when=weekend");
    expect(filtersHref("/whats-on", filters, { from: "2027-02-03" as LocalDate })).toBe(
      "/whats-on?view=calendar&from=2027-02-03",
    );
    // The date form carries the month it was shown in; the address it sends is put right.
    expect(parse("view=calendar&month=2027-01&when=weekend").filters.month).toBeUndefined();
    expect(
      whatsOnRedirect(new URL("/whats-on?view=calendar&when=weekend&month=2027-01", "http://x"), NOW, TZ)?.to,
    ).toBe("/whats-on?view=calendar&when=weekend");
    expect(parse("view=calendar&from=2027-02-03&month=2027-01").filters.month).toBeUndefined();
    // A month the dates reach stays (the round trip above); moving between months keeps no dates; a month alone stays.
    expect(parse("view=calendar&month=2027-01").filters.month).toBe("2027-01");
  });

  it("keeps the calendar to the months that can hold a performance: this month to the end of the longest sync window", () => {
    expect(calendarBounds(NOW, TZ)).toEqual({ first: "2026-11", last: "2029-11" });
    const at = (month: string) =>
      whatsOnRedirect(new URL(`/whats-on?view=calendar&month=${month}`, "http://x"), NOW, TZ);
    expect(at("2026-11")).toBeNull();
    expect(at("2029-11")).toBeNull();
    // Before this month, or past the window (the crawl trap of 2040-01): to the calendar's current month, for
    // now only: a month past the window comes into the calendar as time passes.
    for (const month of ["2026-10", "2029-12", "2040-01", "2000-01"])
      expect(at(month), month).toEqual({ to: "/whats-on?view=calendar", permanent: false });
    // A malformed month is wrong whenever it is asked for.
    expect(at("2026-13")).toEqual({ to: "/whats-on?view=calendar", permanent: true });
    // The month after the window's end in the venue's zone is still out, a minute before midnight UTC too.
    expect(calendarBounds(new Date("2026-11-30T23:59:00Z"), TZ).first).toBe("2026-11");
  });

  it("lets crawlers follow links to the listing itself and its pages, and no link that re-slices it", () => {
    expect(listingLinkRel("/whats-on")).toBeUndefined();
    expect(listingLinkRel("/whats-on?page=3")).toBeUndefined();
    expect(listingLinkRel("/whats-on?utm_source=newsletter")).toBeUndefined();
    for (const href of [
      "/whats-on?view=calendar",
      "/whats-on?view=calendar&month=2026-12",
      "/whats-on?when=today",
      "/whats-on?genre=Opera",
      "/whats-on?access=any",
      "/whats-on?q=tosca",
      "/whats-on?from=2026-12-01",
    ]) {
      expect(listingLinkRel(href), href).toBe("nofollow");
    }
  });
});
