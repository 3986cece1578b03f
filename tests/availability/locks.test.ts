import { afterAll, describe, expect, it, vi } from "vitest";

/**
 * Seats held back by locks (house seats, member priority) are counted in Spektrix's `available` but cannot be
 * bought on the web. The site's live counts, read from the emulator in owner mode, must leave them out, or a
 * performance whose remaining seats are all locked would show as on sale.
 */

vi.mock("server-only", () => ({}));

const { startEmulator } = await import("../../emulator/index");
const emu = await startEmulator({ port: 0, clientName: "demo", shiftDates: true, control: true });
const { pointSiteAtEmulator } = await import("../checkout/helpers");
pointSiteAtEmulator(emu);
const { availabilityCache } = await import("@/lib/availability/service");
const { availabilityState } = await import("@/lib/availability/state");

afterAll(() => emu.stop());

/** An instance on sale with at least 10 seats free, chosen by state. */
function roomyInstance(): string {
  for (const [id, instance] of emu.state.catalogue.instances) {
    if (instance.isOnSale !== true || instance.cancelled === true) continue;
    const status = emu.state.status(id, null, true) as { available: number };
    if (status.available >= 10) return id;
  }
  throw new Error("no instance with 10 free seats");
}

const patch = (id: string, body: object) =>
  fetch(`${emu.url}/__control/instances/${id}`, {
    method: "PATCH",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

/**
 * The site's live count for one performance, read fresh. The site gives the upstream read 2.5 s and shows
 * "unknown" (null) when it runs out, by design; a cold first owner-mode call on a loaded CI machine can take
 * that long, so a null is read again (at most three times) rather than taken as the count.
 */
async function freshCounts(id: string) {
  for (let attempt = 0; ; attempt++) {
    const cache = await availabilityCache();
    cache.clear();
    const live = (await cache.getMany([id])).get(id) ?? null;
    if (live || attempt === 2) return live;
  }
}

describe("live counts and seat locks", () => {
  it("leave locked seats out of what a visitor can buy", async () => {
    const id = roomyInstance();
    expect((await patch(id, { locked: 4, available: 6 })).ok).toBe(true);
    // Spektrix's own figure still counts the locked seats.
    expect((emu.state.status(id, null, true) as { available: number }).available).toBe(10);
    expect(await freshCounts(id)).toMatchObject({ available: 6 });

    // Every remaining seat locked: sold out to the public.
    expect((await patch(id, { locked: 6, available: 0 })).ok).toBe(true);
    const live = (await freshCounts(id))!;
    expect(live.available).toBe(0);
    const facts = { id, startsAt: new Date(Date.now() + 86_400_000).toISOString(), cancelled: false, isOnSale: true };
    expect(
      availabilityState({ ...facts, sellFrom: null, sellUntil: null }, live, { now: new Date(), threshold: 10 }),
    ).toMatchObject({ state: "soldOut" });
  });

  it("the emulator refuses to sell a locked seat on the web", async () => {
    const id = roomyInstance();
    await patch(id, { locked: 3, available: 0 });
    const prices = emu.state.catalogue.priceListForInstance(emu.state.catalogue.instances.get(id)!).prices;
    const basket = emu.state.newBasket(null);
    expect(() =>
      emu.state.addTickets(basket, [{ instance: id, type: prices[0]!.ticketType.id, attributes: {} }]),
    ).toThrow(/not enough seats/i);
  });
});
