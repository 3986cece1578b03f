/** The account's recent orders name what each held, so an order with no tickets is not a blank row. */
import { describe, expect, it } from "vitest";
import { orderItems } from "@/lib/auth/account-view";

const none = { tickets: [], donations: [], memberships: [], merchandise: [], giftVouchers: [] };
const lines = (n: number) => Array.from({ length: n }, () => ({}) as never);

describe("an order's items in the account", () => {
  it("counts every kind of line the order holds", () => {
    expect(orderItems({ ...none, tickets: lines(2) })).toBe("2 tickets");
    expect(orderItems({ ...none, donations: lines(1) })).toBe("1 donation");
    expect(orderItems({ ...none, tickets: lines(1), memberships: lines(1), merchandise: lines(3) })).toBe(
      "1 ticket, 1 membership, 3 shop items",
    );
    expect(orderItems({ ...none, giftVouchers: lines(2) })).toBe("2 gift vouchers");
  });

  it("is empty when Spektrix lists nothing in the order", () => {
    expect(orderItems(none)).toBe("");
  });
});
