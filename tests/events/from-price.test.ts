import { describe, expect, it } from "vitest";
import { formatFromPrice } from "@/lib/events/format";
import { fromPriceOf } from "@/lib/sync/spektrix-source";

describe("the 'from' price", () => {
  it("of a price list is its lowest paid amount, 0 when everything is free, unknown when it has no prices", () => {
    expect(fromPriceOf([30, 22.5, 45])).toBe(22.5);
    // A free ticket type beside paid ones (a companion seat, say) is not what a venue prints as "from".
    expect(fromPriceOf([0, 18, 25])).toBe(18);
    expect(fromPriceOf([0, 0])).toBe(0);
    expect(fromPriceOf([])).toBeNull();
  });

  it("of an event is the lowest among performances still on, whatever their order", () => {
    const p = (fromPrice: number | null, cancelled = false) => ({ fromPrice, cancelled });
    expect(formatFromPrice([p(30), p(null), p(25)])).toBe("From $25");
    expect(formatFromPrice([p(25), p(30)])).toBe(formatFromPrice([p(30), p(25)]));
    expect(formatFromPrice([p(12.5, true), p(20)])).toBe("From $20");
    expect(formatFromPrice([p(0)])).toBe("Free");
    expect(formatFromPrice([p(null)])).toBeNull();
    expect(formatFromPrice([])).toBeNull();
  });
});
