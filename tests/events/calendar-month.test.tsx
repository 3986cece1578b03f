// @vitest-environment happy-dom
/**
 * The calendar carries at most a few performances per day in its HTML and links a busy day to its full list,
 * so a big programme's month stays a page a phone can lay out (ADR 0016).
 */
import { render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { CalendarPerformance } from "@/lib/events/types";
import type { LocalDate } from "@/lib/events/dates";

vi.mock("next/navigation", () => ({ useRouter: () => ({ prefetch: vi.fn() }) }));
const { CalendarMonth } = await import("@/components/site/whats-on/calendar-month");
const { DEFAULT_FILTERS } = await import("@/lib/events/filters");
type ListingFilters = import("@/lib/events/filters").ListingFilters;

const performance = (day: string, i: number): CalendarPerformance => ({
  id: `${day}-${i}`,
  startsAt: `${day}T${String(10 + i).padStart(2, "0")}:00:00.000Z`,
  day,
  eventSlug: `show-${i}`,
  eventTitle: `Show ${i}`,
  label: null,
  access: [],
  venue: null,
});

function renderMonth(
  performances: CalendarPerformance[],
  extra: Partial<ListingFilters> = {},
  lastDay = "2031-03-31",
  nextMatch: string | null = null,
) {
  return render(
    <CalendarMonth
      month="2031-03"
      today={"2031-03-01" as LocalDate}
      lastDay={lastDay as LocalDate}
      nextMatch={nextMatch}
      filters={{ ...DEFAULT_FILTERS, view: "calendar", ...extra }}
      performances={performances}
      timeZone="Europe/London"
    />,
  );
}

describe("CalendarMonth", () => {
  it("puts at most six performances of a busy day in the page, and links the day's full list", () => {
    const busy = Array.from({ length: 10 }, (_, i) => performance("2031-03-14", i));
    const { container } = renderMonth([...busy, performance("2031-03-15", 0)]);
    const day = container.querySelector('[data-more-on="2031-03-14"]')!.closest("li")!;
    expect(day.querySelectorAll(".cal-items > li")).toHaveLength(6);
    const more = screen.getByRole("link", { name: /more on/ });
    expect(more).toHaveAttribute("href", expect.stringMatching(/from=2031-03-14.*to=2031-03-14/));
    // Phones see what the page left out; desktops what their three-line cell hides.
    expect(more).toHaveTextContent("+4 more");
    expect(more).toHaveTextContent("+7 more");
    expect(container.querySelector('[data-more-on="2031-03-15"]')).toBeNull();
  });

  it("moves to the next month without the date filter, keeping the others", () => {
    renderMonth([performance("2031-03-20", 0)], { when: "month", genre: "Opera" }, "2031-05-31");
    const next = screen.getByRole("link", { name: /^Next month/ }).getAttribute("href")!;
    const query = new URL(next, "https://x.example").searchParams;
    expect(query.get("month")).toBe("2031-04");
    expect(query.get("genre")).toBe("Opera");
    expect(query.has("when")).toBe(false);
  });

  it("repeats the way on to the next month after the last day, where a phone's column of days ends", () => {
    renderMonth([performance("2031-03-20", 0)], { genre: "Opera" }, "2031-05-31");
    const top = screen.getByRole("link", { name: /^Next month/ }).getAttribute("href");
    expect(screen.getByRole("link", { name: "On to April 2031" })).toHaveAttribute("href", `${top}#cal-heading`);
  });

  it("offers no way on past the programme's last month, nor under an empty month's note", () => {
    renderMonth([performance("2031-03-20", 0)], {}, "2031-03-31");
    expect(screen.queryByRole("link", { name: /^On to / })).toBeNull();
    renderMonth([], {}, "2031-05-31", "2031-05");
    expect(screen.queryByRole("link", { name: /^On to / })).toBeNull();
  });

  it("an empty month links straight to the next month with a match, keeping the filters but not the dates", () => {
    renderMonth([], { genre: "Opera", from: "2031-03-02" as LocalDate }, "2031-09-30", "2031-07");
    const link = screen.getByRole("link", { name: "July 2031" });
    const query = new URL(link.getAttribute("href")!, "https://x.example").searchParams;
    expect(query.get("month")).toBe("2031-07");
    expect(query.get("genre")).toBe("Opera");
    expect(query.has("from")).toBe(false);
    expect(screen.getByText(/Nothing matches in March 2031\./)).toHaveTextContent("The next is in July 2031");
  });

  it("a month the dates emptied links to the whole month when it has matches on other days", () => {
    renderMonth([], { genre: "Opera", when: "weekend" }, "2031-09-30", "2031-03");
    const link = screen.getByRole("link", { name: "See all of March 2031" });
    const query = new URL(link.getAttribute("href")!, "https://x.example").searchParams;
    expect(query.get("month")).toBe("2031-03");
    expect(query.get("genre")).toBe("Opera");
    expect(query.has("when")).toBe(false);
    expect(screen.getByText(/Nothing matches on those dates/)).toBeTruthy();
  });

  it("an empty month with nothing later says so, rather than offering the next month", () => {
    renderMonth([], { genre: "Opera" }, "2031-09-30", null);
    expect(screen.getByText(/Nothing matches in March 2031\./)).toHaveTextContent(
      "Nothing later matches either: try clearing some filters.",
    );
  });

  it("an empty month with nothing later and no filters says so, without asking to clear any", () => {
    renderMonth([], {}, "2031-02-28", null);
    expect(screen.getByText(/^Nothing is on sale in March 2031 or later yet\./)).toBeTruthy();
    expect(screen.queryByText(/clear/)).toBeNull();
  });

  it("an empty month with a later match and no filters does not ask to clear any", () => {
    renderMonth([], {}, "2031-09-30", "2031-07");
    expect(screen.getByText(/Nothing is on in March 2031\./)).toHaveTextContent(/The next is in July 2031\.$/);
  });

  it("names a performance's access arrangements as visitors read them, and shows their codes", () => {
    const { container } = renderMonth([{ ...performance("2031-03-20", 0), access: ["touchTour", "audioDescribed"] }]);
    expect(screen.getByRole("link", { name: /Show 0 \(Touch tour, Audio described\)$/ })).toBeTruthy();
    expect(container.querySelector(".cal-items a .cal-access")).toHaveTextContent(/^TT AD$/);
  });

  it("lists a quiet day whole, with no link", () => {
    const { container } = renderMonth(Array.from({ length: 3 }, (_, i) => performance("2031-03-20", i)));
    expect(container.querySelectorAll(".cal-items > li")).toHaveLength(3);
    expect(container.querySelector("[data-more-on]")).toBeNull();
  });
});
