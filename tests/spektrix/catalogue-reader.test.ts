import { describe, expect, it } from "vitest";
import { createCatalogueReader } from "@/lib/spektrix/catalogue-reader";
import { SpektrixHttpError } from "@/lib/spektrix";

const EVENT = "101ABCDGHJKLMNPQRSTV";
const BOX_OFFICE_EVENT = "102ABCDGHJKLMNPQRSTV";
const SHOWN = "201ABCDGHJKLMNPQRSTV";
const HIDDEN = "202ABCDGHJKLMNPQRSTV";
const HIDDEN_TOO = "203ABCDGHJKLMNPQRSTV";

const instance = (id: string, event: string, hidden: boolean) => ({
  id,
  event: { id: event },
  start: "2026-12-01T19:30:00",
  startUtc: "2026-12-02T02:30:00Z",
  isOnSale: true,
  cancelled: false,
  planId: null,
  webInstanceId: null,
  ...(hidden ? { isVisibleOnWeb: false } : {}),
});
const event = (id: string, instances: ReturnType<typeof instance>[]) => ({
  id,
  name: `Event ${id.slice(0, 3)}`,
  isOnSale: true,
  instances,
});

const INSTANCES = [
  instance(SHOWN, EVENT, false),
  instance(HIDDEN, EVENT, true),
  instance(HIDDEN_TOO, BOX_OFFICE_EVENT, true),
];
const EVENTS = [event(EVENT, INSTANCES.slice(0, 2)), event(BOX_OFFICE_EVENT, INSTANCES.slice(2))];

/** An owner-mode Spektrix that returns box-office-only records too; it records what it was asked. */
function reader() {
  const calls: { url: string; signed: boolean }[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const url = new URL(String(input));
    const headers = new Headers(init?.headers);
    calls.push({
      url: url.pathname + url.search,
      signed: (headers.get("authorization") ?? "").startsWith("SpektrixAPI3 "),
    });
    const path = url.pathname.replace("/demo/api/v3/", "");
    const body =
      path === "events"
        ? EVENTS
        : path.startsWith("events/")
          ? EVENTS.find((e) => e.id === path.slice(7))
          : path === "instances"
            ? INSTANCES
            : path.startsWith("instances/")
              ? INSTANCES.find((i) => i.id === path.slice(10))
              : undefined;
    return new Response(JSON.stringify(body), {
      status: body ? 200 : 404,
      headers: { "content-type": "application/json" },
    });
  };
  const catalogue = createCatalogueReader({
    baseUrl: "https://tickets.example.org",
    clientName: "demo",
    owner: { apiUser: "u", apiKey: "a2V5" },
    fetch,
    retries: 0,
  });
  return { catalogue, calls };
}

describe("the server's catalogue reader", () => {
  it("signs every read (owner mode)", async () => {
    const { catalogue, calls } = reader();
    await catalogue.listEvents();
    await catalogue.listPerformances();
    expect(calls.length).toBe(2);
    expect(calls.every((c) => c.signed)).toBe(true);
  });

  it("lists only instances visible on the web, and events with at least one", async () => {
    const { catalogue, calls } = reader();
    expect((await catalogue.listPerformances()).map((p) => p.id)).toEqual([SHOWN]);
    const events = await catalogue.listEvents({ from: "2026-11-01", to: "2026-12-31" });
    expect(events.map((e) => e.id)).toEqual([EVENT]);
    // Instances were read to decide, but are not handed back unless asked for.
    expect(calls.at(-1)!.url).toContain("$expand=instances");
    expect(events[0]!.performances).toBeUndefined();
    const expanded = await catalogue.listEvents({ expandInstances: true });
    expect(expanded[0]!.performances!.map((p) => p.id)).toEqual([SHOWN]);
  });

  it("answers a box-office-only record by id as the web would: 404", async () => {
    const { catalogue } = reader();
    await expect(catalogue.getPerformance(HIDDEN)).rejects.toSatisfy(
      (e) => e instanceof SpektrixHttpError && e.status === 404,
    );
    await expect(catalogue.getEvent(BOX_OFFICE_EVENT)).rejects.toSatisfy(
      (e) => e instanceof SpektrixHttpError && e.status === 404,
    );
    expect((await catalogue.getPerformance(SHOWN)).id).toBe(SHOWN);
    expect((await catalogue.getEvent(EVENT)).id).toBe(EVENT);
  });
});
