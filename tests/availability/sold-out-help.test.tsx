// @vitest-environment happy-dom
/**
 * The booking page's help for a sold-out performance offers other dates of the show. Live availability decides
 * which: a date that is sold out too must not be offered, or two sold-out pages send a visitor back and forth.
 */
import { act, render, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// Its links are SiteLinks, which ask for the app router only to prefetch on intent.
vi.mock("next/navigation", () => ({ useRouter: () => ({ prefetch: vi.fn() }) }));
const { LiveSoldOutHelp } = await import("@/components/site/availability-live-client");
const { routes } = await import("@/lib/routes");

const views = {
  soldOut: { state: "soldOut", label: "Sold out", bookable: false },
  onSale: { state: "onSale", label: "Available", bookable: true },
  unknown: { state: "unknown", label: "Check availability", bookable: true },
  offSale: { state: "offSale", label: "Not on sale online", bookable: false },
} as const;

/**
 * The tab keeps one QueryClient for its life, as the site does, so each test asks about performances of its own
 * (`T1`, `T2`…) rather than reading an earlier test's answer.
 */
function propsFor(show: string) {
  return {
    performanceId: `${show}-P1`,
    eventSlug: "tosca",
    otherDates: ["P2", "P3", "P4"].map((p, i) => ({
      id: `${show}-${p}`,
      startsAt: `2026-12-2${i}T02:00:00Z`,
      label: `Sun 2${i} Dec 2026, 7.00pm`,
    })),
    boxOffice: { phone: "+1 403 555 0142", email: "boxoffice@example.org" },
  };
}

const asked: string[][] = [];
function answer(show: string, states: Record<string, keyof typeof views>) {
  vi.stubGlobal(
    "fetch",
    vi.fn(async (input: RequestInfo | URL) => {
      const ids = new URL(String(input), "http://site").searchParams.get("performances")!.split(",");
      asked.push(ids);
      return Response.json({
        performances: Object.fromEntries(ids.map((id) => [id, views[states[id.slice(show.length + 1)] ?? "unknown"]])),
      });
    }),
  );
}
beforeEach(() => {
  asked.length = 0;
});
afterEach(() => vi.unstubAllGlobals());

describe("sold-out help", () => {
  it("offers only the other dates live availability does not rule out, from one request", async () => {
    answer("T1", { P1: "soldOut", P2: "soldOut", P3: "onSale", P4: "unknown" });
    render(<LiveSoldOutHelp {...propsFor("T1")} />);
    const help = await screen.findByTestId("sold-out-help");
    const links = await waitFor(() => {
      const found = [...help.querySelectorAll("a[href^='/book/']")].map((a) => a.getAttribute("href"));
      expect(found.length).toBeGreaterThan(0);
      return found;
    });
    expect(links).toEqual([routes.book("T1-P3"), routes.book("T1-P4")]);
    // The performance alone first (the badge's own request), then its other dates once it is sold out.
    expect(asked).toEqual([["T1-P1"], ["T1-P2", "T1-P3", "T1-P4"]]);
  });

  it("says the other dates cannot be booked online either when none can", async () => {
    answer("T2", { P1: "soldOut", P2: "soldOut", P3: "soldOut", P4: "offSale" });
    render(<LiveSoldOutHelp {...propsFor("T2")} />);
    const help = await screen.findByTestId("sold-out-help");
    expect(help.textContent).toContain("The other dates can’t be booked online either.");
    expect(help.querySelector("a[href^='/book/']")).toBeNull();
    expect(help.querySelector(`a[href='${routes.event("tosca")}']`)).not.toBeNull();
  });

  it("shows nothing while the performance itself has seats", async () => {
    answer("T3", { P1: "onSale" });
    render(<LiveSoldOutHelp {...propsFor("T3")} />);
    await waitFor(() => expect(asked).toHaveLength(1));
    // Let the answer render (React commits inside act), then nothing is shown and nothing more is asked.
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(screen.queryByTestId("sold-out-help")).toBeNull();
    expect(asked).toEqual([["T3-P1"]]);
  });
});
