import { Hono, type Next } from "hono";
import { type AppEnv, type Ctx, type Emu, BOT_BLOCK_PAGE, isFromBrowser, receivedUrl } from "./context";
import { ApiError } from "./errors";
import type { FaultRule, FaultType } from "./faults";
import { verifySignature } from "./signing";
import { registerCatalogue } from "./routes/catalogue";
import { registerOwner, registerWeb } from "./routes/customers";
import { registerPayments } from "./routes/payments";
import { registerControl } from "./routes/control";
import { registerBrowser } from "./browser/routes";

const OWNER_ONLY = new Set(["baskets", "customers", "orders"]);
const WEB_ONLY = new Set(["basket", "customer"]);

export function createApp(emu: Emu): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const client = emu.config.clientName;
  const apiPrefix = `/${client}/api/v3/`;

  app.onError((err, c) => {
    if (err instanceof ApiError) return c.json(err.body(), err.status);
    console.error("[emulator]", err);
    return c.json(
      { message: "An error has occurred.", problems: [String(err instanceof Error ? err.message : err)] },
      500,
    );
  });
  app.notFound((c) =>
    c.json(
      { message: "No HTTP resource was found that matches the request URI.", problems: [new URL(c.req.url).pathname] },
      404,
    ),
  );

  // Request log: outermost, so it records what the client actually got (faults included).
  app.use("*", async (c, next) => {
    const url = new URL(c.req.url);
    c.set(
      "mode",
      url.pathname.startsWith("/__control") ? "control" : url.pathname.startsWith(apiPrefix) ? "web" : "browser",
    );
    c.set("fromBrowser", isFromBrowser(c, emu.config.origins));
    c.set("rawBody", "");
    await next();
    // Control calls are the test talking to the emulator, not upstream traffic; keep them out of the log.
    if (c.get("mode") === "control") return;
    emu.requests.entries.push({
      time: emu.store.opts.now().toISOString(),
      method: c.req.method,
      path: url.pathname,
      query: url.search,
      mode: c.get("mode"),
      fromBrowser: c.get("fromBrowser"),
      status: c.res.status,
      faults: (c.res.headers.get("X-Emulator-Faults") ?? "").split(",").filter(Boolean) as FaultType[],
    });
  });

  // CORS with credentials, for the configured origins only ("Domain Specific Config").
  app.use("*", async (c, next) => {
    const origin = c.req.header("origin");
    const allowed = origin !== undefined && emu.config.origins.includes(origin);
    if (c.req.method === "OPTIONS" && c.req.header("access-control-request-method")) {
      const headers = new Headers({ Vary: "Origin" });
      if (allowed) {
        headers.set("Access-Control-Allow-Origin", origin);
        headers.set("Access-Control-Allow-Credentials", "true");
        headers.set("Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE, OPTIONS");
        headers.set("Access-Control-Allow-Headers", c.req.header("access-control-request-headers") ?? "Content-Type");
        headers.set("Access-Control-Max-Age", "600");
      }
      return new Response(null, { status: 204, headers });
    }
    await next();
    c.res.headers.append("Vary", "Origin");
    if (allowed) {
      c.res.headers.set("Access-Control-Allow-Origin", origin);
      c.res.headers.set("Access-Control-Allow-Credentials", "true");
    }
  });

  app.use("*", async (c, next) => {
    if (c.get("mode") === "control" || !emu.faults.enabled) return next();
    const url = new URL(c.req.url);
    const apiPath = url.pathname.startsWith(apiPrefix) ? url.pathname.slice(apiPrefix.length) : null;
    const fired = emu.faults.take(c.req.method, url.pathname, url.search, apiPath);
    if (!fired.length) return next();
    c.header("X-Emulator-Faults", fired.map((f) => f.type).join(","));
    return applyFaults(c, next, fired, emu);
  });

  // Mode detection and signature checks for the API.
  app.use(`${apiPrefix}*`, async (c, next) => {
    const body = new Uint8Array(await c.req.arrayBuffer());
    c.set("rawBody", Buffer.from(body).toString("utf8"));
    const first = (new URL(c.req.url).pathname.slice(apiPrefix.length).split("/")[0] ?? "").toLowerCase();
    const authorization = c.req.header("authorization");
    if (authorization !== undefined) {
      const result = verifySignature({
        method: c.req.method,
        url: receivedUrl(c),
        authorization,
        date: c.req.header("date"),
        body,
        users: emu.config.apiUsers,
        now: emu.store.opts.now(),
        maxSkewMs: emu.config.maxSkewMs,
      });
      if (!result.ok) throw new ApiError(401, "Authorization has been denied for this request.", [result.reason]);
      c.set("mode", "owner");
      // Assumed: a signed request carrying a browser's Origin means the API key reached a browser.
      if (c.req.header("origin") !== undefined)
        throw new ApiError(403, "Signed requests are not accepted from a browser.", [
          "Owner mode is server to server: the API key must never reach a browser",
        ]);
      // Server-side calls to the singular web paths are refused by Spektrix; use baskets/customers instead.
      if (WEB_ONLY.has(first))
        throw new ApiError(401, "Authorization has been denied for this request.", [
          `'${first}' is a web-mode path; owner mode uses '${first}s/{id}'`,
        ]);
    } else {
      c.set("mode", "web");
      // Owner paths ask for a signature first, whoever calls: a browser never gets past this.
      if (OWNER_ONLY.has(first))
        throw new ApiError(401, "Authorization has been denied for this request.", [
          "This path needs a signed System Owner request",
        ]);
      if (emu.config.webModeFromBrowsersOnly && !c.get("fromBrowser")) return c.html(BOT_BLOCK_PAGE, 403);
    }
    await next();
    c.header("Cache-Control", "no-cache");
  });

  const api = new Hono<AppEnv>();
  registerCatalogue(api, emu);
  registerWeb(api, emu);
  registerOwner(api, emu);
  app.route(`/${client}/api/v3`, api);

  // Bodies for non-API POSTs (payments, iframe forms) are read here once.
  app.use(`/${client}/emulator-payments/*`, async (c, next) => {
    c.set("rawBody", await c.req.text());
    await next();
  });
  registerPayments(app, emu, client);
  registerBrowser(app, emu);
  if (emu.config.control) registerControl(app, emu);
  return app;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function applyFaults(c: Ctx, next: Next, fired: FaultRule[], emu: Emu): Promise<Response | void> {
  for (const f of fired) if (f.type === "latency") await sleep(f.latencyMs ?? 1000);
  if (fired.some((f) => f.type === "hang")) {
    await emu.faults.hang(c.req.raw.signal);
    return c.body(null, 504);
  }
  const status = fired.find((f) => f.type === "status");
  if (status)
    return c.json({ message: "An error has occurred.", problems: ["Injected by the emulator"] }, status.status ?? 500);
  const limited = fired.find((f) => f.type === "rateLimit");
  if (limited) {
    c.header("Retry-After", String(limited.retryAfter ?? 1));
    return c.json({ message: "Too many requests.", problems: ["Rate limit exceeded"] }, 429);
  }
  if (fired.some((f) => f.type === "malformedJson")) {
    return c.body('{"message": "this is not', 200, { "Content-Type": "application/json; charset=utf-8" });
  }
  const empty = fired.some((f) => f.type === "emptyCatalogue");
  if (empty) c.set("emptyCatalogue", true);
  const vanish = fired.find((f) => f.type === "vanishEvents");
  if (vanish) c.set("vanishPercent", vanish.percent ?? 50);
  await next();
  if (fired.some((f) => f.type === "truncated")) {
    const full = new Uint8Array(await c.res.arrayBuffer());
    const part = full.slice(0, Math.max(1, Math.floor(full.length / 2)));
    let sent = false;
    const stream = new ReadableStream<Uint8Array>({
      // Error only when the server asks for more after writing the first half: the headers (with a
      // Content-Length promising more) are out by then, so the connection drops mid-body. Erroring on a
      // timer instead raced the server on a busy machine, which then answered a tidy 500.
      pull(ctrl) {
        if (!sent) {
          sent = true;
          ctrl.enqueue(part);
        } else {
          // A beat later, so the first half has reached the socket before the stream fails.
          return new Promise<void>((resolve) =>
            setTimeout(() => {
              ctrl.error(new Error("truncated by emulator fault"));
              resolve();
            }, 20),
          );
        }
      },
    });
    const headers = new Headers(c.res.headers);
    headers.set("Content-Length", String(full.length));
    // After next() the context is finalised, so a returned Response would be ignored; replace c.res instead.
    c.res = new Response(stream, { status: c.res.status, headers });
  }
}
