import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../emulator/index";
import { shortId } from "../../emulator/random";
import { start, WebClient } from "./helpers";

/**
 * Multi-area plans, as real venues have them: a reserved area (seats) beside an unreserved one (a capacity and one
 * price band). Chosen by state: the first on-sale performance whose plan has areas.
 */
let emu: RunningEmulator;
beforeAll(async () => {
  emu = await start({ shiftDates: true });
});
afterAll(() => emu.stop());
beforeEach(() => emu.reset());

interface AreaJson {
  id: string;
  name: string;
  type: string;
  capacity: number;
}

async function multiAreaPerformance(web: WebClient) {
  for (const instance of await web.json<any[]>("GET", "instances")) {
    if (!instance.isOnSale || instance.cancelled) continue;
    const plan = await web.json<{ areas: AreaJson[]; capacity: number }>("GET", `instances/${instance.id}/plan`);
    if (plan.areas.length < 2) continue;
    const prices = (await web.json("GET", `instances/${instance.id}/price-list`)).prices as any[];
    return { instance, plan, prices };
  }
  throw new Error("no multi-area performance on sale");
}

describe("multi-area plans", () => {
  it("list their areas, reserved and unreserved, and their capacities add up to the plan's", async () => {
    const { plan } = await multiAreaPerformance(new WebClient(emu));
    expect(plan.areas.map((a) => a.type).sort()).toEqual(["Reserved", "Unreserved"]);
    expect(plan.areas.reduce((sum, a) => sum + a.capacity, 0)).toBe(plan.capacity);
  });

  it("report each area's places with includeChildPlans, and the whole plan's without", async () => {
    const web = new WebClient(emu);
    const { instance, plan } = await multiAreaPerformance(web);
    const whole = await web.json("GET", `instances/${instance.id}/status`);
    expect(whole.areas).toBeUndefined();
    const byArea = await web.json("GET", `instances/${instance.id}/status?includeChildPlans=true`);
    expect(byArea.areas.map((a: any) => a.id)).toEqual(plan.areas.map((a) => a.id));
    expect(byArea.areas.reduce((sum: number, a: any) => sum + a.available, 0)).toBe(whole.available);
  });

  it("sell unreserved places in the area asked for, at its band's price, and count them against that area only", async () => {
    const web = new WebClient(emu);
    const { instance, plan, prices } = await multiAreaPerformance(web);
    const standing = plan.areas.find((a) => a.type === "Unreserved")!;
    const seated = plan.areas.find((a) => a.type === "Reserved")!;
    const before = await web.json("GET", `instances/${instance.id}/status?includeChildPlans=true`);
    const type = prices[0].ticketType.id;
    const tickets = await web.json<any[]>("POST", "basket/tickets", [
      { instance: instance.id, type, seatingPlan: standing.id },
      { instance: instance.id, type, seatingPlan: standing.id },
    ]);
    expect(tickets.map((t) => [t.planId, t.planName, t.seat ?? null])).toEqual([
      [standing.id, standing.name, null],
      [standing.id, standing.name, null],
    ]);
    const after = await web.json("GET", `instances/${instance.id}/status?includeChildPlans=true`);
    const areaOf = (status: any, id: string) => status.areas.find((a: any) => a.id === id).available;
    expect(areaOf(after, standing.id)).toBe(areaOf(before, standing.id) - 2);
    expect(areaOf(after, seated.id)).toBe(areaOf(before, seated.id));
    expect(after.available).toBe(before.available - 2);
    // A seated ticket in the same plan gets a seat in the reserved area.
    const [inStalls] = await web.json<any[]>("POST", "basket/tickets", [
      { instance: instance.id, type, seatingPlan: seated.id },
    ]);
    expect(inStalls.planId).toBe(seated.id);
    expect(inStalls.seatName).toMatch(/^[A-Z]\d+$/);
  });

  it("refuse an area that is not part of the plan, changing nothing", async () => {
    const web = new WebClient(emu);
    const { instance, prices } = await multiAreaPerformance(web);
    const res = await web.call("POST", "basket/tickets", [
      { instance: instance.id, type: prices[0].ticketType.id, seatingPlan: "999999ABCDEFGHJKLMNPQRSTVW" },
    ]);
    expect(res.status).toBe(400);
    expect((await web.json("GET", "basket")).tickets).toHaveLength(0);
  });

  it("an area sold out refuses more, while the other area still sells", async () => {
    const web = new WebClient(emu);
    const { instance, plan, prices } = await multiAreaPerformance(web);
    const standing = plan.areas.find((a) => a.type === "Unreserved")!;
    const status = await web.json("GET", `instances/${instance.id}/status?includeChildPlans=true`);
    const left = status.areas.find((a: any) => a.id === standing.id).available as number;
    const type = prices[0].ticketType.id;
    for (let added = 0; added < left; added += 10) {
      const batch = Math.min(10, left - added);
      await web.json(
        "POST",
        "basket/tickets",
        Array.from({ length: batch }, () => ({ instance: instance.id, type, seatingPlan: standing.id })),
      );
    }
    const more = await web.call("POST", "basket/tickets", [{ instance: instance.id, type, seatingPlan: standing.id }]);
    expect(more.status).toBe(409);
    const seated = plan.areas.find((a) => a.type === "Reserved")!;
    expect(
      (await web.call("POST", "basket/tickets", [{ instance: instance.id, type, seatingPlan: seated.id }])).status,
    ).toBe(200);
  });

  it("the seat-choice page asks for an area first, then sells in it", async () => {
    const web = new WebClient(emu);
    const { instance, plan } = await multiAreaPerformance(web);
    const page = async (query: string) =>
      (
        await fetch(`${emu.url}/demo/website/ChooseSeats.aspx?EventInstanceId=${shortId(instance.id)}${query}`, {
          headers: { cookie: web.cookie },
        })
      ).text();
    const choice = await page("&resize=true");
    for (const area of plan.areas) {
      expect(choice).toContain(`>${area.name}</a>`);
      expect(choice).toContain(`SeatingAreaId=${shortId(area.id)}&resize=true`);
    }
    const standing = plan.areas.find((a) => a.type === "Unreserved")!;
    const form = await page(`&SeatingAreaId=${shortId(standing.id)}`);
    expect(form).toContain(`name="area" value="${standing.id}"`);
    expect(form).toContain("Unreserved");
  });
});
