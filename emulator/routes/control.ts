import { randomBytes } from "node:crypto";
import type { Hono } from "hono";
import { z } from "zod";
import { type AppEnv, type Emu } from "../context";
import { badRequest, notFound } from "../errors";
import { refId } from "../data/catalogue";
import { formatWallClock, isDateTime, parseWallClock } from "../data/dates";

const faultSchema = z.object({
  type: z.enum([
    "latency",
    "status",
    "rateLimit",
    "hang",
    "malformedJson",
    "truncated",
    "emptyCatalogue",
    "vanishEvents",
  ]),
  path: z.string().optional(),
  method: z.string().optional(),
  count: z.number().int().positive().optional(),
  latencyMs: z.number().int().nonnegative().optional(),
  status: z.union([z.literal(500), z.literal(502), z.literal(503)]).optional(),
  retryAfter: z.number().int().nonnegative().optional(),
  percent: z.number().min(0).max(100).optional(),
});

const eventPatch = z.looseObject({ name: z.string().optional() });
const instancePatch = z.object({
  cancelled: z.boolean().optional(),
  /** New local start time; startUtc and the selling window move by the same amount. */
  start: z.string().optional(),
  available: z.number().int().nonnegative().optional(),
  /** Seats held back by locks (house seats): counted in `available`, never sold on the web. */
  locked: z.number().int().nonnegative().optional(),
  isOnSale: z.boolean().optional(),
  /** false: a box-office-only instance, served in owner mode only. */
  isVisibleOnWeb: z.boolean().optional(),
});
const newEvent = z.object({
  name: z.string().min(1),
  description: z.string().optional(),
  starts: z.array(z.string()).min(1),
  price: z.number().nonnegative().optional(),
  attributes: z.record(z.string(), z.unknown()).optional(),
});
const newGiftVoucher = z.object({
  amount: z.number().positive().max(10_000),
  state: z.enum(["valid", "redeemed", "expired"]).default("valid"),
});
const systemSettings = z.object({ giftAid: z.boolean() });
const newTestCustomer = z.object({ giftAidDeclared: z.boolean().default(false) });

const generate = z.object({
  events: z.number().int().positive().max(20000),
  performancesPerEvent: z.number().int().positive().max(100),
});

function json<T extends z.ZodType>(raw: string, schema: T): z.infer<T> {
  let value: unknown;
  try {
    value = raw ? JSON.parse(raw) : {};
  } catch {
    throw badRequest("Body is not valid JSON.");
  }
  const r = schema.safeParse(value);
  if (!r.success)
    throw badRequest(
      "Invalid control request.",
      r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`),
    );
  return r.data;
}

/**
 * Whether a control call may change anything: a browser page on another site must not be able to reset the
 * demo or inject faults while a developer has it open. A browser always sends `Origin` on a cross-origin POST,
 * so: no `Origin` (tests, scripts, curl) or this emulator's own origin or one of its `--origin` sites; never a
 * `Sec-Fetch-Site: cross-site` request; and a body only as JSON (a form or `text/plain` post, the kinds a page
 * can send anywhere without asking, is refused even from an allowed origin).
 */
export function controlRequestAllowed(
  request: { url: string; method: string; headers: Headers },
  allowedOrigins: readonly string[],
): { ok: true } | { ok: false; status: 403 | 415; message: string } {
  if (request.method === "GET" || request.method === "HEAD" || request.method === "OPTIONS") return { ok: true };
  const origin = request.headers.get("origin");
  if (origin !== null && origin !== new URL(request.url).origin && !allowedOrigins.includes(origin)) {
    return {
      ok: false,
      status: 403,
      message: "Control calls are accepted from the emulator's own origin or the site's only.",
    };
  }
  if (request.headers.get("sec-fetch-site") === "cross-site")
    return { ok: false, status: 403, message: "Control calls are not accepted cross-site." };
  const length = Number(request.headers.get("content-length") ?? "0");
  const chunked = request.headers.has("transfer-encoding");
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if ((length > 0 || chunked || type !== "") && type !== "application/json") {
    return { ok: false, status: 415, message: "Control calls take JSON bodies only (Content-Type: application/json)." };
  }
  return { ok: true };
}

/** Test-only control surface; mounted only with `control: true` / `--control`. */
export function registerControl(app: Hono<AppEnv>, emu: Emu): void {
  const store = emu.store;
  const cat = () => store.catalogue;

  app.use("/__control/*", async (c, next) => {
    const verdict = controlRequestAllowed(
      { url: c.req.url, method: c.req.method, headers: c.req.raw.headers },
      emu.config.origins,
    );
    if (!verdict.ok) return c.json({ message: verdict.message }, verdict.status);
    return next();
  });

  app.get("/__control/requests", (c) =>
    c.json(emu.requests.filter({ path: c.req.query("path"), method: c.req.query("method") })),
  );
  app.delete("/__control/requests", (c) => {
    emu.requests.clear();
    return c.body(null, 204);
  });

  app.get("/__control/faults", (c) => c.json(emu.faults.list()));
  app.post("/__control/faults", async (c) =>
    c.json({ id: emu.faults.add(json(await c.req.text(), faultSchema)) }, 201),
  );
  app.delete("/__control/faults", (c) => {
    emu.faults.clear();
    return c.body(null, 204);
  });
  app.delete("/__control/faults/:id", (c) =>
    emu.faults.remove(Number(c.req.param("id"))) ? c.body(null, 204) : c.json({ message: "No such fault" }, 404),
  );

  app.post("/__control/reset", (c) => {
    store.reset();
    emu.faults.clear();
    emu.requests.clear();
    return c.body(null, 204);
  });

  // Every basket with items times out now, as if its hold had run out (without moving the clock for the rest).
  app.post("/__control/baskets/expire", (c) => c.json({ released: store.releaseIdleBaskets({ all: true }) }));

  app.get("/__control/state", (c) =>
    c.json({
      events: cat().events.size,
      instances: cat().instances.size,
      plans: cat().plans.size,
      venues: cat().venues.size,
      customers: store.customers.size,
      baskets: store.baskets.size,
      orders: store.orders.size,
      shifts: Object.fromEntries(cat().shifts),
      now: store.opts.now().toISOString(),
    }),
  );

  // A code of the state a test needs, unique to it: no test depends on a code another one redeemed.
  app.post("/__control/gift-vouchers", async (c) => {
    const body = json(await c.req.text(), newGiftVoucher);
    const now = store.opts.now().getTime();
    const voucher = store.issueGiftVoucher({
      code: `GV-${randomBytes(6).toString("hex").toUpperCase()}`,
      amount: body.amount,
      redeemedBy: body.state === "redeemed" ? "I-CONTROL" : null,
      expiresAt: body.state === "expired" ? now - 86_400_000 : now + 365 * 86_400_000,
    });
    return c.json({ code: voucher.code, amount: voucher.amount }, 201);
  });

  // System settings a venue's Spektrix team would change: today, whether the system claims Gift Aid.
  app.post("/__control/system", async (c) => {
    store.giftAidClaimed = json(await c.req.text(), systemSettings).giftAid;
    return c.json({ giftAid: store.giftAidClaimed });
  });

  // A fresh member with a password and a billing address, for tests that change what a customer holds.
  app.post("/__control/customers", async (c) => {
    const body = json(await c.req.text(), newTestCustomer);
    const suffix = randomBytes(5).toString("hex");
    const password = `pw-${randomBytes(8).toString("hex")}`;
    const customer = store.createCustomer({
      email: `test-${suffix}@example.com`,
      firstName: "Tess",
      lastName: `Tester ${suffix.slice(0, 4)}`,
      password,
      address: {
        line1: "12 Playhouse Yard",
        line2: "",
        town: "Calgary",
        county: "AB",
        postcode: "T2P 2M5",
        country: { id: "CA", name: "Canada" },
      },
    });
    customer.giftAidDeclared = body.giftAidDeclared;
    return c.json({ id: customer.id, email: customer.email, password }, 201);
  });
  app.get("/__control/customers/:id", (c) => {
    const customer = store.customer(c.req.param("id"));
    return c.json({
      id: customer.id,
      creditBalance: customer.creditBalance,
      giftAidDeclared: customer.giftAidDeclared ?? false,
      orders: customer.orderIds.map((id) => store.order(id).json),
    });
  });

  app.post("/__control/events", async (c) => {
    const body = json(await c.req.text(), newEvent);
    return c.json(cat().createEvent({ ...body, starts: body.starts }), 201);
  });
  app.patch("/__control/events/:id", async (c) => {
    const event = cat().events.get(c.req.param("id"));
    if (!event) throw notFound("Event", c.req.param("id"));
    const body = json(await c.req.text(), eventPatch);
    Object.assign(event, body);
    return c.json(event);
  });
  app.delete("/__control/events/:id", (c) =>
    cat().removeEvent(c.req.param("id")) ? c.body(null, 204) : c.json({ message: "No such event" }, 404),
  );

  app.patch("/__control/instances/:id", async (c) => {
    const instance = store.instance(c.req.param("id"));
    const body = json(await c.req.text(), instancePatch);
    if (body.cancelled !== undefined) {
      instance.cancelled = body.cancelled;
      if (body.cancelled) instance.isOnSale = false;
    }
    if (body.isOnSale !== undefined) instance.isOnSale = body.isOnSale;
    if (body.isVisibleOnWeb !== undefined) instance.isVisibleOnWeb = body.isVisibleOnWeb;
    if (body.start !== undefined) {
      if (!isDateTime(body.start) || !isDateTime(instance.start)) throw badRequest("start must be YYYY-MM-DDTHH:MM:SS");
      const delta = parseWallClock(body.start) - parseWallClock(instance.start);
      for (const key of [
        "start",
        "startUtc",
        "startSellingAtWeb",
        "startSellingAtWebUtc",
        "stopSellingAtWeb",
        "stopSellingAtWebUtc",
      ]) {
        const v = instance[key];
        if (isDateTime(v)) instance[key] = formatWallClock(parseWallClock(v) + delta, v.endsWith("Z"));
      }
      cat().refreshEventDates(refId(instance.event));
    }
    if (body.locked !== undefined) store.setLocked(String(instance.id), body.locked);
    if (body.available !== undefined) store.setAvailability(String(instance.id), body.available);
    return c.json(instance);
  });

  app.post("/__control/generate", async (c) => {
    const body = json(await c.req.text(), generate);
    const started = Date.now();
    const instances = cat().generate(body.events, body.performancesPerEvent, store.opts.now());
    return c.json({ events: body.events, instances, ms: Date.now() - started }, 201);
  });
}
