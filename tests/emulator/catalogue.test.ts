import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadFixtures } from "../../emulator/data/load";
import { Catalogue, refId } from "../../emulator/data/catalogue";
import type { RunningEmulator } from "../../emulator/index";
import { FIXTURES, NOW, WebClient, owner, start } from "./helpers";

const ID = /^\d+A[BCDGHJKLMNPQRSTV]+$/;

describe("fixture loading", () => {
  const data = loadFixtures(FIXTURES);
  it("reads every file in both formats plus the samples", () => {
    expect(data.files).toEqual([
      "kaymeekcentre.event-instances.json",
      "manitobaopera.event-instances.json",
      "terrabrucemajestic.events.json",
      "artsdata-test-samples.py.txt",
    ]);
    // 57 Kay Meek + 12 Manitoba Opera events from rows, 16 raw Terra Bruce events.
    expect(data.events).toHaveLength(85);
    expect(data.instances).toHaveLength(100);
    expect(data.rawEventSources.size).toBe(16);
    expect(data.samplePlans).toHaveLength(4);
  });
  it("strips the instance_ prefix and publisher fields, keeps attributes, turns PT90M back into minutes", () => {
    const kaymeek = data.events.find((e) => e.id === "210001ABSLVMJVHHPMCPGQQVCTSKKVCVH")!;
    expect(kaymeek.duration).toBe(90);
    expect(kaymeek.attribute_Theatre).toBe("Grosvenor Theatre");
    expect(kaymeek).not.toHaveProperty("locations");
    expect(kaymeek).not.toHaveProperty("instance_id");
    const inst = data.instances.find((i) => i.id === "284401ALQBLGCMMGQSCQGQCLJTQDMHVRQ")!;
    expect(inst.event).toEqual({ id: "210001ABSLVMJVHHPMCPGQQVCTSKKVCVH" });
    expect(inst.startUtc).toBe("2025-10-25T02:30:00");
    expect(inst.planId).toBe("401ANPJQJQPQMRSBDNMVNLSPGTRBVQVRH");
  });
  it("builds venues from locations with a one-line address", () => {
    expect(data.venues.find((v) => v.id === "201AGBHDRLQHNHPHKKMPKLGPMDRDTDMVL")).toEqual({
      id: "201AGBHDRLQHNHPHKKMPKLGPMDRDTDMVL",
      name: "Kay Meek Arts Centre",
      address: "1700 Mathers Avenue, West Vancouver, BC V7V 2G7",
    });
  });
  it("derives the same catalogue twice (seeded) and instances for raw events", () => {
    const a = Catalogue.build(data, { shiftDates: false, now: NOW, seed: "s" });
    const b = Catalogue.build(data, { shiftDates: false, now: NOW, seed: "s" });
    expect([...a.instances.keys()]).toEqual([...b.instances.keys()]);
    expect(a.instances.size).toBeGreaterThan(100);
    const raw = a.instancesOf("18801AQTCDTTRMRJKMBPNNPMJSBLMGVQP");
    expect(raw.length).toBeGreaterThanOrEqual(2);
    expect(raw[0]!.start).toBe("2024-09-10T19:30:00");
    expect(raw[raw.length - 1]!.start).toBe("2024-09-15T14:00:00");
    for (const id of a.instances.keys()) expect(id).toMatch(ID);
  });
});

describe("price lists", () => {
  it("price every band of each instance's own plan, also where instances on different plans share a list", () => {
    const cat = Catalogue.build(loadFixtures(FIXTURES), { shiftDates: true, now: NOW, seed: "s" });
    const shared = new Map<string, Set<string>>();
    for (const instance of cat.instances.values()) {
      const listId = refId(instance.priceList);
      shared.set(listId, (shared.get(listId) ?? new Set()).add(String(instance.planId)));
      const bands = new Set(cat.priceListForInstance(instance).prices.map((p) => p.band.id));
      for (const band of cat.plan(String(instance.planId)).bands)
        expect(bands.has(band.id), `instance ${String(instance.id)} band ${band.id}`).toBe(true);
    }
    // The fixtures hold the case that went wrong: one list used on two plans.
    expect([...shared.values()].some((plans) => plans.size > 1)).toBe(true);
    // And a list is one thing whichever instance asks (the sync reads each list id once).
    const byList = new Map<string, unknown>();
    for (const instance of cat.instances.values()) {
      const list = cat.priceListForInstance(instance);
      expect(byList.get(list.id) ?? list).toBe(list);
      byList.set(list.id, list);
    }
  });

  it("come out the same whichever event sharing a list asks first", () => {
    const data = loadFixtures(FIXTURES);
    const contents = (order: "forward" | "backward") => {
      const cat = Catalogue.build(data, { shiftDates: true, now: NOW, seed: "s" });
      const instances = [...cat.instances.values()];
      if (order === "backward") instances.reverse();
      const lists = new Map<string, number[]>();
      for (const instance of instances) {
        const list = cat.priceListForInstance(instance);
        lists.set(
          list.id,
          list.prices.map((p) => p.amount).sort((a, b) => a - b),
        );
      }
      return Object.fromEntries([...lists].sort(([a], [b]) => a.localeCompare(b)));
    };
    expect(contents("backward")).toEqual(contents("forward"));
  });

  it("are free only when every event on the list says its lowest price is 0", () => {
    const cat = Catalogue.build(loadFixtures(FIXTURES), { shiftDates: true, now: NOW, seed: "s" });
    const eventsByList = new Map<string, Set<unknown>>();
    for (const instance of cat.instances.values()) {
      const listId = refId(instance.priceList);
      const lowest = cat.events.get(refId(instance.event))?.attribute_LowestPrice;
      eventsByList.set(listId, (eventsByList.get(listId) ?? new Set()).add(lowest));
    }
    // Kay Meek shares one list between a free talk and two shows that state no price: not free.
    expect([...eventsByList.values()].some((l) => l.has(0) && l.size > 1)).toBe(true);
    for (const instance of cat.instances.values()) {
      const stated = eventsByList.get(refId(instance.priceList))!;
      const free = [...stated].every((lowest) => lowest === 0);
      const amounts = cat.priceListForInstance(instance).prices.map((p) => p.amount);
      expect(
        amounts.every((a) => a === 0),
        `list ${refId(instance.priceList)}`,
      ).toBe(free);
    }
  });
});

describe("shiftDates", () => {
  it("moves each data file by its own whole number of days, its earliest performance a day or two after now", () => {
    const data = loadFixtures(FIXTURES);
    const cat = Catalogue.build(data, { shiftDates: true, now: NOW, seed: "s" });
    const files = [
      "kaymeekcentre.event-instances.json",
      "manitobaopera.event-instances.json",
      "terrabrucemajestic.events.json",
    ];
    expect([...cat.shifts.keys()].sort()).toEqual(files);
    // The captures are from different years, so one offset could not bring them all near now.
    expect(new Set(cat.shifts.values()).size).toBe(files.length);
    for (const [file, ms] of cat.shifts) {
      expect(ms % 86_400_000).toBe(0);
      const starts = [...cat.instances.values()]
        .filter((i) => data.eventFiles.get(refId(i.event)) === file)
        .map((i) => Date.parse(`${String(i.startUtc).replace("Z", "")}Z`));
      const ahead = Math.min(...starts) - NOW.getTime();
      expect(ahead, file).toBeGreaterThanOrEqual(86_400_000);
      expect(ahead, file).toBeLessThan(2 * 86_400_000);
    }
    const inst = cat.instances.get("284401ALQBLGCMMGQSCQGQCLJTQDMHVRQ")!;
    expect(String(inst.start).slice(11)).toBe("19:30:00");
    expect(Date.parse(`${inst.start}Z`) - Date.parse("2025-10-24T19:30:00Z")).toBe(
      cat.shifts.get("kaymeekcentre.event-instances.json"),
    );
    expect(String(inst.stopSellingAtWebUtc).endsWith("Z")).toBe(true);
  });
});

describe("catalogue endpoints (web and owner)", () => {
  let emu: RunningEmulator;
  let web: WebClient;
  beforeAll(async () => {
    emu = await start();
    web = new WebClient(emu);
  });
  afterAll(() => emu.stop());

  it("events: all, with camelCase fields and 33-character ids", async () => {
    const events = await web.json<any[]>("GET", "events");
    expect(events).toHaveLength(85);
    for (const e of events) {
      expect(e.id).toMatch(ID);
      expect(e.id).toHaveLength(33);
    }
    expect(events[0]).not.toHaveProperty("instances");
  });
  it("events with instanceStart_from/_to and $expand=instances", async () => {
    const events = await web.json<any[]>(
      "GET",
      "events?instanceStart_from=2025-10-24&instanceStart_to=2025-10-24&$expand=instances",
    );
    expect(events.map((e) => e.id)).toContain("210001ABSLVMJVHHPMCPGQQVCTSKKVCVH");
    for (const e of events) expect(e.instances.some((i: any) => i.start.startsWith("2025-10-24"))).toBe(true);
  });
  it("events/{id}, events/{id}/instances (snake_case), 404 for unknown", async () => {
    const e = await web.json("GET", "events/4201ASVGBHHRTVLQBSRVKDQCKNHHDCTSJ?$expand=instances");
    expect(e.name).toBe("2025 Lake of the Woods Concert");
    expect(e.instances).toHaveLength(1);
    const inst = await web.json<any[]>(
      "GET",
      "events/4201ASVGBHHRTVLQBSRVKDQCKNHHDCTSJ/instances?start_from=2025-08-24",
    );
    expect(inst).toHaveLength(0);
    const missing = await web.call("GET", "events/1ABCD");
    expect(missing.status).toBe(404);
    expect((await missing.json()).message).toMatch(/not found/);
  });
  it("instances: startFrom/startTo filter; start_from is ignored like the real API", async () => {
    const all = await web.json<any[]>("GET", "instances");
    const window = await web.json<any[]>("GET", "instances?startFrom=2025-10-01&startTo=2025-10-31");
    const ignored = await web.json<any[]>("GET", "instances?start_from=2025-10-01&start_to=2025-10-31");
    expect(window.length).toBeGreaterThan(0);
    expect(window.length).toBeLessThan(all.length);
    expect(ignored).toHaveLength(all.length);
    for (const i of window) expect(i.start >= "2025-10-01" && i.start < "2025-11-01").toBe(true);
  });
  it("instance, status, price-list, plan", async () => {
    const id = "284401ALQBLGCMMGQSCQGQCLJTQDMHVRQ";
    const inst = await web.json("GET", `instances/${id}`);
    expect(inst.event.id).toBe("210001ABSLVMJVHHPMCPGQQVCTSKKVCVH");
    const status = await web.json("GET", `instances/${id}/status`);
    expect(status.capacity).toBeGreaterThan(0);
    expect(status.available).toBeLessThanOrEqual(status.capacity);
    expect(status).not.toHaveProperty("sold");
    const ownerStatus = await (await owner(emu, "GET", `instances/${id}/status`)).json();
    expect(ownerStatus.sold).toBe(status.capacity - status.available);
    const list = await web.json("GET", `instances/${id}/price-list`);
    expect(list.prices.length).toBeGreaterThan(0);
    expect(list.prices[0]).toMatchObject({ isBandDefault: true, ticketType: { name: "Adult" } });
    expect(typeof list.prices[0].amount).toBe("number");
    const plan = await web.json("GET", `plans/${inst.planId}`);
    expect(plan.id).toBe(inst.planId);
    expect(plan.venue.id).toBe("201AGBHDRLQHNHPHKKMPKLGPMDRDTDMVL");
    expect(await web.json("GET", `instances/${id}/plan`)).toEqual(plan);
  });
  it("reserved plans carry real-shaped seats", async () => {
    const plans = await web.json<any[]>("GET", "plans");
    const reserved = plans.find((p) => p.type === "Reserved" && p.seats?.length > 20)!;
    expect(reserved.seats[0]).toMatchObject({
      row: "A",
      number: 1,
      previousSeatId: null,
      previousIsAcrossAisle: false,
    });
    expect(reserved.capacity).toBe(reserved.seats.length);
  });
  it("venues and venues/{id}", async () => {
    const venues = await web.json<any[]>("GET", "venues");
    expect(venues.length).toBeGreaterThanOrEqual(5);
    expect(await web.json("GET", "venues/201AGBHDRLQHNHPHKKMPKLGPMDRDTDMVL")).toMatchObject({
      name: "Kay Meek Arts Centre",
    });
    expect((await web.call("GET", "venues/999AB")).status).toBe(404);
  });
  it("demo catalogue: funds, memberships, gift voucher types, stock items, seating types, ticket subscriptions", async () => {
    const funds = await web.json<any[]>("GET", "funds");
    expect(funds.map((f) => f.name)).toEqual(["Annual Fund", "Youth Theatre", "Building Appeal"]);
    const memberships = await web.json<any[]>("GET", "memberships");
    expect(memberships[0]).toMatchObject({ name: "Friend", price: 40, renewalPrice: 35 });
    expect((await web.json<any[]>("GET", "gift-voucher-types"))[0].minimumAmount).toBe(5);
    const stock = await web.json<any[]>("GET", "stock-items");
    expect(stock[2]).toMatchObject({
      name: "Enamel Mug",
      price: 9.99,
      postageAndPacking: 3,
      attribute_Category: "Merchandise",
    });
    expect(await web.json<any[]>("GET", "seating-types")).toHaveLength(3);
    const subs = await web.json<any[]>("GET", "ticket-subscription-structures");
    expect(subs[0]).not.toHaveProperty("id");
    expect(subs[0].pricingSets[0]).toMatchObject({ name: "Full price", price: 96 });
    for (const x of [...funds, ...memberships, ...stock]) expect(x.id).toMatch(ID);
  });
  it("owner mode reads the same catalogue", async () => {
    const res = await owner(emu, "GET", "events");
    expect(res.status).toBe(200);
    expect(await res.json()).toHaveLength(85);
  });
  it("unknown paths get a JSON 404", async () => {
    const res = await web.call("GET", "no-such-thing");
    expect(res.status).toBe(404);
    expect(await res.json()).toHaveProperty("message");
  });
});
