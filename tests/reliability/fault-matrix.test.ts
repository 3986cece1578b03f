import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

/**
 * The fault matrix: every operation the site performs against Spektrix, under every fault the emulator can
 * inject, through the site's own library code over real HTTP. One emulator and one in-memory store for the file.
 * Public pages under the same faults are in e2e/reliability.spec.ts.
 *
 * Client timeouts are 300 ms so a hang costs little; "3 s latency" is therefore past every timeout too,
 * the same situation as a real Spektrix answering in 3 s to a site configured for less.
 *
 * Each cell records pass/fail and a short note; when every cell ran, the table is written to docs/reliability.md.
 */

vi.mock("server-only", () => ({}));
vi.mock("next/cache", () => ({
  unstable_cache: (fn: (...a: unknown[]) => unknown) => fn,
  revalidateTag: () => undefined,
}));

const FIXTURES =
  process.env.SPEKTRIX_FIXTURES_DIR ?? fileURLToPath(new URL("../../fixtures/spektrix-real/", import.meta.url));
/** Calls made under a fault: short, so a hang costs little. */
const TIMEOUT_MS = 300;
/** Setup, baseline and "works again after the fault" calls: generous, as shared CI cores can be slow. */
const CALM_TIMEOUT_MS = 8_000;
const TZ = "America/Edmonton";
const SITE_URL = "https://tickets-site.example.org";
const MEMBER = { email: "member@example.com", password: "member-pass" };

const { startEmulator, encryptCard, DEMO_API_USER, DEMO_API_KEY } = await import("../../emulator/index");
// The site's origin is allowed, as in Spektrix's Domain Specific Config: web-mode calls come from a stand-in browser.
const emu = await startEmulator({
  port: 0,
  control: true,
  shiftDates: true,
  dataDir: FIXTURES,
  clientName: "demo",
  origins: [SITE_URL],
});
const { browserFetch, browserSession, pointSiteAtEmulator, signInProof } = await import("../checkout/helpers");
pointSiteAtEmulator(emu, { SPEKTRIX_TIMEOUT_MS: String(TIMEOUT_MS) });

const { getDatabase } = await import("@/lib/db");
const { runSync } = await import("@/lib/sync/engine");
const { parseSyncSettings } = await import("@/lib/sync/settings");
const { createSpektrixSource } = await import("@/lib/sync/spektrix-source");
const { getAvailabilityViews, availabilityCache } = await import("@/lib/availability/service");
const { describeSpektrixError, isSpektrixError } = await import("@/lib/spektrix");
const { GET: labelsRoute } = await import("@/app/(site)/basket/labels/route");
const { rows } = await import("../sync/helpers");
const { FAULT_LIST, matrixMarkdown, writeDocSection } = await import("./report");
type Cell = import("./report").Cell;
type FaultName = import("./report").FaultName;

const { createAccountService } = await import("@/lib/spektrix/account");
const { authorizeBasketProof, SignInError } = await import("@/lib/auth/authorize");
const { createRateLimiter } = await import("@/lib/rate-limit");
const { handleCustomerPayment } = await import("@/lib/checkout/customer-payment");
const { confirmationOutcome, loadConfirmation } = await import("@/lib/checkout/confirmation");

const FAULTS = new Map<FaultName, Record<string, unknown>>(FAULT_LIST.map(([name, fault]) => [name, fault]));
const FAULT_NAMES = FAULT_LIST.map(([name]) => name);
/** Faults that only change catalogue lists: other calls are answered normally under them. */
const LIST_ONLY: FaultName[] = ["empty catalogue", "80% of events vanish"];
/** Faults a GET retry can ride out when they fire once. */
const TRANSIENT: FaultName[] = ["500", "503 + Retry-After", "429 + Retry-After"];

const OPERATIONS = [
  "sync",
  "availability",
  "basket & web components",
  "login",
  "checkout initiation",
  "confirmation",
] as const;
type Operation = (typeof OPERATIONS)[number];

const cells = new Map<string, Cell>();
const recordsLost = new Map<FaultName, number>();
const record = (fault: FaultName, op: Operation, cell: Cell) => cells.set(`${fault}|${op}`, cell);

const unhandled: unknown[] = [];
/** Everything written to the console during the run (the site's logs included), checked for personal data at the end. */
const logs: string[] = [];
/** Personal data seen during the run: e-mail, password, customer and address ids, payment tokens. */
const personal = new Set<string>([MEMBER.email, MEMBER.password]);
const onUnhandled = (reason: unknown) => void unhandled.push(reason);

async function withFault<T>(fault: FaultName, run: () => Promise<T>, extra: Record<string, unknown> = {}): Promise<T> {
  emu.faults.add({ ...FAULTS.get(fault), ...extra } as never);
  try {
    return await run();
  } finally {
    emu.faults.clear();
  }
}

/** Runs a cell: the check throws to fail it; its return value is the note. */
async function cell(fault: FaultName, op: Operation, check: () => Promise<string>) {
  try {
    const note = await check();
    record(fault, op, { outcome: "pass", note });
  } catch (error) {
    record(fault, op, {
      outcome: "fail",
      note: (error instanceof Error ? error.message : String(error)).split("\n")[0]!.slice(0, 80),
    });
    throw error;
  }
}

const database = await getDatabase();
const db = database.db;
const settings = (() => {
  const r = parseSyncSettings({ fetch: { daysBack: 1, daysAhead: 1000 } });
  if (!r.ok) throw new Error("bad settings");
  return r.settings;
})();

function sync(timeoutMs = CALM_TIMEOUT_MS) {
  return runSync({
    database,
    source: createSpektrixSource({
      baseUrl: emu.url,
      clientName: "demo",
      owner: { apiUser: DEMO_API_USER, apiKey: DEMO_API_KEY },
      timeoutMs,
      retries: 1,
    }),
    trigger: "test",
    timeZone: TZ,
    settings,
    revalidate: () => undefined,
  });
}

type Snapshot = Map<string, { version: string; status: string; title: string }>;
async function snapshot(): Promise<Snapshot> {
  const out: Snapshot = new Map();
  for (const table of ["venues", "events", "performances"] as const) {
    const cols =
      table === "venues"
        ? "'active' as status, name as title"
        : table === "events"
          ? "status, title"
          : "status, '' as title";
    for (const r of await rows<{ id: number; v: string; status: string; title: string }>(
      db,
      `select id, xmin::text as v, ${cols} from ${table}`,
    )) {
      out.set(`${table}:${r.id}`, { version: r.v, status: r.status, title: r.title });
    }
  }
  return out;
}
/** Rows that disappeared, or were listed before and are not any more. */
function lost(before: Snapshot, after: Snapshot): number {
  let n = 0;
  for (const [key, b] of before) {
    const a = after.get(key);
    if (!a || (b.status === "active" && a.status !== "active")) n++;
  }
  return n;
}
function writes(before: Snapshot, after: Snapshot): number {
  let n = 0;
  for (const [key, a] of after) if (before.get(key)?.version !== a.version) n++;
  return n;
}

let availabilityIds: string[] = [];
let baselineViews: Record<string, { state: string }> = {};
let renameTarget = "";

beforeAll(async () => {
  process.on("unhandledRejection", onUnhandled);
  for (const level of ["log", "info", "warn", "error", "debug"] as const) {
    vi.spyOn(console, level).mockImplementation(
      (...args: unknown[]) =>
        void logs.push(args.map((a) => (typeof a === "string" ? a : (JSON.stringify(a) ?? String(a)))).join(" ")),
    );
  }
  const first = await sync();
  if (first.status !== "succeeded") throw new Error(`baseline sync ${first.status}: ${first.errors.join("; ")}`);
  // Performances whose badge needs live seat counts: on sale now, in the future, not cancelled.
  const now = new Date().toISOString();
  const perfs = await rows<{ source_id: string }>(
    db,
    `select source_id from performances where status = 'active' and is_on_sale and not cancelled and starts_at > '${now}' order by source_id limit 6`,
  );
  availabilityIds = perfs.map((p) => p.source_id);
  (await availabilityCache()).clear();
  baselineViews = await getAvailabilityViews(availabilityIds);
  const [event] = await rows<{ source_id: string }>(db, "select source_id from events order by source_id limit 1");
  renameTarget = event!.source_id;
}, 60_000);

afterAll(async () => {
  process.off("unhandledRejection", onUnhandled);
  await emu.stop();
  await database.close();
  vi.unstubAllEnvs();
  const complete = FAULT_NAMES.every((f) => OPERATIONS.every((o) => cells.has(`${f}|${o}`)));
  if (!complete) return; // a filtered run (-t) does not rewrite the report
  const totalPassed = [...cells.values()].filter((c) => c.outcome === "pass").length;
  const lostTotal = [...recordsLost.values()].reduce((a, b) => a + b, 0);
  const leaks = [...personal].filter((p) => logs.some((line) => line.includes(p))).length;
  writeDocSection(
    "fault-matrix",
    [
      `**${totalPassed}/${cells.size} cells passed**; **records lost: ${lostTotal}**; unhandled rejections: ${unhandled.length}; personal data in the logs: ${leaks ? "FOUND" : "none"}.`,
      "",
      matrixMarkdown(FAULT_NAMES, OPERATIONS, cells, {
        "records lost": (f) => String(recordsLost.get(f as FaultName) ?? "—"),
      }),
    ].join("\n"),
  );
});

describe.each(FAULT_NAMES)("under %s", (fault) => {
  it("sync retries or stops with the store untouched, and catches up once the fault clears", async () => {
    await cell(fault, "sync", async () => {
      const before = await snapshot();
      // An upstream change a successful run would write: an untouched store proves the run wrote nothing.
      await fetch(`${emu.url}/__control/events/${renameTarget}`, {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: `Renamed under ${fault}` }),
      });
      const summary = await withFault(fault, () => sync(TIMEOUT_MS));
      const after = await snapshot();
      recordsLost.set(fault, lost(before, after));
      expect(lost(before, after), "records lost").toBe(0);
      expect(["failed", "aborted"], `status (${summary.errors.join("; ")})`).toContain(summary.status);
      expect(writes(before, after), "rows written by a failed run").toBe(0);
      let note = `${summary.status}, store untouched`;
      if (TRANSIENT.includes(fault)) {
        // The same fault firing once: the client's retry (honouring Retry-After) rides it out. These faults are
        // answers, not delays, so the run has the calm timeout: with 300 ms, a busy machine failed the other calls.
        const retried = await withFault(fault, () => sync(), { count: 1 });
        expect(retried.status, retried.errors.join("; ")).toBe("succeeded");
        note = `retried once → succeeded; persistent → ${note}`;
      }
      const recovered = await sync();
      expect(recovered.status).toBe("succeeded");
      expect(
        (await rows<{ title: string }>(db, `select title from events where source_id = '${renameTarget}'`))[0]!.title,
      ).toBe(`Renamed under ${fault}`);
      return note;
    });
  });

  it("availability degrades to 'Check availability' and never throws", async () => {
    await cell(fault, "availability", async () => {
      (await availabilityCache()).clear();
      const started = performance.now();
      const views = await withFault(fault, () => getAvailabilityViews(availabilityIds));
      const ms = performance.now() - started;
      expect(Object.keys(views).sort()).toEqual([...availabilityIds].sort());
      for (const id of availabilityIds) {
        const v = views[id]!;
        if (LIST_ONLY.includes(fault)) expect([baselineViews[id]!.state, "unknown"]).toContain(v.state);
        else expect(v).toEqual({ state: "unknown", label: "Check availability", bookable: true });
      }
      // Retries are off for badges: about one timeout (300 ms), never a slow page. Loose bound for busy CI cores.
      expect(ms).toBeLessThan(3_000);
      (await availabilityCache()).clear();
      return LIST_ONLY.includes(fault) ? "live counts (status calls unaffected)" : "'Check availability'";
    });
  });

  it("basket and web-component calls fail with a typed error and a visitor-safe message", async () => {
    await cell(fault, "basket & web components", async () => {
      // Stands in for the visitor's browser on the site: its Origin and one Spektrix session cookie.
      const jar = browserFetch();
      const calm = browserSession(emu.url, { timeoutMs: CALM_TIMEOUT_MS, retries: 1, fetch: jar });
      const web = browserSession(emu.url, { timeoutMs: TIMEOUT_MS, retries: 1, fetch: jar });
      await calm.getBasket(); // session cookie, before the fault
      const funds = await calm.listFunds();
      const calls: Array<[string, () => Promise<unknown>]> = [
        ["basket", () => web.getBasket()],
        ["donate", () => web.addDonation({ fundId: funds[0]!.id, amount: 5 })],
        ["funds", () => web.listFunds()],
        ["login status", () => web.getCustomer()],
      ];
      let failed = 0;
      await withFault(fault, async () => {
        for (const [name, call] of calls) {
          try {
            await call();
          } catch (error) {
            failed++;
            expect(isSpektrixError(error), `${name}: ${String(error)}`).toBe(true);
            const described = describeSpektrixError(error);
            expect(described.status, name).not.toBe(500);
            expect(described.message).not.toMatch(/Spektrix|stack|Error:/);
          }
        }
        // The basket page's own route: names come from the store even when Spektrix fails.
        const res = await labelsRoute(
          new Request(`http://site.test/basket/labels?performances=${availabilityIds.slice(0, 2).join(",")}`),
        );
        expect(res.status).toBe(200);
        const labels = (await res.json()) as { performances: Record<string, { title: string }> };
        expect(Object.keys(labels.performances).sort()).toEqual(availabilityIds.slice(0, 2).sort());
      });
      expect(await calm.getBasket(), "retry after the fault clears").not.toBeNull();
      return failed ? `typed errors (${failed}/${calls.length}); labels from store` : "unaffected";
    });
  });

  it("login answers 'unavailable, try again' (never 'wrong password') and works on retry", async () => {
    await cell(fault, "login", async () => {
      const account = accountFor(TIMEOUT_MS);
      const calm = accountFor(CALM_TIMEOUT_MS);
      const depsFor = (service: Account) => ({
        allowAddress: async () => true,
        spendProof: async () => true,
        releaseProof: async () => undefined,
        readBasket: (id: string) => service.findBasket(id),
        loadAccount: (id: string) => service.getAccount(id),
        // The same shape as lib/auth/options.ts logs (one JSON line per event).
        log: (event: string, fields: Record<string, unknown> = {}) =>
          console.warn(JSON.stringify({ level: "warn", area: "auth", event, ...fields })),
      });
      // The browser's half (Spektrix checks the password) happens before the fault; the server's half under it.
      const proof = await signInProof(browserSession(emu.url), MEMBER.email, MEMBER.password);
      const attempt = (service = account) => authorizeBasketProof({ proof, ip: "203.0.113.9" }, depsFor(service));
      let note = "signed in";
      await withFault(fault, async () => {
        try {
          const user = await attempt();
          expect(user, "a fault must never read as a wrong password").not.toBeNull();
        } catch (error) {
          expect(error).toBeInstanceOf(SignInError);
          expect((error as InstanceType<typeof SignInError>).code).toBe("Unavailable");
          note = "'Unavailable' (retryable)";
        }
      });
      expect((await attempt(calm))?.email, "retry after the fault clears").toBe(MEMBER.email);
      return note;
    });
  });

  it("checkout initiation answers a clear, retryable error and never a 500", async () => {
    await cell(fault, "checkout initiation", async () => {
      const account = accountFor(TIMEOUT_MS);
      const calm = accountFor(CALM_TIMEOUT_MS);
      const { basketId, addressId, customerId } = await memberBasket(calm);
      const { checkoutLog } = await import("@/lib/checkout/server");
      const depsFor = (service: Account) => ({
        spektrix: service.owner,
        limiter: createRateLimiter({ keyPrefix: "t-pay", points: 1000, duration: 60 }, { redisUrl: null }),
        siteUrl: SITE_URL,
        log: checkoutLog,
      });
      const input = {
        session: { customerId, name: "M", email: MEMBER.email, membershipIds: [] },
        origin: SITE_URL,
        body: { basketId, billingAddressId: addressId, storeCard: false },
        ip: "203.0.113.9",
      };
      const result = await withFault(fault, () => handleCustomerPayment(input, depsFor(account)));
      let note = "token issued";
      if (result.status !== 200) {
        expect([409, 502, 503, 504]).toContain(result.status);
        expect(result.body).toMatchObject({ error: "upstream" });
        expect((result.body as { message: string }).message).toMatch(/try again/i);
        note = `${result.status} '${(result.body as { message: string }).message.split(".")[0]}'`;
      }
      const retry = await handleCustomerPayment(input, depsFor(calm));
      expect(retry.status, "retry after the fault clears").toBe(200);
      if (result.status === 200) personal.add((result.body as { paymentToken: string }).paymentToken);
      personal.add((retry.body as { paymentToken: string }).paymentToken);
      return note;
    });
  });

  it("confirmation shows the order or 'we're checking your order', never someone else's 'not found'", async () => {
    await cell(fault, "confirmation", async () => {
      const account = accountFor(TIMEOUT_MS);
      const calm = accountFor(CALM_TIMEOUT_MS);
      const { orderId, customerId } = await paidOrder(calm);
      const session = { customerId, name: "M", email: MEMBER.email, membershipIds: [] };
      let note = "order shown";
      await withFault(fault, async () => {
        const outcome = await confirmationOutcome({ session, orderId }, account.owner);
        expect(outcome.kind, "a fault must not turn the member's own order into 'not found'").not.toBe("notFound");
        if (outcome.kind === "shown") expect(outcome.confirmation.orderId).toBe(orderId);
        else note = "“we're checking your order”, with a link to look again";
      });
      expect((await loadConfirmation({ session, orderId }, calm.owner))?.orderId, "retry after the fault clears").toBe(
        orderId,
      );
      return note;
    });
  });
});

describe("the whole run", () => {
  it("raised no unhandled rejection", async () => {
    await new Promise((r) => setTimeout(r, 50));
    expect(unhandled).toEqual([]);
  });

  it("logged no personal data: no e-mail, password, customer or address id, or payment token", () => {
    expect(logs.length).toBeGreaterThan(0);
    for (const value of personal)
      expect(
        logs.filter((line) => line.includes(value)),
        value.slice(0, 4),
      ).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------

type Account = import("@/lib/spektrix/account").AccountService;

function accountFor(timeoutMs: number): Account {
  return createAccountService({
    baseUrl: emu.url,
    clientName: "demo",
    apiUser: DEMO_API_USER,
    apiKey: DEMO_API_KEY,
    timeoutMs,
    timeZone: "America/Edmonton",
  });
}
let fixture: { basketId: string; addressId: string; customerId: string; orderId?: string } | null = null;

/** A member's owner-mode basket with two tickets, made once (before any fault). */
async function memberBasket(account: Account) {
  if (fixture) return fixture;
  const customer = await account.owner.findCustomerByEmail(MEMBER.email);
  if (!customer) throw new Error("the emulator has no demo member");
  const full = await account.owner.getCustomerById(customer.id);
  const basket = await account.owner.createBasket({ customerId: customer.id });
  const ticket = await sellableTicket(account);
  await account.owner.addTicketsToBasket(basket.id, [ticket, ticket]);
  fixture = { basketId: basket.id, addressId: full.addresses[0]!.id, customerId: customer.id };
  personal.add(customer.id).add(full.addresses[0]!.id);
  return fixture;
}

async function sellableTicket(account: Account) {
  for (const p of await account.owner.listPerformances()) {
    if (!p.isOnSale || p.cancelled) continue;
    if ((await account.owner.getAvailability(p.id)).available < 4) continue;
    const price = (await account.owner.getPriceList(p.id)).prices.find((x) => x.amount > 0);
    if (price) return { performanceId: p.id, ticketTypeId: price.ticketType.id };
  }
  throw new Error("no sellable performance");
}

/** A paid order of the member's, made once: a basket, a payment token, the emulator's test card. */
async function paidOrder(account: Account): Promise<{ orderId: string; customerId: string }> {
  const base = await memberBasket(account);
  if (base.orderId) return { orderId: base.orderId, customerId: base.customerId };
  const basket = await account.owner.createBasket({ customerId: base.customerId });
  const ticket = await sellableTicket(account);
  await account.owner.addTicketsToBasket(basket.id, [ticket]);
  const { paymentToken } = await account.owner.initiateCustomerPayment(basket.id, {
    originDomain: new URL(SITE_URL).host,
    billingAddressId: base.addressId,
    storeCard: false,
  });
  const paid = (await (
    await fetch(`${emu.url}/demo/emulator-payments/submit`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        paymentToken,
        encryptedCard: encryptCard({ cardNumber: "4111111111111111", expiry: "12/30", cvc: "123", nameOnCard: "Test" }),
      }),
    })
  ).json()) as { outcome: string; orderId?: string };
  if (paid.outcome !== "completed" || !paid.orderId) throw new Error(`test payment ${paid.outcome}`);
  base.orderId = paid.orderId;
  return { orderId: paid.orderId, customerId: base.customerId };
}
