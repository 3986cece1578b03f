// @vitest-environment happy-dom
/**
 * The promo code's message in place: it speaks of the basket the code left, so it goes once the basket changes for
 * another reason, and stays through the change the code itself made.
 */
import { fireEvent, render, screen } from "@testing-library/react";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { PromoCode } from "@/components/checkout/promo-code-client";
import type { Basket } from "@/lib/spektrix";
import { basketOf, basketTicket } from "./fixtures";

const ticket = (id: string, price: number, discount = 0) =>
  basketTicket(id, { performanceId: "1AHGJDSMMPLMPPGPRHDGKJHQRTMLKBPVR", price, discount, total: price - discount });
const before = basketOf({ hash: "h1", tickets: [ticket("t1", 24), ticket("t2", 24)] });
const after = basketOf({ hash: "h2", promoCode: "DEMO10", tickets: [ticket("t1", 24, 2.4), ticket("t2", 24, 2.4)] });
const oneRemoved = basketOf({ hash: "h3", promoCode: "DEMO10", tickets: [ticket("t1", 24, 2.4)] });

function Basket({ removeOne }: { removeOne: boolean }) {
  const [fetched, set] = useState(before);
  // A line removed beside the code, as the basket's own buttons do.
  const basket = removeOne ? oneRemoved : fetched;
  return (
    <PromoCode
      basket={basket}
      applyCode={async () => after}
      removeCode={async () => undefined}
      // As the basket page refetches: the new basket arrives while the code's own change is still under way.
      onChanged={async () => set(after)}
    />
  );
}

describe("the promo code's message", () => {
  it("stays through the code's own change, and goes when the basket changes beside it", async () => {
    const client = new QueryClient();
    const { rerender } = render(
      <QueryClientProvider client={client}>
        <Basket removeOne={false} />
      </QueryClientProvider>,
    );
    fireEvent.change(screen.getByRole("textbox"), { target: { value: "demo10" } });
    fireEvent.submit(screen.getByRole("textbox").closest("form")!);
    expect(await screen.findByText("Promo code DEMO10 applied: you save $4.80.")).toBeTruthy();
    rerender(
      <QueryClientProvider client={client}>
        <Basket removeOne />
      </QueryClientProvider>,
    );
    expect(screen.queryByText(/you save/)).toBeNull();
  });
});
