// @vitest-environment happy-dom
/**
 * The checkout's browser half when something it leans on misbehaves: the Spektrix client cannot be downloaded
 * (offline, or a deploy removed the chunk), or the member clicks "Continue" while "Join and save" is still
 * changing the basket, or the basket is no longer open. None may leave the member stuck or pay for a basket about to
 * change, or tell a member who has paid that nothing was charged.
 */
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { VENUE_SPEKTRIX } from "../spektrix-flows/fixture-config";

const loadSpektrixClient = vi.fn();
vi.mock("@/lib/spektrix/load", () => ({ loadSpektrixClient, preloadSpektrixClient: () => undefined }));
const router = { refresh: vi.fn(), push: vi.fn(), prefetch: vi.fn() };
vi.mock("next/navigation", () => ({ useRouter: () => router }));
// The card form is Spektrix's own web component; here it shows that the payment step was reached, and can answer
// as Spektrix does when the basket behind the token no longer resolves.
vi.mock("@/components/checkout/spektrix-payments-client", () => ({
  SpektrixPayments: ({
    paymentToken,
    onNotFound,
    onRefused,
  }: {
    paymentToken: string;
    onNotFound: () => void;
    onRefused: () => void;
  }) => (
    <div>
      <p>card form for {paymentToken}</p>
      <button type="button" onClick={onNotFound}>
        card form says basket not found
      </button>
      <button type="button" onClick={onRefused}>
        card form says card refused
      </button>
    </div>
  ),
}));

const { CheckoutPayment } = await import("@/components/checkout/checkout-payment-client");
const { BASKET_GONE } = await import("@/components/checkout/basket-gone");
const { SpektrixProvider } = await import("@/components/spektrix/spektrix-loader-client");
const { siteInfo } = await import("@/lib/site");

/** As the root layout renders it: the account link reads where the studio put the account page. */
const renderInSite = (ui: React.ReactNode) =>
  render(
    <SpektrixProvider
      config={{ ...VENUE_SPEKTRIX, componentsStylesheetUrl: null }}
      boxOffice={siteInfo().boxOffice}
      accountPath="/my-account"
    >
      {ui}
    </SpektrixProvider>,
  );
const { routes } = await import("@/lib/routes");

const props = {
  basketId: "B1",
  basketHash: "h1",
  addresses: [{ id: "A1", label: "1 Stage Door Lane", isBilling: true }],
  defaultAddressId: "A1",
  total: 30,
  creditBalance: 0,
  giftAidWording: null,
  spektrix: { baseUrl: "https://tickets.venue.org", clientName: "venue", paymentsDomain: "tickets.venue.org" },
  paths: { basket: "/basket", checkout: "/checkout" },
  boxOffice: { phone: "01234 567890", hours: "10–6" },
};

const fetchMock = vi.fn<typeof fetch>();
beforeEach(() => {
  loadSpektrixClient.mockReset();
  fetchMock.mockReset();
  fetchMock.mockImplementation(async (input) => {
    if (String(input).endsWith(routes.api.customerPayment)) {
      return Response.json({ paymentToken: "tok-1", basketHash: "h1" });
    }
    // Spektrix has neither an open basket nor a recent order: the basket is no longer open.
    if (String(input).endsWith(routes.api.checkoutCompletion)) return Response.json({ status: "unknown" });
    return new Response("not found", { status: 404 });
  });
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

const continueButton = () => screen.getByRole("button", { name: /Continue to payment/ });

describe("checkout payment", () => {
  it("reaches the card form when the Spektrix client cannot be downloaded, skipping only the basket check", async () => {
    loadSpektrixClient.mockRejectedValue(new TypeError("Failed to fetch dynamically imported module"));
    render(<CheckoutPayment {...props} />);
    fireEvent.click(continueButton());
    expect(await screen.findByText("card form for tok-1")).toBeTruthy();
    expect(screen.queryByText(/Preparing secure payment/)).toBeNull();
  });

  it("without an address, links to the account to add one instead of offering payment", () => {
    render(<CheckoutPayment {...props} addresses={[]} defaultAddressId={null} />);
    const link = screen.getByRole("link", { name: "Add an address to your account" });
    expect(link.getAttribute("href")).toBe(routes.accountManage);
    expect(screen.getByTestId("no-billing-address").textContent).toContain(props.boxOffice.phone);
    expect(screen.queryByRole("button", { name: /Continue to payment/ })).toBeNull();
  });

  it("holds Continue while Join and save is adding the membership", async () => {
    let added!: () => void;
    const addMembership = vi.fn(() => new Promise<void>((resolve) => (added = resolve)));
    loadSpektrixClient.mockResolvedValue({ addMembership, getBasket: async () => null });
    render(
      <CheckoutPayment
        {...props}
        joinOffer={{ membershipId: "M1", name: "Friends", price: 40, saving: 12, totalIfJoined: 58 } as never}
      />,
    );
    expect(continueButton().getAttribute("aria-disabled")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: /Join as a Friends member/ }));
    // Held, not disabled: a keyboard user on the button keeps their place while the membership is added.
    await waitFor(() => expect(continueButton().getAttribute("aria-disabled")).toBe("true"));
    fireEvent.click(continueButton());
    fireEvent.submit(continueButton().closest("form")!);
    await act(async () => {});
    expect(fetchMock).not.toHaveBeenCalled();
    await act(async () => added());
    await waitFor(() => expect(continueButton().getAttribute("aria-disabled")).toBeNull());
  });

  // Spektrix answers the same for a released basket and a paid one, so both ways of learning it say so, and neither
  // offers to pay again.
  async function expectBasketGone() {
    const notice = await screen.findByText(BASKET_GONE.title);
    expect(screen.getByText(BASKET_GONE.body)).toBeTruthy();
    expect(screen.getByRole("link", { name: "View my bookings" }).getAttribute("href")).toBe("/my-account");
    expect(screen.getByRole("link", { name: "Back to basket" }).getAttribute("href")).toBe(props.paths.basket);
    expect(screen.queryByRole("button", { name: /Continue to payment/ })).toBeNull();
    expect(screen.queryByText(/card form for/)).toBeNull();
    await waitFor(() => expect(notice.closest("[tabindex='-1']")).toBe(document.activeElement));
  }

  it("says the basket is no longer open when the payment route finds it gone", async () => {
    loadSpektrixClient.mockResolvedValue({ getBasket: async () => null });
    fetchMock.mockImplementation(async () =>
      Response.json({ error: "basket-gone", message: "Your basket has expired." }, { status: 410 }),
    );
    renderInSite(<CheckoutPayment {...props} />);
    fireEvent.click(continueButton());
    await expectBasketGone();
  });

  /** The card form reports no basket behind its token, and the server's completion check answers `completion`. */
  async function cardFormFindsNoBasket(completion: Response) {
    loadSpektrixClient.mockResolvedValue({ getBasket: async () => null });
    fetchMock.mockImplementation(async (input) =>
      String(input).endsWith(routes.api.checkoutCompletion)
        ? completion.clone()
        : Response.json({ paymentToken: `tok-${fetchMock.mock.calls.length}`, basketHash: "h1" }),
    );
    renderInSite(<CheckoutPayment {...props} />);
    fireEvent.click(continueButton());
    fireEvent.click(await screen.findByRole("button", { name: "card form says basket not found" }));
  }

  it("when the basket changed in another tab, says so and offers a new token, not 'no longer open'", async () => {
    router.refresh.mockClear();
    await cardFormFindsNoBasket(Response.json({ status: "open" }));
    expect(await screen.findByText(/Your basket changed while you were paying, so nothing was charged/)).toBeTruthy();
    expect(screen.queryByText(BASKET_GONE.title)).toBeNull();
    expect(router.refresh).toHaveBeenCalled();
    fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByText(/^card form for tok-\d+$/)).toBeTruthy();
  });

  it("never takes a recent order for this basket: nothing was charged here, so it says the basket is not open", async () => {
    router.push.mockClear();
    await cardFormFindsNoBasket(Response.json({ status: "confirmed", orderId: "O-77" }));
    expect(await screen.findByText(BASKET_GONE.title)).toBeTruthy();
    expect(router.push).not.toHaveBeenCalled();
  });

  it("when the session ended in another tab, asks the member to sign in again", async () => {
    await cardFormFindsNoBasket(
      Response.json({ error: "unauthenticated", message: "Please sign in" }, { status: 401 }),
    );
    expect(await screen.findByRole("link", { name: "Sign in again" })).toBeTruthy();
    expect(screen.queryByText(BASKET_GONE.title)).toBeNull();
  });

  it("says the same when the card form reports the basket not found", async () => {
    loadSpektrixClient.mockResolvedValue({ getBasket: async () => null });
    renderInSite(<CheckoutPayment {...props} />);
    fireEvent.click(continueButton());
    fireEvent.click(await screen.findByRole("button", { name: "card form says basket not found" }));
    await expectBasketGone();
  });

  // One way on from each notice: the details form above it keeps its fields but not a second "Continue" button.
  it("after a refused card, offers Try again alone, and it asks for a new token", async () => {
    loadSpektrixClient.mockResolvedValue({ getBasket: async () => null });
    let tokens = 0;
    fetchMock.mockImplementation(async () => Response.json({ paymentToken: `tok-${++tokens}`, basketHash: "h1" }));
    render(<CheckoutPayment {...props} />);
    fireEvent.click(continueButton());
    fireEvent.click(await screen.findByRole("button", { name: "card form says card refused" }));
    expect(await screen.findByText("Your card was declined")).toBeTruthy();
    expect(screen.queryByRole("button", { name: /Continue to payment/ })).toBeNull();
    expect(screen.getAllByRole("button", { name: "Try again" })).toHaveLength(1);
    fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByText("card form for tok-2")).toBeTruthy();
  });

  it("after a problem, offers Try again alone; after the session ends, only Sign in again", async () => {
    loadSpektrixClient.mockResolvedValue({ getBasket: async () => null });
    fetchMock.mockImplementation(async () => Response.json({ error: "upstream" }, { status: 502 }));
    const { unmount } = renderInSite(<CheckoutPayment {...props} />);
    fireEvent.click(continueButton());
    expect(await screen.findByText("Our box office system isn’t responding. Please try again shortly.")).toBeTruthy();
    expect(screen.queryByRole("button", { name: /Continue to payment/ })).toBeNull();
    expect(screen.getAllByRole("button", { name: "Try again" })).toHaveLength(1);
    unmount();

    fetchMock.mockImplementation(async () => Response.json({ error: "unauthenticated" }, { status: 401 }));
    renderInSite(<CheckoutPayment {...props} />);
    fireEvent.click(continueButton());
    expect(await screen.findByRole("link", { name: "Sign in again" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: /Continue to payment|Try again/ })).toBeNull();
  });

  it("an old copy of the page (Back from the basket after a change) is asked for again; a current one is not", async () => {
    router.refresh.mockClear();
    loadSpektrixClient.mockResolvedValue({ getBasket: async () => ({ id: "B1", hash: "h1" }) });
    const { unmount } = render(<CheckoutPayment {...props} />);
    await act(async () => {});
    expect(router.refresh).not.toHaveBeenCalled();
    unmount();

    loadSpektrixClient.mockResolvedValue({ getBasket: async () => ({ id: "B1", hash: "h2" }) });
    render(<CheckoutPayment {...props} />);
    await waitFor(() => expect(router.refresh).toHaveBeenCalledTimes(1));
  });

  it("when the check itself fails, says so and offers Try again, not that the basket is gone", async () => {
    await cardFormFindsNoBasket(Response.json({ error: "upstream" }, { status: 502 }));
    expect(await screen.findByText("Our box office system isn’t responding. Please try again shortly.")).toBeTruthy();
    expect(screen.queryByText(BASKET_GONE.title)).toBeNull();
    expect(screen.getByRole("button", { name: "Try again" })).toBeTruthy();
  });
});
