import { describe, expect, it } from "vitest";
import { SpektrixInvalidIdError } from "@/lib/spektrix/errors";
import { mapWithConcurrency } from "@/lib/spektrix/http";
import { isCustomerId, isOpaqueId, isSpektrixId, shortId } from "@/lib/spektrix/ids";
import { bookingStep, bookingUrl, iframeUrl, integrateScriptUrl } from "@/lib/spektrix/urls";

const PERFORMANCE_ID = "8801ABJDKGQJJPHNLQGQLLLRMHJSKRCGT";

describe("ids", () => {
  it("recognises catalogue, customer and opaque ids", () => {
    expect(isSpektrixId("4201ASVGBHHRTVLQBSRVKDQCKNHHDCTSJ")).toBe(true);
    expect(isSpektrixId("4201AEIOU")).toBe(false); // vowels are not in Spektrix's alphabet
    expect(isSpektrixId("4201")).toBe(false);
    expect(isSpektrixId("../4201ASVG")).toBe(false);
    expect(isSpektrixId(4201)).toBe(false);
    expect(isCustomerId("I-KS22-363P")).toBe(true);
    expect(isCustomerId("I-KS22-363P/../x")).toBe(false);
    expect(isOpaqueId("d4c1-99ab_x")).toBe(true);
    expect(isOpaqueId("a/b")).toBe(false);
  });

  it("takes the leading integer for iframes", () => {
    expect(shortId("4201ASVGBHHRTVLQBSRVKDQCKNHHDCTSJ")).toBe("4201");
    expect(() => shortId("ASVG")).toThrow(SpektrixInvalidIdError);
  });
});

describe("iframe and booking URLs", () => {
  it("builds iframe URLs with resize=true last", () => {
    expect(
      iframeUrl({
        baseUrl: "https://tickets.venue.org/",
        clientName: "demo",
        page: "chooseSeats",
        params: { EventInstanceId: 8801 },
        stylesheet: "large.css",
        resize: true,
      }),
    ).toBe(
      "https://tickets.venue.org/demo/website/ChooseSeats.aspx?EventInstanceId=8801&stylesheet=large.css&resize=true",
    );
    expect(iframeUrl({ baseUrl: "https://t.v.org", clientName: "demo", page: "myAccount" })).toBe(
      "https://t.v.org/demo/website/secure/MyAccount.aspx",
    );
    expect(integrateScriptUrl("https://t.v.org", "demo")).toBe("https://t.v.org/demo/website/scripts/integrate.js");
  });

  it("sends reserved seating to seat choice and unreserved to the site's quantity step", () => {
    const common = {
      baseUrl: "https://t.v.org",
      clientName: "demo",
      performance: { id: PERFORMANCE_ID },
      quantityUrl: (_: unknown, short: string) => `/book/${short}`,
    };
    expect(bookingUrl({ ...common, plan: { isReserved: true } })).toEqual({
      step: "chooseSeats",
      url: "https://t.v.org/demo/website/ChooseSeats.aspx?EventInstanceId=8801&resize=true",
    });
    expect(bookingUrl({ ...common, plan: { isReserved: false } })).toEqual({
      step: "chooseQuantity",
      url: "/book/8801",
    });
    expect(bookingStep(null)).toBe("chooseSeats");
  });
});

describe("mapWithConcurrency", () => {
  it("keeps order and never exceeds the limit", async () => {
    let inFlight = 0;
    let peak = 0;
    const result = await mapWithConcurrency([5, 1, 4, 2, 3], 2, async (n) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, n));
      inFlight--;
      return n * 10;
    });
    expect(result).toEqual([50, 10, 40, 20, 30]);
    expect(peak).toBe(2);
  });

  it("rejects on the first failure and starts no new work", async () => {
    const started: number[] = [];
    const run = mapWithConcurrency([1, 2, 3, 4, 5, 6], 2, async (n) => {
      started.push(n);
      await new Promise((r) => setTimeout(r, 1));
      if (n === 2) throw new Error("boom");
      return n;
    });
    await expect(run).rejects.toThrow("boom");
    expect(started.length).toBeLessThan(6);
    await expect(mapWithConcurrency([1], 0, async (n) => n)).rejects.toThrow(RangeError);
  });
});
