import { describe, expect, it } from "vitest";
import { z } from "zod";
import { SpektrixSchemaError } from "@/lib/spektrix/errors";
import {
  availabilitySchema,
  basketSchema,
  customerSchema,
  emptyHtmlToNull,
  eventSchema,
  membershipTypeSchema,
  parseDurationMinutes,
  parseResponse,
  performanceSchema,
  priceListSchema,
  statementSchema,
  agreedStatementsSchema,
  subscriptionSchema,
  toUtcIso,
} from "@/lib/spektrix/schemas";

const EVENT = {
  id: "4201ASVGBHHRTVLQBSRVKDQCKNHHDCTSJ",
  name: "  Tosca ",
  description: "",
  htmlDescription: '<div id="x"><p>Puccini</p></div>',
  duration: "PT2H30M",
  imageUrl: "",
  isOnSale: true,
  instanceDates: "1 May-3 May",
  webEventId: null,
  firstInstanceDateTimeUtc: "2026-10-19T18:30:00Z",
  attribute_Genre: "Opera",
  attribute_Rank: 3,
};

function schemaError(fn: () => unknown): SpektrixSchemaError {
  try {
    fn();
  } catch (error) {
    if (error instanceof SpektrixSchemaError) return error;
    throw error;
  }
  throw new Error("expected a SpektrixSchemaError");
}

describe("normalisers", () => {
  it("reads durations as minutes or ISO 8601", () => {
    expect(parseDurationMinutes(90)).toBe(90);
    expect(parseDurationMinutes("PT90M")).toBe(90);
    expect(parseDurationMinutes("PT1H45M")).toBe(105);
    expect(parseDurationMinutes("P1DT1H")).toBe(1500);
    expect(parseDurationMinutes("90")).toBe(90);
    expect(parseDurationMinutes(0)).toBeNull();
    expect(parseDurationMinutes("")).toBeNull();
    expect(parseDurationMinutes("ninety")).toBeUndefined();
    expect(parseDurationMinutes("PT")).toBeUndefined();
    expect(parseDurationMinutes(-5)).toBeUndefined();
  });

  it("normalises UTC values with or without Z to ISO strings ending in Z", () => {
    expect(toUtcIso("2026-02-13T04:00:00")).toBe("2026-02-13T04:00:00.000Z");
    expect(toUtcIso("2026-02-13T04:00:00Z")).toBe("2026-02-13T04:00:00.000Z");
    expect(toUtcIso("2026-02-13T05:00:00+01:00")).toBe("2026-02-13T04:00:00.000Z");
    expect(toUtcIso("13/02/2026")).toBeUndefined();
  });

  it("treats Spektrix's empty HTML wrapper as no description", () => {
    expect(emptyHtmlToNull("<div id>\r\n\r\n</div>")).toBeNull();
    expect(emptyHtmlToNull("<div id><img src=x></div>")).toBe("<div id><img src=x></div>");
    expect(emptyHtmlToNull("<div><p>Hi</p></div>")).toBe("<div><p>Hi</p></div>");
  });
});

describe("event schema", () => {
  it("maps a tolerant event", () => {
    const event = parseResponse(eventSchema, { ...EVENT, unknownNewField: { nested: true } }, "GET events/x");
    expect(event).toMatchObject({
      name: "Tosca",
      description: null,
      durationMinutes: 150,
      imageUrl: null,
      altText: null,
      firstPerformanceUtc: "2026-10-19T18:30:00.000Z",
      lastPerformanceUtc: null,
      attributes: { Genre: "Opera", Rank: 3 },
    });
    expect(event).not.toHaveProperty("unknownNewField");
    expect(event).not.toHaveProperty("performances");
  });

  it("names the endpoint and the field path when a required field is missing, and returns nothing", () => {
    const noName: Record<string, unknown> = { ...EVENT };
    delete noName.name;
    const error = schemaError(() => parseResponse(z.array(eventSchema), [EVENT, noName], "GET events"));
    expect(error.endpoint).toBe("GET events");
    expect(error.field).toBe("[1].name");
    expect(error.message).toMatch(/GET events.*\[1\]\.name/);
  });

  it("rejects wrong types, unreadable durations and object-valued attributes", () => {
    expect(schemaError(() => parseResponse(eventSchema, { ...EVENT, isOnSale: "yes" }, "GET e")).field).toBe(
      "isOnSale",
    );
    expect(schemaError(() => parseResponse(eventSchema, { ...EVENT, duration: "two hours" }, "GET e")).field).toBe(
      "duration",
    );
    expect(schemaError(() => parseResponse(eventSchema, { ...EVENT, attribute_Bad: { a: 1 } }, "GET e")).field).toBe(
      "attribute_Bad",
    );
  });

  it("embeds expanded instances as performances", () => {
    const instance = {
      id: "8801ABJDKGQJJPHNLQGQLLLRMHJSKRCGT",
      event: { id: EVENT.id },
      start: "2025-08-23T16:30:00",
      startUtc: "2025-08-23T21:30:00",
      isOnSale: true,
      cancelled: false,
    };
    const event = parseResponse(eventSchema, { ...EVENT, instances: [instance] }, "GET e");
    expect(event.performances?.[0]).toMatchObject({
      eventId: EVENT.id,
      startUtc: "2025-08-23T21:30:00.000Z",
      planId: null,
      priceListId: null,
      hasBestAvailableOverlay: false,
    });
  });
});

describe("performance schema", () => {
  const base = {
    id: "8801ABJDKGQJJPHNLQGQLLLRMHJSKRCGT",
    event: { id: EVENT.id },
    start: "2025-08-23T16:30:00",
    startUtc: "2025-08-23T21:30:00",
    isOnSale: true,
    cancelled: false,
  };
  it("accepts an event reference given as a bare id", () => {
    expect(parseResponse(performanceSchema, { ...base, event: EVENT.id }, "GET i").eventId).toBe(EVENT.id);
  });
  it("refuses to guess a missing cancelled flag or an invalid start", () => {
    const noCancelled: Record<string, unknown> = { ...base };
    delete noCancelled.cancelled;
    expect(schemaError(() => parseResponse(performanceSchema, noCancelled, "GET i")).field).toBe("cancelled");
    expect(schemaError(() => parseResponse(performanceSchema, { ...base, startUtc: "soon" }, "GET i")).field).toBe(
      "startUtc",
    );
    expect(schemaError(() => parseResponse(performanceSchema, { ...base, event: {} }, "GET i")).field).toMatch(
      /^event/,
    );
  });
});

describe("price list, availability, memberships, subscriptions", () => {
  it("keeps money as decimals and rejects non-numeric amounts", () => {
    const price = {
      id: "1AB",
      amount: 35.5,
      isBandDefault: true,
      ticketType: { id: "2AB", name: "Adult", attribute_Concession: false },
      priceBand: { id: "3AB", name: "Band A" },
    };
    expect(
      parseResponse(priceListSchema, { prices: [price, { ...price, amount: "12.00" }] }, "GET p").prices.map(
        (p) => p.amount,
      ),
    ).toEqual([35.5, 12]);
    expect(
      schemaError(() => parseResponse(priceListSchema, { prices: [{ ...price, amount: "£12" }] }, "GET p")).field,
    ).toBe("prices[0].amount");
  });

  it("sums visible locks and keeps child-plan areas", () => {
    const status = parseResponse(
      availabilitySchema,
      {
        available: 40,
        capacity: 100,
        wheelchairAvailable: 2,
        lockInfoAvailable: [{ quantity: 3, lockType: { name: "House" } }, { quantity: 2 }],
        areas: [{ id: "1A", name: "Stalls", available: 10 }],
      },
      "GET s",
    );
    expect(status).toMatchObject({
      available: 40,
      capacity: 100,
      wheelchairAvailable: 2,
      specialAvailable: null,
      locked: 5,
    });
    expect(status.areas).toEqual([{ id: "1A", name: "Stalls", available: 10, capacity: null }]);
    expect(schemaError(() => parseResponse(availabilitySchema, { available: -1, capacity: 100 }, "GET s")).field).toBe(
      "available",
    );
  });

  it("accepts either spelling of the membership renewal price", () => {
    expect(
      parseResponse(membershipTypeSchema, { id: "1A", name: "Friend", price: 50, renewal_price: 45 }, "GET m")
        .renewalPrice,
    ).toBe(45);
    expect(
      parseResponse(membershipTypeSchema, { id: "1A", name: "Friend", price: 50, renewalPrice: 40 }, "GET m")
        .renewalPrice,
    ).toBe(40);
  });

  it("gives id-less subscription structures a slug id", () => {
    const s = parseResponse(
      subscriptionSchema,
      {
        name: "Flex Pass – 6 Tickets",
        pricingSets: [{ id: "9A", name: "Standard", price: 120 }],
        onSaleWebChannelUtc: "2025-01-01T00:00:00Z",
      },
      "GET t",
    );
    expect(s).toMatchObject({ id: "flex-pass-6-tickets", onSaleUtc: "2025-01-01T00:00:00.000Z", offSaleUtc: null });
  });
});

describe("basket and customer", () => {
  it("maps an anonymous empty basket as the iframes report it", () => {
    const basket = parseResponse(
      basketSchema,
      {
        id: "B1",
        hash: "NotLoggedIn",
        customer: null,
        total: 0.0,
        totalDiscount: 0.0,
        tickets: [],
        donations: [],
        merchandiseItems: [],
        membershipSubscriptions: [],
        giftVouchers: [],
      },
      "GET basket",
    );
    expect(basket).toEqual({
      id: "B1",
      hash: "NotLoggedIn",
      customerId: null,
      promoCode: null,
      total: 0,
      totalDiscount: 0,
      tickets: [],
      donations: [],
      merchandise: [],
      memberships: [],
      giftVouchers: [],
      subscriptions: [],
      attributes: {},
    });
  });

  it("maps items and the attached customer", () => {
    const basket = parseResponse(
      basketSchema,
      {
        basketId: "B2",
        hash: "h2",
        customer: { id: "I-KS22-363P", firstName: "Ada" },
        total: 52.5,
        tickets: [
          {
            id: "T1",
            instance: { id: "8801AB" },
            event: { id: "4201AB" },
            band: { id: "3AB" },
            type: { id: "2AB" },
            seat: 53613,
            seatName: "A1",
            planId: "6241AN",
            price: 25,
            discount: 0,
            total: 26.25,
          },
        ],
        donations: [{ id: "D1", fund: { id: "7AB" }, amount: 10 }],
        merchandiseItems: [{ id: "M1", stockItem: { id: "5AB" }, price: 5, total: 5 }],
        membershipSubscriptions: [{ id: "S1", membership: { id: "6AB" }, autoRenew: true, price: 40, total: 40 }],
      },
      "GET baskets/B2",
    );
    expect(basket).toMatchObject({ id: "B2", customerId: "I-KS22-363P", totalDiscount: 0 });
    expect(basket.tickets[0]).toMatchObject({
      performanceId: "8801AB",
      ticketTypeId: "2AB",
      priceBandId: "3AB",
      seatId: "53613",
      total: 26.25,
    });
    expect(basket.donations[0]).toEqual({ id: "D1", fundId: "7AB", amount: 10 });
    expect(basket.memberships[0]).toMatchObject({ membershipId: "6AB", autoRenew: true });
  });

  it("requires a basket id and a total", () => {
    expect(schemaError(() => parseResponse(basketSchema, { total: 0 }, "GET basket")).field).toBe("id");
    expect(schemaError(() => parseResponse(basketSchema, { id: "B", tickets: [] }, "GET basket")).field).toBe("total");
  });

  it("maps a customer and finds the billing address", () => {
    const customer = parseResponse(
      customerSchema,
      {
        id: "I-8H22-22HV",
        firstName: "Ada",
        lastName: "Lovelace",
        name: "",
        email: "ada@example.org",
        title: "",
        mobile: null,
        billingAddress: { id: "A2", line1: "1 High St" },
        addresses: [
          { id: "A1", addressLine1: "9 Low Rd", town: "Leeds", postcode: "LS1 1AA", country: "GB", isDelivery: true },
          { id: "A2", line1: "1 High St", city: "York", postCode: "YO1 1AA", country: { name: "United Kingdom" } },
        ],
        creditBalance: 0,
        attribute_Newsletter: true,
      },
      "GET customer",
    );
    expect(customer).toMatchObject({
      name: "Ada Lovelace",
      title: null,
      billingAddressId: "A2",
      deliveryAddressId: "A1",
      attributes: { Newsletter: true },
    });
    expect(customer.addresses).toEqual([
      {
        id: "A1",
        line1: "9 Low Rd",
        line2: null,
        line3: null,
        town: "Leeds",
        county: null,
        postcode: "LS1 1AA",
        country: "GB",
        isBilling: false,
        isDelivery: true,
      },
      {
        id: "A2",
        line1: "1 High St",
        line2: null,
        line3: null,
        town: "York",
        county: null,
        postcode: "YO1 1AA",
        country: "United Kingdom",
        isBilling: true,
        isDelivery: false,
      },
    ]);
  });
});

describe("statements", () => {
  it("reads id and name, text when given (blank → null), and ignores other fields", () => {
    expect(
      parseResponse(
        z.array(statementSchema),
        [
          { id: "101ABC", name: " E-mail newsletter ", text: "Send me news", askInWeb: true },
          { id: "102ABC", name: "Post", text: "" },
          { id: "103ABC", name: "Partners" },
        ],
        "GET statements",
      ),
    ).toEqual([
      { id: "101ABC", name: "E-mail newsletter", text: "Send me news" },
      { id: "102ABC", name: "Post", text: null },
      { id: "103ABC", name: "Partners", text: null },
    ]);
  });
  it("fails the whole list on a statement without an id", () => {
    expect(() => parseResponse(z.array(statementSchema), [{ name: "No id" }], "GET statements")).toThrow(
      SpektrixSchemaError,
    );
  });
  it("reads agreed statements as ids or { id } references", () => {
    expect(parseResponse(agreedStatementsSchema, ["101ABC", { id: "102ABC" }], "POST agreed-statements")).toEqual([
      "101ABC",
      "102ABC",
    ]);
  });
});

describe("orders' payments and the customer-payment body", () => {
  it("reads payments by kind and leaves out one it cannot read, never failing the order", async () => {
    const { orderSchema } = await import("@/lib/spektrix/schemas");
    const order = orderSchema.parse({
      id: "9ABC",
      total: 40,
      payments: [
        { type: "Account Credit", amount: 5 },
        { type: { name: "Card" }, amount: "35.00" },
        { type: "Card" },
        "junk",
      ],
    });
    expect(order.payments).toEqual([
      { kind: "credit", type: "Account Credit", amount: 5 },
      { kind: "card", type: "Card", amount: 35 },
    ]);
    expect(orderSchema.parse({ id: "9ABC", total: 0 }).payments).toEqual([]);
  });

  it("asks Spektrix to spend account credit only when the member chose to", async () => {
    const { toWirePaymentRequest } = await import("@/lib/spektrix/client");
    const base = { originDomain: "tickets.example.org", billingAddressId: "A1", storeCard: false };
    expect(toWirePaymentRequest(base)).not.toHaveProperty("useAvailableCredit");
    expect(toWirePaymentRequest({ ...base, useAvailableCredit: false })).not.toHaveProperty("useAvailableCredit");
    expect(toWirePaymentRequest({ ...base, useAvailableCredit: true })).toMatchObject({ useAvailableCredit: "true" });
  });
});
