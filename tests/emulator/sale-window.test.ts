import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../emulator/index";
import { formatWallClock } from "../../emulator/data/dates";
import { NOW, owner, sellableInstance, start, WebClient } from "./helpers";

/**
 * Spektrix's web sales keep to each performance's web sale window (`startSellingAtWebUtc` … `stopSellingAtWebUtc`),
 * so the emulator does too: a site that offered tickets outside it would meet the refusal only on a real system.
 */
let emu: RunningEmulator;
beforeAll(async () => {
  emu = await start({ shiftDates: true });
});
afterEach(() => emu.reset());
afterAll(() => emu.stop());

const HOUR = 3_600_000;

/** Moves one performance's web sale window relative to the emulator's clock (which starts at NOW). */
function setWindow(instanceId: string, opensInMs: number | null, closesInMs: number | null) {
  const instance = emu.state.instance(instanceId);
  const at = (offset: number | null) => (offset === null ? null : formatWallClock(NOW.getTime() + offset, true));
  instance.startSellingAtWebUtc = at(opensInMs);
  instance.stopSellingAtWebUtc = at(closesInMs);
}

async function addOne(web: WebClient, instance: { id: string }, typeId: string) {
  return web.call("POST", "basket/tickets", [{ instance: instance.id, type: typeId }]);
}

describe("the web sale window", () => {
  it("refuses tickets before web sales open and after they stop, adding nothing", async () => {
    const web = new WebClient(emu);
    const { instance, prices } = await sellableInstance(emu, web);
    const type = prices[0].ticketType.id;

    setWindow(instance.id, 2 * HOUR, 48 * HOUR);
    const early = await addOne(web, instance, type);
    expect(early.status).toBe(400);
    expect(await early.text()).toMatch(/not on sale yet/);

    setWindow(instance.id, -48 * HOUR, -HOUR);
    const late = await addOne(web, instance, type);
    expect(late.status).toBe(400);
    expect(await late.text()).toMatch(/no longer on sale online/);

    expect((await web.json("GET", "basket")).tickets).toHaveLength(0);
    const status = await web.json("GET", `instances/${instance.id}/status`);
    expect(status.inBasket ?? 0).toBe(0);

    // Inside the window (and with no bounds at all) the same add goes through.
    setWindow(instance.id, -HOUR, HOUR);
    expect((await addOne(web, instance, type)).status).toBe(200);
    setWindow(instance.id, null, null);
    expect((await addOne(web, instance, type)).status).toBe(200);
    expect((await web.json("GET", "basket")).tickets).toHaveLength(2);
  });

  it("holds owner-mode adds to the same window", async () => {
    const { instance, prices } = await sellableInstance(emu, new WebClient(emu));
    const basket = await (await owner(emu, "POST", "baskets", {})).json();
    setWindow(instance.id, -48 * HOUR, -HOUR);
    const res = await owner(emu, "POST", `baskets/${basket.id}/tickets`, [
      { instance: instance.id, type: prices[0].ticketType.id },
    ]);
    expect(res.status).toBe(400);
  });

  it("shows the reason on the seat page, with nothing to add, and refuses a form posted anyway", async () => {
    const web = new WebClient(emu);
    const { instance, prices } = await sellableInstance(emu, web);
    const shortId = /^\d+/.exec(instance.id)![0];
    const seats = `${emu.url}/${emu.clientName}/website/ChooseSeats.aspx?EventInstanceId=${shortId}`;
    setWindow(instance.id, -48 * HOUR, -HOUR);
    const html = await (await fetch(seats, { headers: { cookie: web.cookie } })).text();
    expect(html).toContain('<p class="NotOnSale">Tickets for this performance are no longer on sale online.</p>');
    expect(html).not.toMatch(/add (chosen seats )?to basket/i);
    const posted = await fetch(seats, {
      method: "POST",
      redirect: "manual",
      headers: { cookie: web.cookie, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ action: "add", instance: instance.id, [`type:${prices[0].ticketType.id}`]: "1" }),
    });
    expect(posted.status).toBe(400);
    expect((await web.json("GET", "basket")).tickets).toHaveLength(0);
  });
});
