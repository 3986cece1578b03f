// @vitest-environment happy-dom
/**
 * The performance row's booking link follows the live badge: it stops saying "Book" once Spektrix says the
 * performance cannot be booked, and still leads to the booking page.
 */
import { render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { BookButton } from "@/components/site/availability-badge-client";
import type { AvailabilityView } from "@/lib/availability/state";

vi.mock("next/navigation", () => ({ useRouter: () => ({ prefetch: vi.fn() }) }));

const book = { href: "/book/P1", when: "Sat 5 Dec at 7.30pm" };
const labelFor = (view: AvailabilityView | undefined) => {
  const { unmount } = render(<BookButton book={book} view={view} />);
  const link = screen.getByTestId("book-link");
  const result = {
    text: link.textContent,
    href: link.getAttribute("href"),
    primary: link.className.includes("btn-primary"),
  };
  unmount();
  return result;
};

describe("BookButton", () => {
  it("says Book while the state is unknown or seats are left", () => {
    expect(labelFor(undefined)).toEqual({ text: "Book for Sat 5 Dec at 7.30pm", href: "/book/P1", primary: true });
    expect(labelFor({ state: "fewLeft", label: "Only 3 left", remaining: 3, bookable: true }).text).toMatch(/^Book /);
    expect(labelFor({ state: "unknown", label: "Check availability", bookable: true }).text).toMatch(/^Book /);
  });

  it("offers options, not seats, when sold out, and details when booking is not open", () => {
    expect(labelFor({ state: "soldOut", label: "Sold out", bookable: false })).toEqual({
      text: "See options for Sat 5 Dec at 7.30pm",
      href: "/book/P1",
      primary: false,
    });
    expect(labelFor({ state: "offSale", label: "Booking closed", bookable: false }).text).toMatch(/^Details /);
    expect(
      labelFor({ state: "notYetOnSale", label: "On sale soon", onSaleAt: "2027-01-01T10:00:00Z", bookable: false })
        .text,
    ).toMatch(/^Details /);
  });
});
