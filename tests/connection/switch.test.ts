import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

/**
 * The studio's connection drives the site: an editor switches from one Spektrix system (emulator A) to another
 * (emulator B, another client name, host and owner key) and, in the same process, with nothing restarted, the
 * sync, availability, the flow lists, the account service and the browser's config all use B. A wrong key or an
 * unreachable domain is refused and changes nothing; no secret appears in what the studio shows.
 */

vi.mock("server-only", () => ({}));
vi.mock("next/cache", () => ({
  unstable_cache: (fn: (...a: unknown[]) => unknown) => fn,
  revalidateTag: () => undefined,
}));

const { startEmulator, DEMO_API_USER, DEMO_API_KEY } = await import("../../emulator/index");
const SECOND_USER = "second-api";
const SECOND_KEY = Buffer.from("second-emulator-key").toString("base64");

/** Two venues' real catalogues, one per emulator: two Spektrix clients share no event. */
function catalogue(file: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "spektrix-client-"));
  copyFileSync(fileURLToPath(new URL(`../../fixtures/spektrix-real/${file}`, import.meta.url)), path.join(dir, file));
  return dir;
}
const a = await startEmulator({
  port: 0,
  clientName: "demo",
  shiftDates: true,
  dataDir: catalogue("kaymeekcentre.event-instances.json"),
});
const b = await startEmulator({
  port: 0,
  clientName: "second",
  shiftDates: true,
  apiUser: SECOND_USER,
  apiKey: SECOND_KEY,
  dataDir: catalogue("manitobaopera.event-instances.json"),
});

// The environment names A but pins nothing about Spektrix: the studio decides.
for (const [name, value] of Object.entries({
  DATABASE_URL: "pglite://memory",
  SPEKTRIX_BASE_URL: "",
  SPEKTRIX_CLIENT_NAME: "",
  SPEKTRIX_API_USER: "",
  SPEKTRIX_API_KEY: "",
  SPEKTRIX_WEB_COMPONENTS_URL: "",
  SPEKTRIX_TIMEOUT_MS: "3000",
}))
  vi.stubEnv(name, value);

const { activeConnection, readStoredConnection } = await import("@/lib/connection");
const { saveConnection, loadConnection } = await import("@/lib/studio/connection");
const { verifyCandidateConnection } = await import("@/lib/studio/spektrix");
const { spektrixPublicConfig } = await import("@/lib/spektrix-flows/config");
const { loadFunds } = await import("@/lib/spektrix-flows/catalogue");
const { accountService } = await import("@/lib/auth/services");
const { availabilityCache } = await import("@/lib/availability/service");
const { configuredSource } = await import("@/lib/sync/spektrix-source");
const { runSync } = await import("@/lib/sync/engine");
const { getDatabase, getDb, schema } = await import("@/lib/db");
const { eventIsListed } = await import("@/lib/sync/visibility");
const { parkedEvents, removeParkedEvents } = await import("@/lib/sync/park");
const { removeKeptEvents } = await import("@/lib/studio/events");
const { writeStoredConnection, ConnectionWriteConflict } = await import("@/lib/connection");
const { count, eq, isNull } = await import("drizzle-orm");

/** A full sync from the connection in force, as the site's schedule runs it. */
async function sync() {
  const summary = await runSync({
    database: await getDatabase(),
    source: configuredSource(await activeConnection(), 5_000),
    trigger: "cli",
    timeZone: "America/Edmonton",
  });
  expect(summary.status, summary.abortReason ?? summary.errors.join("; ")).toBe("succeeded");
  return summary;
}

const listedTitles = async () =>
  (await (await getDb()).select({ title: schema.events.title }).from(schema.events).where(eventIsListed())).map(
    (r) => r.title,
  );

const form = (over: Record<string, string> = {}) => ({
  clientName: "demo",
  customDomain: new URL(a.url).origin,
  webComponentsUrl: "",
  apiUser: DEMO_API_USER,
  apiKey: DEMO_API_KEY,
  accountPath: "/account",
  basketPath: "/basket",
  checkoutPath: "/checkout",
  iframeStylesheetUrl: "",
  componentsStylesheetUrl: "",
  ...over,
});
const toB = { clientName: "second", customDomain: new URL(b.url).origin, apiUser: SECOND_USER, apiKey: SECOND_KEY };
const saveOnce = (input: Record<string, string>) =>
  saveConnection(input, { by: "editor@example.com", check: verifyCandidateConnection });
/** As the Connection form does: when asked, the editor's browser reads the address (here: it answered) and saves again. */
const save = async (input: Record<string, string>) => {
  const first = await saveOnce(input);
  return "browserCheck" in first ? saveOnce({ ...input, browserChecked: first.browserCheck }) : first;
};

const calledBy = (emu: typeof a) => emu.requests.all().length;

let titlesOfA: string[] = [];

beforeAll(async () => {
  expect(await save(form())).toMatchObject({ ok: true });
  await sync();
  titlesOfA = await listedTitles();
  expect(titlesOfA.length).toBeGreaterThan(0);
});

afterAll(async () => {
  await Promise.all([a.stop(), b.stop()]);
});

describe("switching the connection in the studio", () => {
  it("starts on A, as saved", async () => {
    const c = await activeConnection();
    expect(c).toMatchObject({ clientName: "demo", baseUrl: new URL(a.url).origin });
    a.requests.clear();
    expect((await loadFunds()).ok).toBe(true);
    expect(calledBy(a)).toBeGreaterThan(0);
  });

  it("shows the studio's pickers prices in the venue's currency, as visitors see them", async () => {
    const { searchPicker } = await import("@/lib/studio/spektrix");
    const { formatMoney } = await import("@/lib/spektrix-flows/money");
    const memberships = await searchPicker("membership", "");
    expect(memberships.length).toBeGreaterThan(0);
    // Every priced row names its price the way the site prints money ("$40.00" for the demo's CAD), not "40.00".
    const symbol = formatMoney(0).replace(/[\d.,\s]/g, "");
    const priced = memberships.filter((m) => m.detail);
    expect(priced.length).toBeGreaterThan(0);
    for (const m of priced) expect(m.detail?.startsWith(symbol), m.detail).toBe(true);
  });

  it("asks the editor's browser to read the new web-mode address first, and saves nothing until it has", async () => {
    const before = await readStoredConnection();
    const asked = await saveOnce(form(toB));
    expect(asked).toEqual({ ok: false, browserCheck: `${new URL(b.url).origin}/second/api/v3/basket` });
    // An address checked for another candidate does not count.
    expect(
      await saveOnce(form({ ...toB, browserChecked: `${new URL(a.url).origin}/demo/api/v3/basket` })),
    ).toMatchObject({ browserCheck: expect.any(String) });
    expect(await readStoredConnection()).toEqual(before);
    // A change that leaves web mode where it is (the owner key alone) needs no browser.
    expect(await saveOnce(form({ apiKey: Buffer.from("wrong").toString("base64") }))).not.toHaveProperty(
      "browserCheck",
    );
  });

  it("refuses a wrong owner key with Spektrix's reason, and changes nothing", async () => {
    const before = await readStoredConnection();
    const result = await save(form({ ...toB, apiKey: Buffer.from("wrong").toString("base64") }));
    expect(result).toMatchObject({ ok: false });
    expect((result as { refused: string[] }).refused.join(" ")).toMatch(/signed|signature|key|refused/i);
    expect(await readStoredConnection()).toEqual(before);
    expect((await activeConnection()).clientName).toBe("demo");
  });

  it("refuses a domain nothing answers on, and changes nothing", async () => {
    const before = await readStoredConnection();
    const result = await save(form({ ...toB, customDomain: "http://127.0.0.1:19" }));
    expect(result).toMatchObject({ ok: false });
    expect((result as { refused: string[] }).refused.join(" ")).toMatch(/connect|answer/i);
    expect(await readStoredConnection()).toEqual(before);
  });

  it("refuses a web components URL where Spektrix's loader is not, and changes nothing", async () => {
    const before = await readStoredConnection();
    const result = await save(form({ webComponentsUrl: `${new URL(a.url).origin}/no-components-here` }));
    expect(result).toMatchObject({ ok: false, refused: [expect.stringMatching(/web components were not found/)] });
    expect(await readStoredConnection()).toEqual(before);
  });

  it("switches everything to B on the next call, with no restart", async () => {
    const result = await save(form(toB));
    expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
    expect((result as { changed: string[] }).changed).toEqual(
      expect.arrayContaining(["client name", "custom domain", "owner API user", "owner API key"]),
    );
    a.requests.clear();
    b.requests.clear();

    expect(await spektrixPublicConfig()).toMatchObject({ clientName: "second", baseUrl: new URL(b.url).origin });
    expect((await loadFunds()).ok).toBe(true);
    const source = configuredSource(await activeConnection(), 3_000);
    const now = new Date();
    const events = await source.fetchEvents({ from: now, to: new Date(now.getTime() + 400 * 86_400_000) });
    expect(events.length).toBeGreaterThan(0);
    const performances = await source.fetchPerformances({
      from: now,
      to: new Date(now.getTime() + 400 * 86_400_000),
    });
    const live = await (await availabilityCache()).getMany([performances[0]!.id]);
    expect(live.get(performances[0]!.id)).toMatchObject({ capacity: expect.any(Number) });
    expect(await (await accountService()).findBasket("NO-SUCH-BASKET")).toBeNull();

    expect(calledBy(b)).toBeGreaterThan(3);
    expect(calledBy(a)).toBe(0);
  });

  it("keeps the previous client's events, hidden, and syncs the new client without the vanish guard firing", async () => {
    expect(await parkedEvents(await getDb())).toEqual([{ client: "demo", events: expect.any(Number) }]);
    // Hidden from every listing the moment the switch is saved, before any sync.
    expect(await listedTitles()).toEqual([]);
    const summary = await sync();
    expect(summary.counts.created).toBeGreaterThan(0);
    expect(summary.counts.missing).toBe(0);
    const listed = await listedTitles();
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.filter((t) => titlesOfA.includes(t))).toEqual([]);
    // A's events are all still there, untouched by B's sync.
    const db = await getDb();
    const [kept] = await db.select({ n: count() }).from(schema.events).where(eq(schema.events.parkedFrom, "demo"));
    expect(kept!.n).toBe(titlesOfA.length);
  });

  it("records who changed what and when, and never shows or records the key", async () => {
    const view = await loadConnection();
    expect(view.active).toMatchObject({ clientName: "second", apiUser: SECOND_USER });
    expect(view.history[0]).toMatchObject({ by: "editor@example.com", fields: expect.arrayContaining(["apiKey"]) });
    expect(view.history).toHaveLength(2);
    const shown = JSON.stringify(view);
    expect(shown).not.toContain(SECOND_KEY);
    expect(shown).not.toContain(DEMO_API_KEY);
    expect(JSON.stringify(await readStoredConnection())).not.toContain(SECOND_KEY);
  });

  it("brings the kept events back when the connection returns to their client, and lets an editor remove them", async () => {
    expect(await save(form({ basketPath: "/cart" }))).toMatchObject({ ok: true });
    // B's events are kept now; A's are A's own again at once (listed before any sync), and an editor cannot
    // remove the events of the client in use.
    expect((await parkedEvents(await getDb())).map((p) => p.client)).toEqual(["second"]);
    expect((await listedTitles()).sort()).toEqual([...titlesOfA].sort());
    expect(await removeKeptEvents("demo")).toBe("in-use");
    await sync();
    expect((await parkedEvents(await getDb())).map((p) => p.client)).toEqual(["second"]);
    expect((await listedTitles()).sort()).toEqual([...titlesOfA].sort());
    const db = await getDb();
    const [back] = await db.select({ n: count() }).from(schema.events).where(isNull(schema.events.parkedFrom));
    expect(back!.n).toBe(titlesOfA.length);
    // B's events, now kept, go only when an editor says so; A's are untouched.
    expect(await removeParkedEvents(db, "second")).toBeGreaterThan(0);
    expect(await parkedEvents(db)).toEqual([]);
    expect((await listedTitles()).length).toBe(titlesOfA.length);
    expect(await save(form(toB))).toMatchObject({ ok: true });
  });

  it("refuses a switch of client while a sync runs, and a save made over someone else's", async () => {
    const database = await getDatabase();
    const { SYNC_LOCK_KEY } = await import("@/lib/sync/lock");
    const before = await readStoredConnection();
    const during = await database.withAdvisoryLock(SYNC_LOCK_KEY, () => save(form({ basketPath: "/basket" })));
    expect(during).toMatchObject({ ok: false, refused: [expect.stringMatching(/A sync is running/)] });
    expect(await readStoredConnection()).toEqual(before);
    // Two editors saved from the same revision: the second write finds the first and stores nothing.
    await expect(writeStoredConnection({ ...before!, clientName: "stale" })).rejects.toBeInstanceOf(
      ConnectionWriteConflict,
    );
    expect(await readStoredConnection()).toEqual(before);
  });

  it("saves a change of page paths alone without asking Spektrix", async () => {
    b.requests.clear();
    expect(await save(form({ ...toB, apiKey: "", basketPath: "/cart" }))).toMatchObject({
      ok: true,
      changed: ["basket page"],
    });
    expect(calledBy(b)).toBe(0);
    // The empty key field kept the saved key.
    expect(await activeConnection()).toMatchObject({ clientName: "second", owner: { apiKey: SECOND_KEY } });
  });

  it("takes a web components stylesheet only from a host the pages' policy allows, and gives it to the browser", async () => {
    const keep = { ...toB, apiKey: "", basketPath: "/cart" };
    const refused = await save(form({ ...keep, componentsStylesheetUrl: "https://cdn.elsewhere.example/theme.css" }));
    expect(refused).toMatchObject({
      ok: false,
      fieldErrors: { componentsStylesheetUrl: [expect.stringMatching(/policy/)] },
    });
    expect((await spektrixPublicConfig()).componentsStylesheetUrl).toBeNull();
    const sheet = `${new URL(b.url).origin}/second/resources/theme.css`;
    expect(await save(form({ ...keep, componentsStylesheetUrl: sheet }))).toMatchObject({ ok: true });
    expect((await spektrixPublicConfig()).componentsStylesheetUrl).toBe(sheet);
  });
});
