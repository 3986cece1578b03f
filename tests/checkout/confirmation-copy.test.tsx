// @vitest-environment happy-dom
/**
 * The confirmation says what was bought: a donation, membership or shop order is "confirmed", not "booked", has no
 * doors time, and its lines carry the catalogue's names where the site knows them. Opened later from the account, it
 * is the order's page: no thanks, no checkout steps, and the member's basket left alone.
 */
import { render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { Confirmation } from "@/lib/checkout/confirmation";
import { VENUE_SPEKTRIX } from "../spektrix-flows/fixture-config";

vi.mock("next/navigation", () => ({ useRouter: () => ({ prefetch: vi.fn() }) }));
const announceBasketChange = vi.fn();
vi.mock("@/components/spektrix/basket-events", async (original) => ({
  ...(await original<object>()),
  announceBasketChange,
}));
const { isJustPlaced } = await import("@/lib/checkout/confirmation");
const { RECENT_ORDER_MS } = await import("@/lib/checkout/completion");
const { ConfirmationView } = await import("@/components/checkout/confirmation-view");
const { extraLines } = await import("@/lib/basket/lines");
const { siteInfo } = await import("@/lib/site");
const { SpektrixProvider } = await import("@/components/spektrix/spektrix-loader-client");

const spektrix = { ...VENUE_SPEKTRIX, componentsStylesheetUrl: null };
/** As the root layout renders pages: inside the provider, with the account page where the studio moved it. */
const renderInSite = (ui: React.ReactNode) =>
  render(
    <SpektrixProvider config={spektrix} boxOffice={siteInfo().boxOffice} accountPath="/my-account">
      {ui}
    </SpektrixProvider>,
  );

const order = {
  memberships: [{ id: "m1", membershipId: "201AB", autoRenew: false, price: 120, discount: 0, total: 120 }],
  donations: [{ id: "d1", fundId: "301AB", amount: 50 }],
  merchandise: [{ id: "s1", stockItemId: "999AB", price: 10, discount: 0, total: 10 }],
  giftVouchers: [],
};
const names = { funds: { "301AB": "Annual Fund" }, memberships: { "201AB": "Patron" }, merchandise: {} };

function confirmation(performances: Confirmation["performances"]): Confirmation {
  return {
    orderId: "900ORDER",
    reference: "900",
    placedUtc: "2031-03-01T12:00:00Z",
    total: 180,
    performances,
    extras: extraLines(order, names),
    payments: [{ label: "Card", amount: 180 }],
  };
}

describe("the order confirmation", () => {
  it("names what it can and falls back to the kind", () => {
    expect(extraLines(order, names).map((l) => l.label)).toEqual([
      "Membership: Patron",
      "Donation: Annual Fund",
      "Shop item",
    ]);
    expect(extraLines(order).map((l) => l.label)).toEqual(["Membership", "Donation", "Shop item"]);
  });

  it("does not call an order with no tickets a booking", () => {
    renderInSite(
      <ConfirmationView confirmation={confirmation([])} justPlaced name="Ada" email={null} site={siteInfo()} />,
    );
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Thank you, Ada. Your order is confirmed.");
    expect(screen.queryByText(/Doors open/)).toBeNull();
    expect(screen.queryByText(/Your tickets/)).toBeNull();
    expect(screen.getByText("Donation: Annual Fund")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Go to my account" })).toHaveAttribute("href", "/my-account");
    expect(screen.getByText("Ordered on")).toBeTruthy();
    expect(screen.queryByText("Booked on")).toBeNull();
    expect(screen.queryByRole("link", { name: "View my bookings" })).toBeNull();
  });

  it("says booked, with the doors time, when there are tickets", () => {
    const performance = {
      performanceId: "101AB",
      eventId: "1AB",
      eventName: "Tosca",
      startUtc: "2031-03-08T19:30:00Z",
      startLocal: "2031-03-08T19:30:00",
      durationMinutes: 150,
      tickets: [{ id: "t1", seatName: "A1", total: 40 }],
      total: 40,
    };
    renderInSite(
      <ConfirmationView
        confirmation={confirmation([performance])}
        justPlaced
        name={null}
        email={null}
        site={siteInfo()}
      />,
    );
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Thank you. You’re booked.");
    expect(screen.getByText(/Doors open 45 minutes/)).toBeTruthy();
    expect(screen.getByRole("link", { name: "View my bookings" })).toBeTruthy();
    expect(screen.getByText("Booked on")).toBeTruthy();
  });

  it("is the end of a checkout only just after the order was placed, by the order's own time", () => {
    const placed = "2031-03-01T12:00:00Z";
    const at = (ms: number) => new Date(Date.parse(placed) + ms);
    expect(isJustPlaced(placed, at(60_000))).toBe(true);
    expect(isJustPlaced(placed, at(RECENT_ORDER_MS - 1))).toBe(true);
    expect(isJustPlaced(placed, at(RECENT_ORDER_MS))).toBe(false);
    expect(isJustPlaced(placed, at(30 * 86_400_000))).toBe(false);
    // No time from Spektrix: as reached from paying.
    expect(isJustPlaced(null, at(30 * 86_400_000))).toBe(true);
  });

  it("opened later, is the order's page: no thanks or e-mail claim, no checkout steps, the basket left alone", () => {
    announceBasketChange.mockClear();
    const { unmount } = renderInSite(
      <ConfirmationView confirmation={confirmation([])} justPlaced name="Ada" email={null} site={siteInfo()} />,
    );
    expect(announceBasketChange).toHaveBeenCalledTimes(1);
    expect(screen.getByRole("navigation", { name: "Checkout progress" })).toBeTruthy();
    unmount();

    announceBasketChange.mockClear();
    renderInSite(
      <ConfirmationView
        confirmation={confirmation([])}
        justPlaced={false}
        name="Ada"
        email="ada@example.com"
        site={siteInfo()}
      />,
    );
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Your order 900");
    expect(screen.queryByText(/Thank you|e-mailed/)).toBeNull();
    expect(screen.queryByRole("navigation", { name: "Checkout progress" })).toBeNull();
    expect(screen.getByTestId("order-reference")).toHaveTextContent("900");
    expect(announceBasketChange).not.toHaveBeenCalled();
  });
});
