import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../emulator/index";
import { shortId } from "../../emulator/random";
import { start, WebClient } from "./helpers";

/**
 * The seat map on the ChooseSeats stand-in, for a reserved single-area plan chosen by state (on sale, seats left):
 * what it shows for each seat, that picking seats holds exactly those, that the server refuses a seat the map
 * would not offer, and that best available still sits beside it.
 */
let emu: RunningEmulator;
beforeAll(async () => {
  emu = await start({ shiftDates: true });
});
afterAll(() => emu.stop());
beforeEach(() => emu.reset());

interface SeatJson {
  id: string;
  name: string;
  row: string;
  number: number;
}

async function reservedPerformance(web: WebClient) {
  for (const instance of await web.json<any[]>("GET", "instances")) {
    if (!instance.isOnSale || instance.cancelled) continue;
    const plan = await web.json("GET", `instances/${instance.id}/plan`);
    if (plan.type !== "Reserved" || plan.areas.length || !plan.seats?.length) continue;
    const status = await web.json("GET", `instances/${instance.id}/status`);
    if (status.available < 10) continue;
    const prices = (await web.json("GET", `instances/${instance.id}/price-list`)).prices as any[];
    if (prices.every((p) => p.amount === 0)) continue;
    return { instance, seats: plan.seats as SeatJson[], prices };
  }
  throw new Error("no reserved single-area performance on sale");
}

/** A page request in `web`'s session (the iframe and the API share it), answering status and HTML. */
async function page(web: WebClient, instanceId: string, form?: Record<string, string>) {
  const res = await fetch(`${emu.url}/demo/website/ChooseSeats.aspx?EventInstanceId=${shortId(instanceId)}`, {
    method: form ? "POST" : "GET",
    redirect: "manual",
    headers: {
      ...(web.cookie ? { cookie: web.cookie } : {}),
      ...(form ? { "content-type": "application/x-www-form-urlencoded" } : {}),
    },
    body: form ? new URLSearchParams(form).toString() : undefined,
  });
  const set = res.headers.get("set-cookie");
  if (set) web.cookie = set.split(";")[0]!;
  return { status: res.status, html: await res.text() };
}

/** The map's checkbox for one seat: its accessible name and whether it can be chosen. */
function seatInput(html: string, seatId: string): { label: string; disabled: boolean } {
  const tag = new RegExp(`<input type="checkbox" name="seat:${seatId}"[^>]*>`).exec(html)?.[0];
  if (!tag) throw new Error(`seat ${seatId} is not on the map`);
  return { label: /aria-label="([^"]*)"/.exec(tag)![1]!, disabled: / disabled\b/.test(tag) };
}

const free = (sold: Set<string>) => (s: SeatJson) => !sold.has(s.id);

describe("ChooseSeats for a reserved plan", () => {
  it("shows every seat with its state: available with its price, sold, held in another basket, in your basket, locked", async () => {
    const web = new WebClient(emu);
    const { instance, seats, prices } = await reservedPerformance(web);
    const a = emu.state.catalogue.availabilityOf(instance.id);
    const open = seats.filter(free(a.soldSeats));
    const [mine, theirs, another] = open;
    // Someone else holds one seat; this visitor holds another.
    const other = new WebClient(emu);
    const type = prices[0].ticketType.id;
    await other.json("POST", "basket/tickets", [{ instance: instance.id, type, seat: theirs!.id }]);
    await web.json("POST", "basket/tickets", [{ instance: instance.id, type, seat: mine!.id }]);
    // Two house seats: the last free ones in plan order.
    emu.state.setLocked(instance.id, 2);
    const locked = seats.filter((s) => !a.soldSeats.has(s.id) && s !== mine && s !== theirs).slice(-2);

    const { status, html } = await page(web, instance.id);
    expect(status).toBe(200);
    expect(html).toContain("Stage");
    expect(html).toContain('aria-label="Key to the seating plan"');
    // Every seat of the plan is on the map, exactly once.
    expect(html.match(/name="seat:/g)).toHaveLength(seats.length);
    const row = (s: SeatJson) => `Row ${s.row}, seat ${s.number}`;
    expect(seatInput(html, mine!.id)).toEqual({ label: `${row(mine!)}, already in your basket`, disabled: true });
    expect(seatInput(html, theirs!.id)).toEqual({ label: `${row(theirs!)}, held in another basket`, disabled: true });
    for (const s of locked) expect(seatInput(html, s.id)).toEqual({ label: `${row(s)}, not on sale`, disabled: true });
    const sold = seats.find((s) => a.soldSeats.has(s.id));
    if (sold) expect(seatInput(html, sold.id)).toEqual({ label: `${row(sold)}, sold`, disabled: true });
    // A free seat is named with its price for the first ticket type in its band, as the price list has it.
    const band = emu.state.catalogue.plan(String(instance.planId)).seats!.find((s) => s.id === another!.id)!.bandId;
    const price = prices.find((p) => p.ticketType.id === type && p.priceBand.id === band)!.amount as number;
    expect(seatInput(html, another!.id)).toEqual({
      label: `${row(another!)}, $${price.toFixed(2)}`,
      disabled: false,
    });
    // Best available is still there, and says what it does.
    expect(html).toMatch(/<h2 id="spx-best-heading">Best available<\/h2>/);
    expect(html).toContain("we pick the best free seats for you");
    expect(html).toMatch(/<input type="number"[^>]*name="type:/);
  });

  it("books exactly the seats chosen, with the ticket type chosen, and holds them as the API does", async () => {
    const web = new WebClient(emu);
    const { instance, seats, prices } = await reservedPerformance(web);
    const a = emu.state.catalogue.availabilityOf(instance.id);
    // Two seats from the back, which best available would not pick.
    const chosen = seats.filter(free(a.soldSeats)).slice(-2);
    const type = prices[prices.length - 1].ticketType;
    const before = await web.json("GET", `instances/${instance.id}/status`);
    const add = await page(web, instance.id, {
      action: "seats",
      instance: instance.id,
      type: type.id,
      ...Object.fromEntries(chosen.map((s) => [`seat:${s.id}`, "1"])),
    });
    expect(add.status).toBe(303);
    const basket = await web.json("GET", "basket");
    expect(basket.tickets.map((t: any) => [t.seat?.id, t.seatName, t.type.id]).sort()).toEqual(
      chosen.map((s) => [s.id, s.name, type.id]).sort(),
    );
    expect((await web.json("GET", `instances/${instance.id}/status`)).available).toBe(before.available - 2);
    // Another visitor cannot have them, through the map or the API.
    const other = new WebClient(emu);
    expect(seatInput((await page(other, instance.id)).html, chosen[0]!.id).disabled).toBe(true);
    expect(
      (await other.call("POST", "basket/tickets", [{ instance: instance.id, type: type.id, seat: chosen[0]!.id }]))
        .status,
    ).toBe(409);
  });

  it("refuses a sold, held or locked seat even from a forged form, and adds nothing", async () => {
    const web = new WebClient(emu);
    const { instance, seats, prices } = await reservedPerformance(web);
    const a = emu.state.catalogue.availabilityOf(instance.id);
    const open = seats.filter(free(a.soldSeats));
    const type = prices[0].ticketType.id;
    const other = new WebClient(emu);
    await other.json("POST", "basket/tickets", [{ instance: instance.id, type, seat: open[0]!.id }]);
    emu.state.setLocked(instance.id, 1);
    const lockedSeat = open[open.length - 1]!;
    a.soldSeats.add(open[1]!.id);
    a.soldCount++;
    for (const taken of [open[0]!, open[1]!, lockedSeat]) {
      const res = await page(web, instance.id, {
        action: "seats",
        instance: instance.id,
        type,
        [`seat:${open[2]!.id}`]: "1",
        [`seat:${taken.id}`]: "1",
      });
      expect(res.status).toBe(400);
      expect(res.html).toContain(`Seat ${taken.name} is not available.`);
    }
    const unknown = await page(web, instance.id, { action: "seats", instance: instance.id, type, "seat:1": "1" });
    expect(unknown.status).toBe(400);
    const none = await page(web, instance.id, { action: "seats", instance: instance.id, type });
    expect(none.html).toContain("Choose at least one seat on the plan.");
    expect((await web.json("GET", "basket")).tickets).toHaveLength(0);
  });

  it("still books best available by quantity, taking the first free seats", async () => {
    const web = new WebClient(emu);
    const { instance, seats, prices } = await reservedPerformance(web);
    const a = emu.state.catalogue.availabilityOf(instance.id);
    const add = await page(web, instance.id, {
      action: "add",
      instance: instance.id,
      [`type:${prices[0].ticketType.id}`]: "2",
    });
    expect(add.status).toBe(303);
    const tickets = (await web.json("GET", "basket")).tickets as any[];
    expect(tickets.map((t) => t.seat.id)).toEqual(
      seats
        .filter(free(a.soldSeats))
        .slice(0, 2)
        .map((s) => s.id),
    );
  });

  it("shows no map for an unreserved plan, and only the reserved area's seats for a multi-area plan", async () => {
    const web = new WebClient(emu);
    let unreserved: string | null = null;
    let multi: { id: string; areas: any[] } | null = null;
    for (const instance of await web.json<any[]>("GET", "instances")) {
      if (!instance.isOnSale || instance.cancelled) continue;
      const plan = await web.json("GET", `instances/${instance.id}/plan`);
      if (plan.type === "Unreserved") unreserved ??= instance.id;
      else if (plan.areas.length > 1) multi ??= { id: instance.id, areas: plan.areas };
      if (unreserved && multi) break;
    }
    const general = await page(web, unreserved!);
    expect(general.html).not.toContain("Pick your seats");
    expect(general.html).toMatch(/<input type="number"/);
    const areaPage = async (type: string) => {
      const area = multi!.areas.find((x) => x.type === type);
      const res = await fetch(
        `${emu.url}/demo/website/ChooseSeats.aspx?EventInstanceId=${shortId(multi!.id)}&SeatingAreaId=${shortId(area.id)}`,
        { headers: { cookie: web.cookie } },
      );
      return res.text();
    };
    expect(await areaPage("Unreserved")).not.toContain("Pick your seats");
    const seated = await areaPage("Reserved");
    expect(seated).toContain("Pick your seats");
    expect(seated).toMatch(/name="area" value="[^"]+"/);
  });
});
