import { describe, expect, it } from "vitest";
import { promoAppliedMessage, promoRefusedMessage, promoSaving } from "@/lib/basket/promo";
import type { Basket } from "@/lib/spektrix";
import { basketOf, basketTicket } from "./fixtures";
import { decodeErrorBody } from "@/lib/spektrix/http";
import {
  plainSpektrixReason,
  SpektrixHttpError,
  SpektrixNetworkError,
  SpektrixTimeoutError,
} from "@/lib/spektrix/errors";

const ticket = (id: string, price: number, discount = 0) =>
  basketTicket(id, { performanceId: "1AHGJDSMMPLMPPGPRHDGKJHQRTMLKBPVR", price, discount, total: price - discount });

/** A member's basket: two $24 tickets, 10% off each for the membership. */
const basket = (change: Partial<Basket> = {}): Basket =>
  basketOf({ customerId: "I-AB12-CD34", tickets: [ticket("t1", 24, 2.4), ticket("t2", 24, 2.4)], ...change });

const refusal = (status: number, body: unknown, code: number | null = null) =>
  new SpektrixHttpError({
    status,
    ...decodeErrorBody(status, typeof body === "string" ? body : JSON.stringify(body)),
    ...(code === null ? {} : { code }),
    request: { method: "PATCH", path: "basket" },
  });

describe("a promo code Spektrix accepted", () => {
  it("says what it saved when the discount rose", () => {
    const before = basket({ tickets: [ticket("t1", 24), ticket("t2", 24)] });
    const after = basket({ promoCode: "DEMO10", tickets: [ticket("t1", 24, 2.4), ticket("t2", 24, 2.4)] });
    expect(promoSaving(before, after)).toBe(4.8);
    expect(promoAppliedMessage("demo10", before, after)).toEqual({
      kind: "ok",
      text: "Promo code DEMO10 applied: you save $4.80.",
    });
  });

  it("says plainly that nothing got cheaper when it changed no price (a member's discount already as good)", () => {
    const before = basket();
    const after = basket({ promoCode: "DEMO10", hash: "H2" });
    expect(promoSaving(before, after)).toBe(0);
    expect(promoAppliedMessage("demo10", before, after)).toEqual({
      kind: "notice",
      text: "The code DEMO10 is on your basket, but nothing in it is reduced by it. It may apply to other shows or dates, or need more tickets.",
    });
  });

  it("counts a lower total for the same lines, but not one that only lost a line", () => {
    const before = basket({ total: 48, totalDiscount: 0 });
    expect(promoSaving(before, { ...before, promoCode: "X", total: 43 })).toBe(5);
    // Another tab removed a ticket meanwhile: the total fell, the code saved nothing.
    const fewer = basket({ tickets: [ticket("t1", 24)], total: 24, totalDiscount: 0, promoCode: "X" });
    expect(promoSaving(before, fewer)).toBe(0);
    expect(promoAppliedMessage("X", before, fewer).kind).toBe("notice");
  });

  it("does not call floating-point dust a saving", () => {
    const before = basket({ totalDiscount: 0.1 + 0.2 });
    expect(promoSaving(before, { ...before, promoCode: "X", totalDiscount: 0.3 })).toBe(0);
  });

  it("says so when Spektrix's answer does not carry the code", () => {
    expect(promoAppliedMessage("SPRING", basket(), basket({ hash: "H2" }))).toEqual({
      kind: "error",
      text: "The code SPRING wasn’t kept on your basket. Please check it and try again.",
    });
  });
});

describe("a promo code Spektrix refused", () => {
  it("gives Spektrix's reason when it is a short plain sentence", () => {
    // The emulator's answer to an unknown code.
    const error = refusal(400, { message: "The promo code is not valid.", problems: ["Unknown promo code 'X1'"] });
    expect(promoRefusedMessage(error)).toEqual({ kind: "error", text: "The promo code is not valid." });
    expect(promoRefusedMessage(refusal(409, { message: "This offer has ended.", code: 31 }, 31)).text).toBe(
      "This offer has ended.",
    );
  });

  it.each([
    ["no message at all", ""],
    ["a bare status", "Bad Request"],
    ["a developer's message", { message: "The request is invalid.", problems: ["promoCode: required"] }],
    ["a .NET exception", { message: "Object reference not set to an instance of an object." }],
    ["JSON in the text", { message: 'Invalid value {"promoCode":"X"}.' }],
    ["an id", { message: "Offer 1AHGJDSMMPLMPPGPRHDGKJHQRTMLKBPVR is not available." }],
    ["two sentences", { message: "Not valid. Try again." }],
    ["no capital or full stop", { message: "promo code invalid" }],
    ["too long", { message: `The promo code ${"is really not valid ".repeat(7)}today.` }],
  ])("falls back to a clear generic sentence for %s", (_what, body) => {
    expect(promoRefusedMessage(refusal(400, body))).toEqual({
      kind: "error",
      text: "That promo code wasn’t accepted. Please check it and try again.",
    });
  });

  it("keeps the site's own words when the box office is in trouble rather than the visitor's code", () => {
    const where = { method: "PATCH", path: "basket" };
    expect(promoRefusedMessage(refusal(503, { message: "Service unavailable." })).text).toBe(
      "The box office isn’t responding properly. Please try again shortly.",
    );
    expect(promoRefusedMessage(new SpektrixTimeoutError(where, 6000)).text).toMatch(/taking too long/);
    expect(promoRefusedMessage(new SpektrixNetworkError(where, new Error("ECONNRESET"))).text).toMatch(/reach/);
  });

  it("plainSpektrixReason reads only Spektrix's answers", () => {
    expect(plainSpektrixReason(new Error("The promo code is not valid."))).toBeNull();
    expect(plainSpektrixReason(refusal(400, { message: "  The promo code   is not valid. " }))).toBe(
      "The promo code is not valid.",
    );
  });
});
