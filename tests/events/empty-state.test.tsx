// @vitest-environment happy-dom
/**
 * What's on with no results says what is true of the search: blame no choices nobody made, say "Nothing on today"
 * for a date alone, and name the next match so a visitor is not left guessing how far off it is.
 */
import { render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { parseFilters } from "@/lib/events/filters";
import type { NextMatch } from "@/lib/events/types";

// Its links are SiteLinks, which ask for the app router only to prefetch on intent.
vi.mock("next/navigation", () => ({ useRouter: () => ({ prefetch: vi.fn() }) }));
const { EmptyState } = await import("@/components/site/whats-on/empty-state");
const { siteInfo } = await import("@/lib/site");
const { formatDay } = await import("@/lib/events/format");

const site = siteInfo();
const f = (qs: string) => parseFilters(new URLSearchParams(qs)).filters;
const tosca: NextMatch = { slug: "tosca", title: "Tosca", startsAt: "2026-12-08T12:00:00Z" };

describe("what's on empty state", () => {
  it("with nothing narrowed, says nothing is on sale and links nowhere back to itself", () => {
    const { container } = render(<EmptyState filters={f("")} site={site} />);
    expect(screen.getByText("Nothing on sale just now")).toBeTruthy();
    expect(container.textContent).toContain(site.boxOffice.phone);
    expect(container.textContent).not.toMatch(/choices|widening/);
    expect(container.querySelector("a")).toBeNull();
  });

  it("for a date alone, says nothing is on then and names the next show", () => {
    render(<EmptyState filters={f("when=today")} next={tosca} site={site} />);
    expect(screen.getByText("Nothing on today")).toBeTruthy();
    const next = screen.getByTestId("next-match");
    expect(next.querySelector("a")?.getAttribute("href")).toBe("/events/tosca");
    expect(next.textContent).toBe(`The next is Tosca on ${formatDay(new Date(tosca.startsAt), site.timeZone)}.`);
    expect(screen.getByRole("link", { name: "Any date" })).toBeTruthy();
  });

  it.each([
    ["when=weekend", "Nothing on this weekend"],
    ["when=7days", "Nothing on in the next 7 days"],
    ["from=2026-12-01&to=2026-12-02", "Nothing on those dates"],
    ["when=today&genre=Opera", "Nothing matches those choices"],
    ["q=zzzz", "Nothing matches those choices"],
  ])("%s → %s", (query, title) => {
    render(<EmptyState filters={f(query)} site={site} />);
    expect(screen.getByText(title)).toBeTruthy();
  });
});
