/** How the basket lists a performance's tickets (lib/basket/lines.ts). */
import { describe, expect, it } from "vitest";
import { ticketLines } from "@/lib/basket/lines";
import type { BasketTicket } from "@/lib/spektrix";
import { basketTicket } from "./fixtures";

const ticket = (id: string, change: Partial<BasketTicket> = {}) =>
  basketTicket(id, { ticketTypeId: "TT1", priceBandId: "B1", planId: "PL1", ...change });

describe("ticketLines", () => {
  it("puts alike tickets without seats on one counted line, and each seat on its own", () => {
    const lines = ticketLines([
      ticket("a"),
      ticket("s1", { seatId: "S1", seatName: "A1" }),
      ticket("b"),
      ticket("c", { ticketTypeId: "TT2" }),
      ticket("d", { discount: 5, total: 15 }),
      ticket("s2", { seatId: "S2", seatName: "A2" }),
      ticket("e"),
    ]);
    expect(lines.map((l) => [l.ids, l.total])).toEqual([
      [["a", "b", "e"], 60],
      [["s1"], 20],
      [["c"], 20],
      [["d"], 15],
      [["s2"], 20],
    ]);
  });
});
