import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));

import { createRateLimiter, LIMITS, type RateLimiter } from "@/lib/rate-limit";
import { SpektrixHttpError, SpektrixTimeoutError, type Statement } from "@/lib/spektrix";
import { issueFormToken, MIN_FILL_MS } from "@/lib/newsletter/form-token";
import {
  handleNewsletterSignUp,
  HONEYPOT_FIELD,
  SIGNED_UP_MESSAGE,
  type SignUpDeps,
  type SignUpInput,
  type SignUpSpektrix,
} from "@/lib/newsletter/sign-up";
import { SITE_URL, startHarness, type Harness } from "../checkout/helpers";

const SECRET = "test-secret-for-newsletter-tokens-0123456789";
const NOW = new Date("2026-12-01T12:00:00Z");
const STATEMENTS: Statement[] = [
  { id: "101ABC", name: "E-mail newsletter", text: null },
  { id: "102ABC", name: "Season brochure by post", text: null },
];

/** A token for a form shown `agoMs` before NOW. */
const tokenShown = (agoMs: number) => issueFormToken(SECRET, new Date(NOW.getTime() - agoMs));

/** Records every call; `existing` e-mails are on the books. */
function fakeSpektrix(existing: string[] = []) {
  const calls: string[] = [];
  const spektrix: SignUpSpektrix = {
    async findCustomerByEmail(email) {
      calls.push("find");
      return existing.includes(email) ? { id: "I-AAAA-0001" } : null;
    },
    async createCustomer() {
      calls.push("create");
      return { id: "I-AAAA-0002" };
    },
    async addAgreedStatements() {
      calls.push("add");
      return [];
    },
  };
  return { spektrix, calls };
}

let limiter: RateLimiter;
let logs: string[];
beforeEach(() => {
  logs = [];
  limiter = createRateLimiter({ ...LIMITS.newsletterSignUp, keyPrefix: `t-${Math.random()}` }, { redisUrl: null });
});

function deps(spektrix: SignUpSpektrix, overrides: Partial<SignUpDeps> = {}): SignUpDeps {
  return {
    spektrix,
    statements: async () => ({ ok: true, items: STATEMENTS }),
    limiter,
    siteUrl: SITE_URL,
    secret: SECRET,
    now: () => NOW,
    log: (event, fields) => logs.push(JSON.stringify({ event, ...fields })),
    ...overrides,
  };
}

const goodBody = (overrides: Record<string, unknown> = {}) => ({
  email: "fan@example.com",
  firstName: "Ada",
  lastName: "",
  statements: ["101ABC"],
  token: tokenShown(10_000),
  [HONEYPOT_FIELD]: "",
  ...overrides,
});

function input(body: unknown, overrides: Partial<SignUpInput> = {}): SignUpInput {
  return { origin: SITE_URL, ip: "203.0.113.7", body: async () => ({ ok: true, value: body }), ...overrides };
}

describe("newsletter sign-up: refusals", () => {
  it("refuses another origin with 403 before reading the body or spending the limit", async () => {
    const { spektrix, calls } = fakeSpektrix();
    const body = vi.fn();
    const result = await handleNewsletterSignUp(
      input(goodBody(), { origin: "https://evil.example", body }),
      deps(spektrix),
    );
    expect(result.status).toBe(403);
    expect(result.body).toMatchObject({ error: "cross-origin" });
    expect(body).not.toHaveBeenCalled();
    expect(calls).toEqual([]);
    expect(await limiter.get("203.0.113.7")).toBeNull();
  });

  it("accepts a browser's same-origin mark when no Origin was sent", async () => {
    const { spektrix } = fakeSpektrix();
    const result = await handleNewsletterSignUp(
      input(goodBody(), { origin: null, fetchSite: "same-origin" }),
      deps(spektrix),
    );
    expect(result.status).toBe(200);
  });

  it("limits each address: 429 with Retry-After once the points are spent, other addresses unaffected", async () => {
    const { spektrix } = fakeSpektrix();
    for (let i = 0; i < LIMITS.newsletterSignUp.points; i++)
      expect((await handleNewsletterSignUp(input(goodBody()), deps(spektrix))).status).toBe(200);
    const limited = await handleNewsletterSignUp(input(goodBody()), deps(spektrix));
    expect(limited.status).toBe(429);
    expect(limited).toMatchObject({ body: { error: "rate-limited" } });
    expect((limited as { retryAfterSeconds?: number }).retryAfterSeconds).toBeGreaterThan(0);
    expect((await handleNewsletterSignUp(input(goodBody(), { ip: "198.51.100.1" }), deps(spektrix))).status).toBe(200);
  });

  it("answers a filled honeypot as a success, and writes nothing", async () => {
    const { spektrix, calls } = fakeSpektrix();
    const result = await handleNewsletterSignUp(
      input(goodBody({ [HONEYPOT_FIELD]: "http://spam.example" })),
      deps(spektrix),
    );
    expect(result).toEqual({ status: 200, body: { ok: true, message: SIGNED_UP_MESSAGE } });
    expect(calls).toEqual([]);
    expect(logs.join()).toContain("honeypot");
  });

  it("refuses a form sent faster than a person could fill it in", async () => {
    const { spektrix, calls } = fakeSpektrix();
    const result = await handleNewsletterSignUp(
      input(goodBody({ token: tokenShown(MIN_FILL_MS - 500) })),
      deps(spektrix),
    );
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({ error: "too-fast" });
    expect(calls).toEqual([]);
  });

  it("refuses a missing, forged, other-secret or stale token as an expired form", async () => {
    const { spektrix, calls } = fakeSpektrix();
    for (const token of [
      undefined,
      "junk",
      `${tokenShown(10_000).split(".")[0]}.AAAA`,
      issueFormToken("another-secret-entirely-0123456789", new Date(NOW.getTime() - 10_000)),
      tokenShown(7 * 60 * 60 * 1000),
      tokenShown(-60_000),
    ]) {
      const result = await handleNewsletterSignUp(input(goodBody({ token })), deps(spektrix));
      expect(result.status).toBe(400);
      expect(result.body).toMatchObject({ error: "form-expired" });
    }
    expect(calls).toEqual([]);
  });

  it("refuses an invalid e-mail with a message for that field, and asks Spektrix nothing", async () => {
    const { spektrix, calls } = fakeSpektrix();
    for (const email of ["not-an-email", "", "a@b", `${"x".repeat(250)}@example.com`]) {
      const result = await handleNewsletterSignUp(input(goodBody({ email })), deps(spektrix));
      expect(result.status).toBe(400);
      expect(result.body).toMatchObject({ error: "invalid-fields" });
      expect((result.body as { problems?: string[] }).problems?.[0]).toMatch(/^email: /);
    }
    expect(calls).toEqual([]);
  });

  it("refuses names that are not plain text (markup, control characters, reordering marks, half a character)", async () => {
    const { spektrix, calls } = fakeSpektrix();
    for (const firstName of ["<img src=x onerror=alert(1)>", "Ann\u0000", "Ann\u202Eeb", "Ann\uD800"]) {
      const result = await handleNewsletterSignUp(input(goodBody({ firstName })), deps(spektrix));
      expect(result.status, JSON.stringify(firstName)).toBe(400);
      expect((result.body as { problems?: string[] }).problems?.[0]).toMatch(/^firstName: First name (must|contains)/);
    }
    expect(calls).toEqual([]);
    // Names from anywhere are fine.
    const ok = await handleNewsletterSignUp(
      input(goodBody({ firstName: "Zoë O’Brien-Ngữ", lastName: "عمر" })),
      deps(spektrix),
    );
    expect(ok.status).toBe(200);
  });

  it("needs at least one statement ticked", async () => {
    const { spektrix, calls } = fakeSpektrix();
    const result = await handleNewsletterSignUp(input(goodBody({ statements: [] })), deps(spektrix));
    expect(result.status).toBe(400);
    expect((result.body as { problems?: string[] }).problems).toEqual(["statements: Tick at least one option"]);
    expect(calls).toEqual([]);
  });

  it("refuses a statement id Spektrix does not have, with no change", async () => {
    const { spektrix, calls } = fakeSpektrix();
    const result = await handleNewsletterSignUp(input(goodBody({ statements: ["101ABC", "999ZZZ"] })), deps(spektrix));
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({ error: "unknown-statement" });
    expect(calls).toEqual([]);
  });

  it("refuses unreadable, non-object and extra-field bodies with a 4xx; too large is 413", async () => {
    const { spektrix, calls } = fakeSpektrix();
    for (const value of [undefined, "text", [1], { ...goodBody(), admin: true }]) {
      expect((await handleNewsletterSignUp(input(value), deps(spektrix))).status).toBe(400);
    }
    const tooLarge = await handleNewsletterSignUp(
      input(null, { body: async () => ({ ok: false, reason: "too-large" }) }),
      deps(spektrix),
    );
    expect(tooLarge.status).toBe(413);
    expect(calls).toEqual([]);
  });
});

describe("newsletter sign-up: saving consent", () => {
  it("gives existing and new customers the very same answer", async () => {
    const existing = fakeSpektrix(["fan@example.com"]);
    const fresh = fakeSpektrix();
    const a = await handleNewsletterSignUp(input(goodBody()), deps(existing.spektrix));
    const b = await handleNewsletterSignUp(input(goodBody()), deps(fresh.spektrix));
    expect(a).toEqual(b);
    expect(a).toEqual({ status: 200, body: { ok: true, message: SIGNED_UP_MESSAGE } });
    expect(existing.calls).toEqual(["find", "add"]);
    expect(fresh.calls).toEqual(["find", "create"]);
  });

  it("logs outcome codes, never the e-mail address or names", async () => {
    const { spektrix } = fakeSpektrix();
    await handleNewsletterSignUp(input(goodBody()), deps(spektrix));
    expect(logs.join()).toContain("created");
    expect(logs.join()).not.toMatch(/fan@example\.com|Ada/);
  });

  it("adds to the customer a simultaneous sign-up created after the look-up", async () => {
    const calls: string[] = [];
    let created = false;
    const spektrix: SignUpSpektrix = {
      async findCustomerByEmail() {
        calls.push("find");
        return created ? { id: "I-AAAA-0003" } : null;
      },
      async createCustomer() {
        calls.push("create");
        created = true;
        throw new SpektrixHttpError({
          status: 400,
          code: null,
          message: "Duplicate Entry",
          problems: [],
          request: { method: "POST", path: "customers" },
        });
      },
      async addAgreedStatements() {
        calls.push("add");
        return [];
      },
    };
    const result = await handleNewsletterSignUp(input(goodBody()), deps(spektrix));
    expect(result.status).toBe(200);
    expect(calls).toEqual(["find", "create", "find", "add"]);
  });

  it("answers 503 when Spektrix is down or slow, 502 when it answers oddly, never 5xx without trying", async () => {
    const down = fakeSpektrix();
    down.spektrix.findCustomerByEmail = async () => {
      throw new SpektrixTimeoutError({ method: "GET", path: "customers" }, 4000);
    };
    const slow = await handleNewsletterSignUp(input(goodBody()), deps(down.spektrix));
    expect(slow.status).toBe(503);
    expect(slow.body).toMatchObject({ error: "upstream-unavailable" });

    const odd = fakeSpektrix();
    odd.spektrix.addAgreedStatements = async () => {
      throw new SpektrixHttpError({
        status: 400,
        code: null,
        message: "Invalid statement",
        problems: [],
        request: { method: "POST", path: "customers/x/agreed-statements" },
      });
    };
    odd.spektrix.findCustomerByEmail = async () => ({ id: "I-AAAA-0001" });
    const rejected = await handleNewsletterSignUp(input(goodBody()), deps(odd.spektrix));
    expect(rejected.status).toBe(502);
    expect(rejected.body).toMatchObject({ error: "upstream-error" });

    const noList = await handleNewsletterSignUp(
      input(goodBody()),
      deps(fakeSpektrix().spektrix, { statements: async () => ({ ok: false }) }),
    );
    expect(noList.status).toBe(503);
  });
});

describe("newsletter sign-up against the emulator (owner mode)", () => {
  let h: Harness;
  let statements: Statement[];
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.stop();
  });
  beforeEach(async () => {
    h.emulator.reset();
    statements = await h.account.owner.listStatements();
  });
  const emulatorDeps = () => deps(h.account.owner, { statements: async () => ({ ok: true, items: statements }) });

  it("creates a new customer with the chosen statements, names as given", async () => {
    const [email, , partners] = statements;
    const result = await handleNewsletterSignUp(
      input(goodBody({ email: "new-fan@example.com", lastName: "Lovelace", statements: [email!.id, partners!.id] })),
      emulatorDeps(),
    );
    expect(result.status).toBe(200);
    const customer = h.emulator.state.customerByEmail("new-fan@example.com");
    expect(customer).toMatchObject({ firstName: "Ada", lastName: "Lovelace" });
    expect(customer?.agreedStatements).toEqual([email!.id, partners!.id]);
  });

  it("only adds consent to an existing customer, never changing their name; same answer as a new one", async () => {
    const [email, post] = statements;
    const guest = { ...h.emulator.state.customerByEmail("guest@example.com")! };
    await h.account.owner.addAgreedStatements(guest.id, [post!.id]);
    const result = await handleNewsletterSignUp(
      input(goodBody({ email: "GUEST@example.com", firstName: "Someone", lastName: "Else", statements: [email!.id] })),
      emulatorDeps(),
    );
    expect(result).toEqual({ status: 200, body: { ok: true, message: SIGNED_UP_MESSAGE } });
    const after = h.emulator.state.customer(guest.id);
    expect(after.firstName).toBe(guest.firstName);
    expect(after.lastName).toBe(guest.lastName);
    expect(after.agreedStatements).toEqual([post!.id, email!.id]);
  });

  it("answers 503 when the emulator fails, and writes nothing", async () => {
    h.emulator.faults.add({ type: "status", status: 503, path: "customers", count: 5 });
    const result = await handleNewsletterSignUp(
      input(goodBody({ email: "later@example.com", statements: [statements[0]!.id] })),
      emulatorDeps(),
    );
    expect(result.status).toBe(503);
    h.emulator.faults.clear();
    expect(await h.account.owner.findCustomerByEmail("later@example.com")).toBeNull();
  });
});
