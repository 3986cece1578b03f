// @vitest-environment happy-dom
/**
 * The booking page invites a visitor to choose tickets only for a performance the web sells now. One that has
 * started says so instead of Spektrix's ticket frame, with the show's other dates and the box office; one that the
 * synced facts say is off sale or not yet on sale says so in place of the invitation, above the frame.
 */
import { render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { BookingTarget } from "@/lib/events/queries";
import { VENUE_SPEKTRIX } from "../spektrix-flows/fixture-config";

vi.mock("server-only", () => ({}));
vi.mock("next/navigation", () => ({ useRouter: () => ({ prefetch: vi.fn() }) }));
// The frame is an async server component (its Spektrix address comes from the studio's connection): stood in for.
vi.mock("@/components/spektrix/spektrix-flow", () => ({
  SpektrixFlow: ({ title }: { title: string }) => <div title={title} />,
}));
const { BookingStep } = await import("@/components/site/booking-step");
const { siteInfo } = await import("@/lib/site");
const { SpektrixProvider } = await import("@/components/spektrix/spektrix-loader-client");

const NOW = new Date("2026-12-07T18:00:00Z");
const hours = (n: number) => new Date(NOW.getTime() + n * 3_600_000).toISOString();

function target(performance: Partial<BookingTarget["performance"]>): BookingTarget {
  return {
    planId: null,
    event: { sourceId: "E1", slug: "tosca", title: "Tosca", image: null, durationMinutes: 165 },
    otherDates: [{ id: "P2", startsAt: hours(48) }],
    performance: {
      id: "P1",
      startsAt: hours(24),
      cancelled: false,
      rescheduled: null,
      access: [],
      venue: null,
      label: null,
      isOnSale: true,
      sellFrom: hours(-24 * 30),
      sellUntil: hours(23),
      fromPrice: 25,
      ...performance,
    },
  };
}

/** As the root layout renders pages: inside the Spektrix provider. */
const renderStep = (performance: Partial<BookingTarget["performance"]>) =>
  render(
    <SpektrixProvider config={{ ...VENUE_SPEKTRIX, componentsStylesheetUrl: null }} boxOffice={siteInfo().boxOffice}>
      <BookingStep target={target(performance)} site={siteInfo()} />
    </SpektrixProvider>,
  );

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(NOW);
});
afterEach(() => vi.useRealTimers());

describe("the booking step", () => {
  it("offers the ticket frame for a performance on sale on the web", () => {
    renderStep({});
    expect(screen.getByText(/Choose your tickets below/)).toBeTruthy();
    expect(screen.getByTitle("Choose tickets for Tosca")).toBeTruthy();
    expect(screen.queryByTestId("not-on-sale-help")).toBeNull();
  });

  it("says a performance that has started is closed, offers other dates and the box office, and no frame", () => {
    renderStep({ startsAt: hours(-1), sellUntil: hours(-2) });
    const help = screen.getByTestId("not-on-sale-help");
    expect(help.textContent).toMatch(/has started, so tickets are no longer sold online/);
    expect(help.querySelector('a[href="/book/P2"]')).toBeTruthy();
    expect(help.textContent).toContain(siteInfo().boxOffice.phone);
    expect(screen.queryByText(/Choose your tickets below/)).toBeNull();
    expect(screen.queryByTitle(/Choose tickets for/)).toBeNull();
  });

  // The synced facts may be minutes old: a sale the box office opened since must still be there to buy.
  it.each([
    ["is past its web sales", { sellUntil: hours(-1) }, /not on sale online/],
    ["is not on sale", { isOnSale: false }, /not on sale online/],
    ["goes on sale later", { sellFrom: hours(24 * 3) }, /go on sale online on Thu 10 Dec/],
  ])(
    "says why in place of the invitation, with other dates, and keeps Spektrix's frame, when it %s",
    (_, sale, words) => {
      renderStep(sale);
      const help = screen.getByTestId("not-on-sale-help");
      expect(help.textContent).toMatch(words);
      expect(help.querySelector('a[href="/book/P2"]')).toBeTruthy();
      // globals.css hides the invitation that follows the help.
      expect(help.nextElementSibling?.className).toContain("booking-intro");
      expect(screen.getByTitle("Choose tickets for Tosca")).toBeTruthy();
    },
  );
});
