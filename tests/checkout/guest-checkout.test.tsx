// @vitest-environment happy-dom
/**
 * The guest checkout's words around Spektrix's checkout frame follow the frame's basket messages: once a basket
 * with items is reported empty (the order went through inside the frame), the page stops offering the basket and
 * the members' log-in and points to the confirmation instead. A basket empty from the first report has nothing to
 * pay for: the page says so and hides the frame until items arrive.
 */
import { act, cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { GuestCheckout } from "@/components/checkout/guest-checkout-client";
import { announceBasketChange, type BasketChangedDetail } from "@/components/spektrix/basket-events";

vi.mock("next/navigation", () => ({ useRouter: () => ({ prefetch: vi.fn() }) }));

afterEach(cleanup);

const show = () =>
  render(
    <GuestCheckout basketHref="/basket" signInHref="/login?returnTo=%2Fcheckout" whatsOnHref="/whats-on">
      <p title="Checkout">Spektrix’s checkout frame</p>
    </GuestCheckout>,
  );
const frame = () => screen.getByTestId("guest-checkout-frame");
const frameSays = (detail: Omit<BasketChangedDetail, "source"> & { source?: BasketChangedDetail["source"] }) =>
  act(() => announceBasketChange({ source: "iframe", ...detail }));
const backLink = () => screen.getByRole("navigation", { name: "Checkout steps" }).querySelector("a")!;

describe("GuestCheckout", () => {
  it("offers the basket and the members' log-in while the order is open", () => {
    show();
    frameSays({ itemCount: 2 });
    expect(backLink().getAttribute("href")).toBe("/basket");
    expect(screen.getByRole("link", { name: "sign in" }).getAttribute("href")).toBe("/login?returnTo=%2Fcheckout");
    expect(frame().hidden).toBe(false);
    expect(screen.queryByTestId("guest-checkout-done")).toBeNull();
  });

  it("points to the confirmation once the frame reports the basket it had as empty", () => {
    show();
    frameSays({ itemCount: 2 });
    frameSays({ itemCount: 2, spektrixCustomer: true });
    frameSays({ itemCount: 0, spektrixCustomer: true });
    expect(screen.getByRole("status").textContent).toMatch(/^Your basket is now empty\. If you have just paid/);
    expect(screen.queryByRole("link", { name: "sign in" })).toBeNull();
    expect(backLink().textContent).toBe("← Back to what’s on");
    expect(backLink().getAttribute("href")).toBe("/whats-on");
    // Spektrix's confirmation is in the frame.
    expect(frame().hidden).toBe(false);
  });

  it("says there is nothing to pay for when the basket was empty from the frame's first report", () => {
    show();
    frameSays({ itemCount: 0 });
    expect(screen.getByRole("status").textContent).toMatch(/^Your basket is empty, so there is nothing to pay for\./);
    expect(screen.getByRole("link", { name: "Find a show" }).getAttribute("href")).toBe("/whats-on");
    expect(screen.queryByRole("link", { name: "sign in" })).toBeNull();
    expect(backLink().getAttribute("href")).toBe("/whats-on");
    expect(screen.queryByTestId("guest-checkout-done")).toBeNull();
    // The frame's log-in would lead nowhere; it stays in the page, to report a basket that fills.
    expect(frame().hidden).toBe(true);
    expect(screen.getByTitle("Checkout")).toBeTruthy();
    frameSays({ itemCount: 2 });
    expect(frame().hidden).toBe(false);
    expect(backLink().getAttribute("href")).toBe("/basket");
  });

  it("claims no payment for a basket that was empty when the frame opened, or for other senders", () => {
    show();
    frameSays({ itemCount: 0 });
    expect(screen.queryByTestId("guest-checkout-done")).toBeNull();
    frameSays({ source: "web-component", itemCount: 3 });
    frameSays({ itemCount: 0 });
    expect(screen.queryByTestId("guest-checkout-done")).toBeNull();
    // A basket hash alone (no count) changes nothing either.
    frameSays({ itemCount: 1 });
    frameSays({});
    expect(screen.queryByTestId("guest-checkout-done")).toBeNull();
  });

  it("goes back to the open order if items come back", () => {
    show();
    frameSays({ itemCount: 1 });
    frameSays({ itemCount: 0 });
    expect(screen.getByTestId("guest-checkout-done")).toBeTruthy();
    frameSays({ itemCount: 1 });
    expect(screen.queryByTestId("guest-checkout-done")).toBeNull();
  });
});
