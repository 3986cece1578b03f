// @vitest-environment happy-dom
// @vitest-environment-options {"settings": {"handleDisabledFileLoadingAsSuccess": true}}
/**
 * The basket page is drawn "empty" by the server when the request's cookies show no sign of a basket
 * (lib/basket/hint.ts). Once the page runs in the browser, that "empty" holds while the read is pending only if
 * the browser's cookies still agree: a page reused from the router's cache after a basket was started waits
 * as a placeholder instead of claiming "empty".
 */
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Basket, BasketTicket } from "@/lib/spektrix";
import { basketOf, basketTicket } from "./fixtures";
import type { BasketLabels } from "@/lib/spektrix-flows/basket-labels";
import type { BasketPaths } from "@/components/checkout/basket-client";

const getBasket = vi.fn<() => Promise<Basket | null>>();
const removeFromWebBasket = vi.fn(async (..._args: unknown[]): Promise<void> => {});
vi.mock("@/lib/spektrix/load", () => ({ loadSpektrixClient: async () => ({ getBasket }), removeFromWebBasket }));
vi.mock("next/navigation", () => ({ useRouter: () => ({ prefetch: vi.fn(), push: vi.fn(), refresh: vi.fn() }) }));

const { BasketView } = await import("@/components/checkout/basket-client");
const { BASKET_HINT_COOKIE, UNLINKED_CUSTOMER_COOKIE, basketWorthAsking } = await import("@/lib/basket/hint");
const { SIGNED_IN_HINT_COOKIE } = await import("@/lib/auth/cookies");
const { forgetLiveReads, renderInPage } = await import("../spektrix-flows/spektrix-page");

const paths = {
  checkout: "/checkout",
  guestCheckout: "/checkout/guest",
  login: "/login",
  whatsOn: "/whats-on",
  support: "/support",
  membership: "/membership",
  shop: "/shop",
  giftVouchers: "/gift-vouchers",
  eventTemplate: "/events/{slug}",
} satisfies BasketPaths;

const clearCookies = () => {
  for (const name of [BASKET_HINT_COOKIE, SIGNED_IN_HINT_COOKIE]) document.cookie = `${name}=; max-age=0; path=/`;
};
beforeEach(() => {
  clearCookies();
  getBasket.mockReset();
  forgetLiveReads();
});
afterEach(clearCookies);

const renderBasketPage = () => renderInPage(<BasketView paths={paths} likelyEmpty />);

describe("the basket page's first state", () => {
  it("keeps the server's 'empty' while the read is pending when the cookies still show no basket", async () => {
    getBasket.mockReturnValue(new Promise(() => {}));
    renderBasketPage();
    await waitFor(() => expect(getBasket).toHaveBeenCalled());
    expect(screen.getByText("Your basket is empty")).toBeTruthy();
    expect(screen.queryByText("Loading your basket…")).toBeNull();
  });

  for (const cookie of [BASKET_HINT_COOKIE, SIGNED_IN_HINT_COOKIE]) {
    it(`waits as a placeholder when the browser now has the ${cookie} cookie the server did not see`, async () => {
      document.cookie = `${cookie}=1; path=/`;
      getBasket.mockReturnValue(new Promise(() => {}));
      renderBasketPage();
      await waitFor(() => expect(getBasket).toHaveBeenCalled());
      expect(screen.getByText("Loading your basket…")).toBeTruthy();
      expect(screen.queryByText("Your basket is empty")).toBeNull();
    });
  }
});

describe("basketWorthAsking", () => {
  it("asks when this browser had a basket or a member is signed in, and only then", () => {
    expect(basketWorthAsking("")).toBe(false);
    expect(basketWorthAsking("theme=dark; other=1")).toBe(false);
    expect(basketWorthAsking(`${BASKET_HINT_COOKIE}=1`)).toBe(true);
    expect(basketWorthAsking(`a=b; ${SIGNED_IN_HINT_COOKIE}=1`)).toBe(true);
    expect(basketWorthAsking(`${BASKET_HINT_COOKIE}=0`)).toBe(false);
    // A sign-in made inside one of Spektrix's frames, not yet linked to a site session.
    expect(basketWorthAsking(`${UNLINKED_CUSTOMER_COOKIE}=1`)).toBe(true);
  });
});

/** The names the basket page asks /basket/labels for: the given ones, every other list empty. */
const serveLabels = (labels: Partial<BasketLabels>) => {
  const all: BasketLabels = {
    performances: {},
    ticketTypes: {},
    funds: {},
    memberships: {},
    merchandise: {},
    ...labels,
  };
  vi.stubGlobal(
    "fetch",
    vi.fn(async () => Response.json(all)),
  );
};

const ticket = (id: string, change: Partial<BasketTicket> = {}) =>
  basketTicket(id, { ticketTypeId: "TT1", priceBandId: "B1", planId: "PL1", ...change });

describe("the basket's ticket lines", () => {
  it("shows three alike standing tickets as one line of three, and its button removes one of them", async () => {
    document.cookie = `${BASKET_HINT_COOKIE}=1; path=/`;
    getBasket.mockResolvedValue(
      basketOf({ tickets: [ticket("a"), ticket("b"), ticket("c"), ticket("s1", { seatId: "S1", seatName: "A1" })] }),
    );
    removeFromWebBasket.mockClear();
    serveLabels({
      performances: { P1: { title: "Tosca", slug: null, startLocal: null, venue: null } },
      ticketTypes: { TT1: "Adult" },
    });
    try {
      renderBasketPage();
      expect(await screen.findByText("3 × Adult · General admission")).toBeTruthy();
      expect(screen.getByText("$20.00 each")).toBeTruthy();
      expect(screen.getByText("Adult · Seat A1")).toBeTruthy();
      expect(screen.getAllByRole("listitem")).toHaveLength(2);
      // Each button says which tickets it takes: the seat's, one or all of the line's, or the whole show's.
      expect(screen.getByRole("button", { name: "Remove adult ticket in seat A1 for Tosca" })).toBeTruthy();
      expect(screen.getByRole("button", { name: "Remove all 4 tickets for Tosca" })).toBeTruthy();
      expect(
        screen.getByRole("button", { name: "Remove all 3 adult tickets (General admission) for Tosca" }).textContent,
      ).toBe("Remove all");
      const removeOne = screen.getByRole("button", { name: "Remove one adult ticket (General admission) for Tosca" });
      expect(removeOne.textContent).toBe("Remove one");
      let finish = () => {};
      removeFromWebBasket.mockImplementationOnce(() => new Promise<void>((resolve) => (finish = resolve)));
      removeOne.focus();
      fireEvent.click(removeOne);
      await waitFor(() => expect(removeFromWebBasket).toHaveBeenCalledTimes(1));
      expect(removeFromWebBasket.mock.calls[0]?.slice(1)).toEqual(["tickets", ["c"]]);
      // While it runs the button says so without being disabled (which would drop keyboard focus), and a second
      // press sends nothing.
      await waitFor(() => expect(removeOne.getAttribute("aria-disabled")).toBe("true"));
      expect(removeOne.hasAttribute("disabled")).toBe(false);
      fireEvent.click(removeOne);
      finish();
      expect(await screen.findByText("Removed one adult ticket (General admission) for Tosca.")).toBeTruthy();
      expect(removeFromWebBasket).toHaveBeenCalledTimes(1);
      expect(document.activeElement).toBe(removeOne);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it("tells apart the buttons of lines and shows whose words would be the same", async () => {
    document.cookie = `${BASKET_HINT_COOKIE}=1; path=/`;
    const stalls = { planName: "Stalls" };
    getBasket.mockResolvedValue(
      basketOf({
        tickets: [
          // Two lines of one show alike but for the price band, and two dates of one show.
          ticket("a", { ...stalls, priceBandId: "B1", price: 30, total: 30 }),
          ticket("b", { ...stalls, priceBandId: "B2" }),
          ticket("c", { performanceId: "P2" }),
        ],
        donations: [
          { id: "d1", fundId: "F1", amount: 10 },
          { id: "d2", fundId: "F1", amount: 10 },
        ],
        // Two stock items the labels do not name (a list Spektrix could not give just now).
        merchandise: [
          { id: "m1", stockItemId: "S1", price: 5, discount: 0, total: 5 },
          { id: "m2", stockItemId: "S2", price: 8, discount: 0, total: 8 },
        ],
      }),
    );
    serveLabels({
      performances: {
        P1: { title: "Tosca", slug: null, startLocal: "2027-01-09T19:30:00", venue: null },
        P2: { title: "Tosca", slug: null, startLocal: "2027-01-10T14:30:00", venue: null },
      },
      ticketTypes: { TT1: "Adult" },
      funds: { F1: "Annual Fund" },
    });
    try {
      renderBasketPage();
      await screen.findByRole("button", { name: /Sun 10 Jan/ });
      const names = screen.getAllByRole("button", { name: /^Remove/ }).map((b) => b.getAttribute("aria-label"));
      expect(names).toEqual([
        "Remove all 2 tickets for Tosca, Sat 9 Jan 2027, 7.30pm",
        "Remove adult ticket (Stalls) at $30.00 for Tosca, Sat 9 Jan 2027, 7.30pm",
        "Remove adult ticket (Stalls) at $20.00 for Tosca, Sat 9 Jan 2027, 7.30pm",
        "Remove adult ticket (General admission) for Tosca, Sun 10 Jan 2027, 2.30pm",
        "Remove your $10.00 donation to Annual Fund (1 of 2)",
        "Remove your $10.00 donation to Annual Fund (2 of 2)",
        "Remove Shop item at $5.00",
        "Remove Shop item at $8.00",
      ]);
      expect(screen.getAllByText("1 × Shop item")).toHaveLength(2);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it("sends keyboard focus to the message when the line whose button was pressed is gone", async () => {
    document.cookie = `${BASKET_HINT_COOKIE}=1; path=/`;
    const seat = (id: string, name: string) => ticket(id, { seatId: id, seatName: name });
    getBasket.mockResolvedValue(basketOf({ tickets: [seat("s1", "A1"), seat("s2", "A2")] }));
    removeFromWebBasket.mockClear();
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => new Response(null, { status: 503 })),
    );
    try {
      renderBasketPage();
      const remove = await screen.findByRole("button", { name: "Remove ticket in seat A1 for Tickets" });
      getBasket.mockResolvedValue(basketOf({ tickets: [seat("s2", "A2")] }));
      remove.focus();
      fireEvent.click(remove);
      const message = await screen.findByText("Removed ticket in seat A1 for Tickets.");
      await waitFor(() => expect(remove.isConnected).toBe(false));
      await waitFor(() => expect(document.activeElement).toBe(message.closest('[role="status"]')));
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it("puts the message before the empty basket's links, so the next Tab goes on to them", async () => {
    document.cookie = `${BASKET_HINT_COOKIE}=1; path=/`;
    getBasket.mockResolvedValue(basketOf({ tickets: [ticket("s1", { seatId: "s1", seatName: "A1" })] }));
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => new Response(null, { status: 503 })),
    );
    try {
      renderBasketPage();
      const remove = await screen.findByRole("button", { name: /Remove ticket in seat A1/ });
      getBasket.mockResolvedValue(basketOf({ tickets: [] }));
      remove.focus();
      fireEvent.click(remove);
      await screen.findByText("Your basket is empty");
      await waitFor(() => {
        expect(document.activeElement?.getAttribute("role")).toBe("status");
        expect(document.activeElement?.textContent).toMatch(/^Removed ticket in seat A1/);
      });
      const status = document.activeElement!;
      const next = screen.getByRole("link", { name: "See what’s on" });
      expect(status.compareDocumentPosition(next) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
