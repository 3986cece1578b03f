import { describe, expect, it } from "vitest";
import {
  acceptSpektrixMessage,
  countBasketItems,
  isTrustedOrigin,
  parseSpektrixMessage,
} from "@/lib/spektrix/iframe-messages";

const SPEKTRIX = "https://tickets.venue.org";

describe("isTrustedOrigin", () => {
  it("accepts exactly the configured Spektrix origin, ignoring case and default ports", () => {
    expect(isTrustedOrigin("https://tickets.venue.org", SPEKTRIX)).toBe(true);
    expect(isTrustedOrigin("https://TICKETS.venue.org:443", SPEKTRIX)).toBe(true);
    expect(isTrustedOrigin("http://127.0.0.1:4110", "http://127.0.0.1:4110/")).toBe(true);
  });

  it("rejects other origins, look-alikes, other schemes and ports, and null origins", () => {
    for (const origin of [
      "https://evil.example",
      "https://tickets.venue.org.evil.example",
      "https://eviltickets.venue.org",
      "http://tickets.venue.org",
      "https://tickets.venue.org:8443",
      "https://system.spektrix.com",
      "null",
      "",
      "javascript:alert(1)",
    ]) {
      expect(isTrustedOrigin(origin, SPEKTRIX), origin).toBe(false);
    }
    expect(isTrustedOrigin(null, SPEKTRIX)).toBe(false);
    expect(isTrustedOrigin(undefined, SPEKTRIX)).toBe(false);
  });
});

describe("parseSpektrixMessage", () => {
  it("reads no height: resizing is Spektrix's integrate.js, talking to its own pages in its own format", () => {
    for (const data of [
      { type: "resize", height: 812 },
      '{"spektrixHeight":"640px"}',
      { iframeHeight: 500 },
      JSON.stringify({ type: "spektrix:resize", height: 900 }),
    ])
      expect(parseSpektrixMessage(data)).toEqual([]);
  });

  it("reads Spektrix's flow-scroll offset", () => {
    expect(parseSpektrixMessage('{"spektrixOffset": 120}')).toEqual([{ kind: "scroll", offset: 120 }]);
  });

  it("reads the basket contents and hash posted on every load", () => {
    const contents = {
      tickets: [{ id: "t1" }, { id: "t2" }],
      donations: [{ id: "d1" }],
      merchandiseItems: [],
      membershipSubscriptions: [],
      giftVouchers: [],
      hash: "abc",
    };
    expect(parseSpektrixMessage({ basketContents: contents })).toEqual([
      { kind: "basket-contents", contents, itemCount: 3, hasCustomer: null },
    ]);
    expect(parseSpektrixMessage({ basketHash: "NotLoggedIn" })).toEqual([{ kind: "basket-hash", hash: "NotLoggedIn" }]);
    expect(parseSpektrixMessage(JSON.stringify({ basketContents: JSON.stringify(contents) }))[0]).toMatchObject({
      kind: "basket-contents",
      itemCount: 3,
    });
  });

  it("says whether the frame's basket names a customer (signed in on Spektrix)", () => {
    const empty = { tickets: [], hash: "h" };
    expect(parseSpektrixMessage({ basketContents: { ...empty, customer: { id: "I-AB12-CD34" } } })[0]).toMatchObject({
      itemCount: 0,
      hasCustomer: true,
    });
    expect(parseSpektrixMessage({ basketContents: { ...empty, customer: null } })[0]).toMatchObject({
      hasCustomer: false,
    });
    expect(parseSpektrixMessage({ basketContents: empty })[0]).toMatchObject({ hasCustomer: null });
  });

  it("reads navigation inside the frame", () => {
    expect(parseSpektrixMessage({ type: "load", page: "ChooseSeats" })).toEqual([
      { kind: "load", page: "ChooseSeats" },
    ]);
  });

  it("ignores anything else without throwing", () => {
    for (const data of [
      null,
      undefined,
      42,
      "hello",
      "{not json",
      [],
      { height: 300 },
      { type: "resize" },
      { type: "resize", height: "tall" },
      { basketHash: 7 },
      { spektrixOffset: "x" },
    ]) {
      expect(parseSpektrixMessage(data), JSON.stringify(data) ?? String(data)).toEqual([]);
    }
  });

  it("counts items across every basket list", () => {
    expect(countBasketItems({ tickets: [1], giftVouchers: [1, 2], ticketSubscriptions: [1] })).toBe(4);
    expect(countBasketItems({ total: 0 })).toBeNull();
  });
});

describe("acceptSpektrixMessage", () => {
  const frame = { name: "the spektrix frame" };

  it("passes messages from the Spektrix origin and the embedded frame", () => {
    expect(
      acceptSpektrixMessage(
        { origin: SPEKTRIX, data: { spektrixOffset: 90 }, source: frame },
        { spektrixOrigin: SPEKTRIX, frameWindow: frame },
      ),
    ).toEqual([{ kind: "scroll", offset: 90 }]);
  });

  it("ignores messages from other origins, even well-formed ones", () => {
    expect(
      acceptSpektrixMessage(
        { origin: "https://evil.example", data: { spektrixOffset: 90 }, source: frame },
        { spektrixOrigin: SPEKTRIX, frameWindow: frame },
      ),
    ).toEqual([]);
    expect(
      acceptSpektrixMessage(
        { origin: "https://evil.example", data: { basketHash: "x" } },
        { spektrixOrigin: SPEKTRIX },
      ),
    ).toEqual([]);
  });

  it("ignores messages from another Spektrix frame on the page", () => {
    expect(
      acceptSpektrixMessage(
        { origin: SPEKTRIX, data: { spektrixOffset: 90 }, source: { other: true } },
        { spektrixOrigin: SPEKTRIX, frameWindow: frame },
      ),
    ).toEqual([]);
  });
});

describe("Spektrix's prefixed load messages", () => {
  it('reads "basketContents:" + JSON and "basketHash:" + hash strings', () => {
    const basket = {
      tickets: [{ id: "t1" }],
      donations: [],
      merchandiseItems: [],
      membershipSubscriptions: [],
      giftVouchers: [],
      hash: "h1",
    };
    expect(parseSpektrixMessage(`basketContents:${JSON.stringify(basket)}`)).toEqual([
      { kind: "basket-contents", contents: basket, itemCount: 1, hasCustomer: null },
    ]);
    expect(parseSpektrixMessage("basketHash:NotLoggedIn")).toEqual([{ kind: "basket-hash", hash: "NotLoggedIn" }]);
    expect(parseSpektrixMessage("basketContents:{broken")).toEqual([]);
  });
});
