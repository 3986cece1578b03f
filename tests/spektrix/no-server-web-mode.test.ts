import { afterAll, describe, expect, it, vi } from "vitest";

/**
 * No code path of the site makes a web-mode Spektrix call from the server. Spektrix bot-protects web mode
 * (unsigned, cookie session) against anything but a browser on the venue's domain, and so does the emulator
 * here: only the stand-in browser of the sign-in test carries the allowed Origin, so any other web-mode call
 * this test provokes is a server-side one, is refused, and shows in the request log as not from a browser.
 *
 * Each path runs through the site's own modules, configured from the environment as in production, and must
 * succeed, so the test cannot pass by calling nothing.
 */

vi.mock("server-only", () => ({}));
vi.mock("next/cache", () => ({
  unstable_cache: (fn: (...a: unknown[]) => unknown) => fn,
  revalidateTag: () => undefined,
}));

const { startEmulator, DEMO_MEMBER } = await import("../../emulator/index");
const { SITE_URL, browserSession, pointSiteAtEmulator, signInProof } = await import("../checkout/helpers");
const emu = await startEmulator({ port: 0, clientName: "demo", shiftDates: true, origins: [SITE_URL] });
pointSiteAtEmulator(emu);

const { env } = await import("@/lib/config");
const { configuredSource } = await import("@/lib/sync/spektrix-source");
const { availabilityCache } = await import("@/lib/availability/service");
const { loadFunds, loadMembershipTypes, loadGiftVoucherTypes, loadMerchandise } =
  await import("@/lib/spektrix-flows/catalogue");
const { basketLabels } = await import("@/lib/spektrix-flows/basket-labels");
const { pingSpektrix } = await import("@/lib/spektrix/health");
const { accountService } = await import("@/lib/auth/services");
const { activeConnection } = await import("@/lib/connection");
const { authorizeBasketProof } = await import("@/lib/auth/authorize");

afterAll(() => emu.stop());

const serverSideWebCalls = () =>
  emu.requests
    .all()
    .filter((r) => r.mode === "web" && !r.fromBrowser)
    .map((r) => `${r.method} ${r.path}`);

describe("no server-side web-mode call", () => {
  it("in the sync, availability, flow lists, basket labels and the health probe", async () => {
    emu.requests.clear();
    const source = configuredSource(await activeConnection(), env().SPEKTRIX_TIMEOUT_MS);
    const window = { from: new Date(Date.now() - 86_400_000), to: new Date(Date.now() + 400 * 86_400_000) };
    const events = await source.fetchEvents(window);
    const performances = await source.fetchPerformances(window);
    expect(events.length).toBeGreaterThan(0);
    expect(performances.length).toBeGreaterThan(0);
    expect(await source.fetchVenues()).not.toEqual([]);
    expect(await source.fetchEvent(events[0]!.id)).not.toBeNull();
    await source.fetchEventPerformances(events[0]!.id);

    const ids = performances.slice(0, 3).map((p) => p.id);
    const live = await (await availabilityCache()).getMany(ids);
    for (const id of ids) expect(live.get(id), `live counts for ${id}`).not.toBeNull();

    for (const load of [loadFunds, loadMembershipTypes, loadGiftVoucherTypes, loadMerchandise])
      expect((await load()).ok).toBe(true);
    const labels = await basketLabels(ids, "203.0.113.40");
    for (const id of ids) expect(labels.performances[id], `label for ${id}`).toBeDefined();
    // Ticket-type names come from the price lists, in owner mode too.
    expect(Object.values(labels.ticketTypes).length).toBeGreaterThan(0);

    const e = env();
    expect(
      (
        await pingSpektrix({
          baseUrl: e.SPEKTRIX_BASE_URL,
          clientName: e.SPEKTRIX_CLIENT_NAME,
          apiUser: e.SPEKTRIX_API_USER,
          apiKey: e.SPEKTRIX_API_KEY,
        })
      ).ok,
    ).toBe(true);

    expect(emu.requests.all().length).toBeGreaterThan(0);
    expect(serverSideWebCalls()).toEqual([]);
    // Basket labels open (and migrate) the in-memory store first: slow on shared CI cores.
  }, 90_000);

  it("basket labels look up at most an allowance of unknown ids in Spektrix per address", async () => {
    const made = (i: number) => `${900 + i}A${"BCDGHJKLMNPQRSTV"[i % 16]!.repeat(20)}`;
    const instanceReads = () => emu.requests.all().filter((r) => /\/api\/v3\/instances\/[^/]+$/.test(r.path)).length;
    emu.requests.clear();
    // One address cycling made-up ids: 10 per request, 20 requests, 200 ids. The allowance is 30.
    for (let round = 0; round < 20; round++)
      await basketLabels(
        Array.from({ length: 10 }, (_, k) => made(round * 10 + k)),
        "203.0.113.41",
      );
    expect(instanceReads()).toBe(30);
    // Another address's real basket is still labelled from Spektrix.
    const [real] = (await configuredSource(await activeConnection(), env().SPEKTRIX_TIMEOUT_MS).fetchPerformances({
      from: new Date(),
      to: new Date(Date.now() + 400 * 86_400_000),
    }))!;
    expect((await basketLabels([real!.id], "203.0.113.42")).performances[real!.id]).toBeDefined();
  }, 60_000);

  it("in member sign-in and the account read: the browser signs in, the server reads in owner mode", async () => {
    const proof = await signInProof(browserSession(emu.url), DEMO_MEMBER.email, DEMO_MEMBER.password);
    emu.requests.clear();
    const account = await accountService();
    const user = await authorizeBasketProof(
      { proof, ip: "203.0.113.7" },
      {
        allowAddress: async () => true,
        spendProof: async () => true,
        releaseProof: async () => undefined,
        readBasket: (id) => account.findBasket(id),
        loadAccount: (id) => account.getAccount(id),
        log: () => undefined,
      },
    );
    expect(user?.email).toBe(DEMO_MEMBER.email);
    await account.listOrders(user!.customerId);
    expect(emu.requests.all().length).toBeGreaterThan(0);
    expect(serverSideWebCalls()).toEqual([]);
  });
});
