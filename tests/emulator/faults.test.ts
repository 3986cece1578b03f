import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../emulator/index";
import { BROWSER_HEADERS, FIXTURES, start } from "./helpers";

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await start();
});
afterAll(() => emu.stop());
beforeEach(() => emu.reset());

/** Web-mode reads as the site's browser makes them (the emulator bot-blocks anything else). */
const get = (path: string, init?: RequestInit) =>
  fetch(`${emu.apiBase}/${path}`, { ...init, headers: { ...BROWSER_HEADERS, ...init?.headers } });
const control = (method: string, path: string, body?: unknown) =>
  fetch(`${emu.url}/__control/${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

describe("faults (programmatic)", () => {
  it("latency delays matching requests only, count times", async () => {
    // Which requests the fault touched is read from its hit count, not from a stopwatch: a loaded machine
    // makes every request slow, so only the lower bound of the delayed one is a fair timing check.
    const id = emu.faults.add({ type: "latency", path: "events", latencyMs: 300, count: 1 });
    const rule = () => emu.faults.list().find((r) => r.id === id);
    await (await get("venues")).json();
    expect(rule()?.hits).toBe(0);
    const t = Date.now();
    expect((await get("events")).status).toBe(200);
    expect(Date.now() - t).toBeGreaterThanOrEqual(290);
    // Spent after its one hit: nothing is left that could delay the next request.
    expect(rule()).toBeUndefined();
    expect((await get("events")).status).toBe(200);
  });
  it.each([500, 502, 503] as const)("status %i with a JSON error body, then recovers", async (status) => {
    emu.faults.add({ type: "status", status, path: "events", count: 2 });
    expect((await get("events")).status).toBe(status);
    const res = await get("events");
    expect(res.status).toBe(status);
    expect((await res.json()).message).toBeTruthy();
    expect((await get("events")).status).toBe(200);
  });
  it("429 with Retry-After", async () => {
    emu.faults.add({ type: "rateLimit", retryAfter: 7, path: "instances/*/status", count: 1 });
    const res = await get("instances/284401ALQBLGCMMGQSCQGQCLJTQDMHVRQ/status");
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("7");
    expect((await get("instances/284401ALQBLGCMMGQSCQGQCLJTQDMHVRQ/status")).status).toBe(200);
  });
  it("hang never answers before the client times out", async () => {
    emu.faults.add({ type: "hang", path: "events", count: 1 });
    await expect(get("events", { signal: AbortSignal.timeout(300) })).rejects.toThrow();
    expect((await get("events")).status).toBe(200);
  });
  it("malformed JSON", async () => {
    emu.faults.add({ type: "malformedJson", path: "events/*", count: 1 });
    const res = await get("events/4201ASVGBHHRTVLQBSRVKDQCKNHHDCTSJ");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/json");
    await expect(res.json()).rejects.toThrow();
  });
  it("truncated body", async () => {
    emu.faults.add({ type: "truncated", path: "events", count: 1 });
    const res = await get("events");
    await expect(res.text()).rejects.toThrow();
    expect(await (await get("events")).json()).toHaveLength(85);
  });
  it("empty catalogue", async () => {
    emu.faults.add({ type: "emptyCatalogue", path: "**", count: 2 });
    expect(await (await get("events")).json()).toEqual([]);
    expect(await (await get("instances")).json()).toEqual([]);
    expect(await (await get("events")).json()).toHaveLength(85);
  });
  it("N% of events vanish, the same ones every time, with their instances", async () => {
    emu.faults.add({ type: "vanishEvents", percent: 40 });
    const a = (await (await get("events")).json()) as { id: string }[];
    const b = (await (await get("events")).json()) as { id: string }[];
    expect(a.length).toBeGreaterThan(85 * 0.4);
    expect(a.length).toBeLessThan(85 * 0.8);
    expect(b.map((e) => e.id)).toEqual(a.map((e) => e.id));
    const kept = new Set(a.map((e) => e.id));
    const instances = (await (await get("instances")).json()) as { event: { id: string } }[];
    for (const i of instances) expect(kept.has(i.event.id)).toBe(true);
  });
  it("regex patterns and method filters", async () => {
    emu.faults.add({ type: "status", status: 503, path: /\/funds$/, method: "GET" });
    expect((await get("funds")).status).toBe(503);
    expect((await get("stock-items")).status).toBe(200);
  });
  it("request log counts upstream calls with mode and status", async () => {
    await get("events");
    await get("events");
    await get("baskets/1");
    expect(emu.requests.count({ path: "/api/v3/events" })).toBe(2);
    const entry = emu.requests.filter({ path: "baskets" })[0]!;
    expect(entry).toMatchObject({ method: "GET", mode: "web", fromBrowser: true, status: 401 });
  });
  it("faults need control: true", async () => {
    const plain = await startEmulator({ dataDir: FIXTURES });
    expect(() => plain.faults.add({ type: "hang" })).toThrow();
    expect((await fetch(`${plain.url}/__control/state`)).status).toBe(404);
    await plain.stop();
  });
});

describe("control HTTP API", () => {
  it("faults over HTTP, listed and removed", async () => {
    const { id } = await (await control("POST", "faults", { type: "status", status: 502, path: "venues" })).json();
    expect((await get("venues")).status).toBe(502);
    expect(await (await control("GET", "faults")).json()).toHaveLength(1);
    expect((await control("DELETE", `faults/${id}`)).status).toBe(204);
    expect((await get("venues")).status).toBe(200);
    expect((await control("POST", "faults", { type: "explode" })).status).toBe(400);
  });
  it("rename an event, cancel and move a performance, set availability", async () => {
    const eventId = "4201ASVGBHHRTVLQBSRVKDQCKNHHDCTSJ";
    await control("PATCH", `events/${eventId}`, { name: "Renamed" });
    expect((await (await get(`events/${eventId}`)).json()).name).toBe("Renamed");
    const instanceId = "8801ABJDKGQJJPHNLQGQLLLRMHJSKRCGT";
    await control("PATCH", `instances/${instanceId}`, { cancelled: true });
    expect((await (await get(`instances/${instanceId}`)).json()).cancelled).toBe(true);
    const moved = await (await control("PATCH", `instances/${instanceId}`, { start: "2025-08-30T19:00:00" })).json();
    expect(moved.start).toBe("2025-08-30T19:00:00");
    expect(moved.startUtc).toBe("2025-08-31T00:00:00");
    expect((await (await get(`events/${eventId}`)).json()).firstInstanceDateTime).toBe("2025-08-30T19:00:00");
    await control("PATCH", `instances/${instanceId}`, { available: 3 });
    expect((await (await get(`instances/${instanceId}/status`)).json()).available).toBe(3);
    await control("PATCH", `instances/${instanceId}`, { available: 0 });
    expect((await (await get(`instances/${instanceId}/status`)).json()).available).toBe(0);
  });
  it("add and remove events", async () => {
    const created = await (
      await control("POST", "events", {
        name: "Brand New Show",
        starts: ["2027-01-10T19:30:00", "2027-01-11T19:30:00"],
        price: 20,
      })
    ).json();
    expect(created.id).toMatch(/^\d+A[BCDGHJKLMNPQRSTV]+$/);
    const withInstances = await (await get(`events/${created.id}?$expand=instances`)).json();
    expect(withInstances.instances).toHaveLength(2);
    const prices = await (await get(`instances/${withInstances.instances[0].id}/price-list`)).json();
    expect(Math.min(...prices.prices.map((p: { amount: number }) => p.amount))).toBe(20);
    expect((await control("DELETE", `events/${created.id}`)).status).toBe(204);
    expect((await get(`events/${created.id}`)).status).toBe(404);
    expect((await get(`instances/${withInstances.instances[0].id}`)).status).toBe(404);
  });
  it("request log over HTTP and reset", async () => {
    await get("events");
    const log = await (await control("GET", "requests?path=events")).json();
    expect(log).toHaveLength(1);
    await control("PATCH", "events/4201ASVGBHHRTVLQBSRVKDQCKNHHDCTSJ", { name: "Renamed" });
    expect((await control("POST", "reset")).status).toBe(204);
    expect((await (await get("events/4201ASVGBHHRTVLQBSRVKDQCKNHHDCTSJ")).json()).name).toBe(
      "2025 Lake of the Woods Concert",
    );
    // Only the read after the reset is logged; control calls never are.
    const after = await (await control("GET", "requests")).json();
    expect(after.map((e: { path: string }) => e.path)).toEqual([
      "/demo/api/v3/events/4201ASVGBHHRTVLQBSRVKDQCKNHHDCTSJ",
    ]);
  });
  it("generates 1,000 events × 10 performances quickly and serves them", async () => {
    const res = await (await control("POST", "generate", { events: 1000, performancesPerEvent: 10 })).json();
    expect(res.instances).toBe(10_000);
    const t = Date.now();
    const events = await (await get("events?$expand=instances")).json();
    expect(events).toHaveLength(1085);
    expect(Date.now() - t).toBeLessThan(3000);
    const state = await (await control("GET", "state")).json();
    expect(state.instances).toBeGreaterThan(10_000);
  });
});
