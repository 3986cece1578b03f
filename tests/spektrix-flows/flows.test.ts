import { describe, expect, it } from "vitest";
import { FLOW_NAMES, flowSrc } from "@/lib/spektrix-flows/flows";
import { parseShortId } from "@/lib/spektrix/ids";

const base = { baseUrl: "https://tickets.venue.org", clientName: "lyric" };

describe("flowSrc", () => {
  it("builds every flow with resize=true as the last parameter", () => {
    for (const flow of FLOW_NAMES) {
      const result = flowSrc({
        ...base,
        flow,
        params: { id: "4201ASVGBHHRTVLQBSRVKDQCKNHHDCTSJ" },
        stylesheet: "lyric.css",
      });
      expect(result.ok, flow).toBe(true);
      if (result.ok) {
        expect(result.src.startsWith("https://tickets.venue.org/lyric/website/"), flow).toBe(true);
        expect(result.src.endsWith("resize=true"), flow).toBe(true);
        expect(result.src, flow).toContain("stylesheet=lyric.css");
      }
    }
  });

  it("passes only the leading integer of a v3 id to iframes", () => {
    const result = flowSrc({ ...base, flow: "chooseSeats", params: { id: "4201ASVGBHHRTVLQBSRVKDQCKNHHDCTSJ" } });
    expect(result).toMatchObject({
      ok: true,
      src: "https://tickets.venue.org/lyric/website/ChooseSeats.aspx?EventInstanceId=4201&resize=true",
    });
    expect(flowSrc({ ...base, flow: "eventDetails", params: { id: 77 } })).toMatchObject({
      ok: true,
      src: expect.stringContaining("EventDetails.aspx?EventId=77&"),
    });
  });

  it("uses the secure pages for account, login and checkout", () => {
    expect(flowSrc({ ...base, flow: "myAccount", params: { screen: "Orders" } })).toMatchObject({
      src: expect.stringContaining("/website/secure/MyAccount.aspx?Screen=Orders&resize=true"),
    });
    expect(flowSrc({ ...base, flow: "loginLogout" })).toMatchObject({
      src: expect.stringContaining("/website/secure/LoginLogout.aspx"),
    });
    expect(flowSrc({ ...base, flow: "checkout" })).toMatchObject({
      src: expect.stringContaining("/website/secure/Checkout.aspx"),
    });
  });

  it("explains misconfigured blocks instead of throwing", () => {
    expect(flowSrc({ ...base, flow: "chooseSeats" })).toMatchObject({
      ok: false,
      problem: expect.stringContaining("needs a Spektrix performance id"),
    });
    expect(flowSrc({ ...base, flow: "chooseSeats", params: { id: "../../etc" } })).toMatchObject({
      ok: false,
      problem: expect.stringContaining("“../../etc”"),
    });
    expect(flowSrc({ ...base, flow: "seatPicker" })).toMatchObject({
      ok: false,
      flow: null,
      problem: expect.stringContaining("is not a Spektrix flow"),
    });
    expect(flowSrc({ ...base, flow: "myAccount", params: { screen: "x&y=1" } })).toMatchObject({ ok: false });
    expect(flowSrc({ ...base, flow: "toString" })).toMatchObject({ ok: false });
  });

  it("sends no stylesheet when none is configured", () => {
    expect(flowSrc({ ...base, flow: "basket", stylesheet: null })).toMatchObject({
      src: "https://tickets.venue.org/lyric/website/Basket2.aspx?resize=true",
    });
  });
});

describe("parseShortId", () => {
  it("keeps digits before the A, and rejects anything else", () => {
    expect(parseShortId("1234AB")).toBe("1234");
    expect(parseShortId(" 99 ")).toBe("99");
    expect(parseShortId("0123")).toBeNull();
    expect(parseShortId("12a")).toBeNull();
    expect(parseShortId("")).toBeNull();
    expect(parseShortId(null)).toBeNull();
  });
});

describe("the subscriptions flow", () => {
  it("frames Spektrix's subscriptions page, which has no .aspx, resizing last", () => {
    const result = flowSrc({ baseUrl: "https://tickets.venue.org", clientName: "lyric", flow: "ticketSubscriptions" });
    expect(result).toMatchObject({
      ok: true,
      src: "https://tickets.venue.org/lyric/website/TicketSubscriptions?resize=true",
    });
  });
});
