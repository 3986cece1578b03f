// @vitest-environment happy-dom
/**
 * The checkout's order summary adds up: Spektrix prices each ticket after its discounts, so the lines sum to the
 * total and the member's saving is told beside it, never subtracted a second time.
 */
import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { OrderSummary } from "@/components/checkout/order-summary";

const performance = {
  performanceId: "P1",
  eventId: "E1",
  eventName: "The Friend",
  startUtc: "2027-02-01T19:30:00Z",
  startLocal: "2027-02-01T12:30:00",
  durationMinutes: 90,
  // 2 × 48.50 with 10 % off each, as Spektrix returns them: `total` is after the discount.
  tickets: [
    { id: "T1", seatName: "A1", total: 43.65 },
    { id: "T2", seatName: "A2", total: 43.65 },
  ],
  total: 87.3,
};

const amounts = (text: string) => [...text.matchAll(/\$(\d+\.\d\d)/g)].map((m) => Number(m[1]));

describe("OrderSummary", () => {
  it("lists lines that add up to the total and states the saving without taking it off again", () => {
    render(
      <OrderSummary
        heading="Your order"
        performances={[performance]}
        extras={[{ label: "Donation", amount: 5 }]}
        total={92.3}
        totalDiscount={9.7}
        timeZone="America/Edmonton"
      />,
    );
    const summary = screen.getByRole("region", { name: "Your order" });
    const lines = within(summary)
      .getAllByRole("listitem")
      .flatMap((li) => amounts(li.textContent ?? ""));
    expect(lines).toEqual([87.3, 5]);
    const total = summary.querySelector("dl")!;
    expect(total.textContent).toContain("Total");
    expect(amounts(total.textContent ?? "")).toEqual([92.3]);
    expect(lines.reduce((a, b) => a + b, 0)).toBeCloseTo(92.3, 2);
    expect(within(summary).getByText("Includes $9.70 in discounts.")).toBeTruthy();
    expect(summary.textContent).not.toContain("−");
  });

  it("says nothing about savings when there are none", () => {
    render(
      <OrderSummary
        heading="Your order"
        performances={[performance]}
        extras={[]}
        total={87.3}
        timeZone="America/Edmonton"
      />,
    );
    expect(screen.queryByText(/discount/)).toBeNull();
  });
});
