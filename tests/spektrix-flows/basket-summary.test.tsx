// @vitest-environment happy-dom
// @vitest-environment-options {"settings": {"handleDisabledFileLoadingAsSuccess": true}}
/**
 * The header basket asks Spektrix only when there can be a basket (lib/basket/hint.ts, ADR 0016): a visitor who
 * never started one costs no web-mode call and loads no client code; an announced change, a signed-in visitor
 * or Spektrix's own component counting items makes it ask; a read that finds nothing clears the hint.
 */
import { act, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Basket } from "@/lib/spektrix";

const getBasket = vi.fn<() => Promise<Basket | null>>();
vi.mock("@/lib/spektrix/load", () => ({ loadSpektrixClient: async () => ({ getBasket }) }));
vi.mock("next/navigation", () => ({ useRouter: () => ({ prefetch: vi.fn() }) }));

const { BasketSummary } = await import("@/components/spektrix/basket-summary-client");
const { announceBasketChange } = await import("@/components/spektrix/basket-events");
const {
  BASKET_HINT_COOKIE,
  UNLINKED_CUSTOMER_COOKIE,
  basketHintCookie,
  hasBasketHint,
  hasUnlinkedCustomerHint,
  unlinkedCustomerCookie,
} = await import("@/lib/basket/hint");
const { SIGNED_IN_HINT_COOKIE } = await import("@/lib/auth/cookies");
const { forgetLiveReads, renderInPage } = await import("./spektrix-page");

function renderHeader() {
  return renderInPage(<BasketSummary href="/basket" />);
}
const count = () => screen.getByTestId("basket-summary").querySelector("[data-basket-count]");
const clearCookies = () => {
  for (const name of [BASKET_HINT_COOKIE, SIGNED_IN_HINT_COOKIE, UNLINKED_CUSTOMER_COOKIE])
    document.cookie = `${name}=; max-age=0; path=/`;
};
const basketWith = (tickets: number) =>
  ({
    id: "b1",
    total: 10 * tickets,
    tickets: Array.from({ length: tickets }, () => ({})),
    donations: [],
    merchandise: [],
    memberships: [],
    giftVouchers: [],
    subscriptions: [],
  }) as unknown as Basket;

beforeEach(() => {
  clearCookies();
  getBasket.mockReset();
  forgetLiveReads();
});
afterEach(clearCookies);

describe("header basket", () => {
  it("shows an empty basket without asking Spektrix when this browser never started one", async () => {
    renderHeader();
    await waitFor(() => expect(count()).toHaveAttribute("data-basket-count", "0"));
    expect(screen.getByTestId("basket-summary")).toHaveTextContent(/Basket, empty/);
    // One phrase for screen readers, with no stray space before its comma.
    expect(screen.getByTestId("basket-summary")).toHaveAccessibleName("Basket, empty");
    expect(getBasket).not.toHaveBeenCalled();
  });

  it("asks once something announces a basket change, and keeps asking on later pages", async () => {
    getBasket.mockResolvedValue(basketWith(2));
    renderHeader();
    await waitFor(() => expect(count()).toHaveAttribute("data-basket-count", "0"));
    act(() => announceBasketChange({ source: "web-component" }));
    await waitFor(() => expect(count()).toHaveAttribute("data-basket-count", "2"));
    expect(getBasket).toHaveBeenCalled();
    expect(hasBasketHint(document.cookie)).toBe(true);
  });

  it("asks for a signed-in visitor, whose basket may come from another device", async () => {
    document.cookie = `${SIGNED_IN_HINT_COOKIE}=1; path=/`;
    getBasket.mockResolvedValue(basketWith(1));
    renderHeader();
    await waitFor(() => expect(count()).toHaveAttribute("data-basket-count", "1"));
  });

  it("notices a basket another tab started when the visitor comes back to this one", async () => {
    getBasket.mockResolvedValue(basketWith(1));
    renderHeader();
    await waitFor(() => expect(count()).toHaveAttribute("data-basket-count", "0"));
    document.cookie = basketHintCookie(true, false);
    act(() => void document.dispatchEvent(new Event("visibilitychange")));
    await waitFor(() => expect(count()).toHaveAttribute("data-basket-count", "1"));
  });

  it("reads the basket when Spektrix's own header component counts items this browser never announced", async () => {
    // The loader is not fetched here; defining the tag is what the real loader would do.
    if (!customElements.get("spektrix-basket-summary"))
      customElements.define("spektrix-basket-summary", class extends HTMLElement {});
    getBasket.mockResolvedValue(basketWith(3));
    const { container } = renderHeader();
    await waitFor(() => expect(count()).toHaveAttribute("data-basket-count", "0"));
    expect(getBasket).not.toHaveBeenCalled();
    act(() => container.querySelector("spektrix-basket-summary")!.setAttribute("count", "3"));
    await waitFor(() => expect(count()).toHaveAttribute("data-basket-count", "3"));
    expect(hasBasketHint(document.cookie)).toBe(true);
  });

  it("keeps reading after a frame shows a Spektrix customer the site is not signed in as, basket empty or not", async () => {
    // A new customer signed in and paid inside Spektrix's checkout: the frame's last basket is empty but names them.
    const paidFor = { ...basketWith(0), customerId: "I-AB12-CD34" } as Basket;
    getBasket.mockResolvedValue(paidFor);
    renderHeader();
    act(() => announceBasketChange({ source: "iframe", itemCount: 0, spektrixCustomer: true }));
    expect(hasBasketHint(document.cookie)).toBe(false);
    expect(hasUnlinkedCustomerHint(document.cookie)).toBe(true);
    // So the header reads the basket (which is how the session-drift repair sees the customer), and the read,
    // finding the customer still unlinked, keeps the hint for the next page.
    await waitFor(() => expect(getBasket).toHaveBeenCalled());
    expect(hasUnlinkedCustomerHint(document.cookie)).toBe(true);
  });

  it("drops the unlinked-customer hint once a read finds no customer", async () => {
    document.cookie = unlinkedCustomerCookie(true, false);
    getBasket.mockResolvedValue({ ...basketWith(0), customerId: null } as Basket);
    renderHeader();
    await waitFor(() => expect(getBasket).toHaveBeenCalled());
    await waitFor(() => expect(hasUnlinkedCustomerHint(document.cookie)).toBe(false));
  });

  it("clears the hint when the basket it pointed to turns out empty", async () => {
    document.cookie = basketHintCookie(true, false);
    getBasket.mockResolvedValue(null);
    renderHeader();
    await waitFor(() => expect(getBasket).toHaveBeenCalled());
    await waitFor(() => expect(hasBasketHint(document.cookie)).toBe(false));
    expect(count()).toHaveAttribute("data-basket-count", "0");
  });
});

describe("basketHintCookie", () => {
  it("sets and clears a site-wide, Lax cookie, Secure over https", () => {
    expect(basketHintCookie(true, true)).toMatch(/^has-basket=1; max-age=\d+; path=\/; SameSite=Lax; Secure$/);
    expect(basketHintCookie(false, false)).toBe("has-basket=; max-age=0; path=/; SameSite=Lax");
    expect(hasBasketHint("a=1; has-basket=1")).toBe(true);
    expect(hasBasketHint("not-has-basket=1")).toBe(false);
    expect(unlinkedCustomerCookie(true, false)).toMatch(/^spektrix-customer=1; max-age=\d+; path=\/; SameSite=Lax$/);
    expect(unlinkedCustomerCookie(false, true)).toBe("spektrix-customer=; max-age=0; path=/; SameSite=Lax; Secure");
  });
});
