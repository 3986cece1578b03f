import { describe, expect, it } from "vitest";
import { availabilityState } from "@/lib/availability/state";

const now = new Date("2026-11-26T12:00:00Z");
const facts = {
  startsAt: "2026-12-01T02:30:00Z",
  cancelled: false,
  isOnSale: true,
  sellFrom: "2026-10-01T00:00:00Z",
  sellUntil: "2026-12-01T01:30:00Z",
};
const opts = { now, threshold: 20 };

describe("availability states", () => {
  it("separates on sale from available", () => {
    expect(availabilityState(facts, { available: 300, capacity: 400 }, opts).state).toBe("onSale");
    expect(availabilityState(facts, { available: 0, capacity: 400 }, opts).state).toBe("soldOut");
    const few = availabilityState(facts, { available: 7, capacity: 400 }, opts);
    expect(few).toMatchObject({ state: "fewLeft", label: "Only 7 left", remaining: 7, bookable: true });
  });

  it("decides sale-window states without live counts", () => {
    expect(availabilityState({ ...facts, sellFrom: "2026-11-30T00:00:00Z" }, null, opts)).toMatchObject({
      state: "notYetOnSale",
      onSaleAt: "2026-11-30T00:00:00.000Z",
    });
    expect(availabilityState({ ...facts, sellUntil: "2026-11-20T00:00:00Z" }, null, opts).state).toBe("offSale");
    expect(availabilityState({ ...facts, isOnSale: false }, null, opts).state).toBe("offSale");
    expect(availabilityState({ ...facts, cancelled: true }, { available: 100, capacity: 400 }, opts).state).toBe(
      "cancelled",
    );
    expect(availabilityState({ ...facts, startsAt: "2026-11-26T11:00:00Z" }, null, opts).state).toBe("offSale");
  });

  it("says 'check availability' and stays bookable when Spektrix did not answer", () => {
    expect(availabilityState(facts, null, opts)).toMatchObject({
      state: "unknown",
      label: "Check availability",
      bookable: true,
    });
    expect(availabilityState(null, null, opts).state).toBe("unknown");
  });
});
