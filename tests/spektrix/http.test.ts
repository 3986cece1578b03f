import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createSpektrixClient } from "@/lib/spektrix/client";
import {
  describeSpektrixError,
  SpektrixHttpError,
  SpektrixInvalidIdError,
  SpektrixNetworkError,
  SpektrixSchemaError,
  SpektrixTimeoutError,
} from "@/lib/spektrix/errors";
import { decodeErrorBody, parseRetryAfter } from "@/lib/spektrix/http";
import { createSpektrixOwnerClient } from "@/lib/spektrix/owner-client";
import { signRequest } from "@/lib/spektrix/signing";

const VENUES = [{ id: "201AGBHDRLQHNHPHKKMPKLGPMDRDTDMVL", name: "Main House", address: "1 High St" }];
const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(typeof body === "string" ? body : JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });

type Step = Response | Error | "hang";
function scriptedFetch(steps: Step[]) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch = vi.fn((url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), init: init ?? {} });
    const step = steps.shift() ?? new Error("no scripted response left");
    if (step === "hang") {
      return new Promise<Response>((_, reject) =>
        init?.signal?.addEventListener("abort", () => reject(init.signal?.reason)),
      );
    }
    return step instanceof Error ? Promise.reject(step) : Promise.resolve(step);
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls };
}

const client = (steps: Step[], extra: { retries?: number; timeoutMs?: number } = {}) => {
  const scripted = scriptedFetch(steps);
  return {
    ...scripted,
    spektrix: createSpektrixClient({
      baseUrl: "https://tickets.venue.org/",
      clientName: "demo",
      fetch: scripted.fetch,
      random: () => 1,
      ...extra,
    }),
  };
};

afterEach(() => {
  vi.useRealTimers();
});

describe("requests", () => {
  it("calls {base}/{client}/api/v3/… with the session cookie and camelCase instance window", async () => {
    const { spektrix, calls } = client([json(200, []), json(200, [])]);
    await spektrix.listPerformances({ from: "2025-01-01", to: new Date(Date.UTC(2025, 1, 2)) });
    await spektrix.listEvents({ from: "2025-01-01", expandInstances: true });
    expect(calls[0]?.url).toBe(
      "https://tickets.venue.org/demo/api/v3/instances?startFrom=2025-01-01&startTo=2025-02-02",
    );
    expect(calls[1]?.url).toBe(
      "https://tickets.venue.org/demo/api/v3/events?instanceStart_from=2025-01-01&$expand=instances",
    );
    expect(calls[0]?.init.credentials).toBe("include");
    expect(calls[0]?.init.method).toBe("GET");
  });

  it("validates ids before making any request", async () => {
    const { spektrix, fetch } = client([]);
    await expect(spektrix.getEvent("../customers")).rejects.toBeInstanceOf(SpektrixInvalidIdError);
    await expect(spektrix.getAvailability("4201")).rejects.toBeInstanceOf(SpektrixInvalidIdError);
    await expect(spektrix.removeTickets(["a,b"])).rejects.toBeInstanceOf(SpektrixInvalidIdError);
    expect(fetch).not.toHaveBeenCalled();
  });

  it("sends basket writes as JSON arrays and storeCard as a string", async () => {
    const { spektrix, calls } = client([
      json(200, []),
      json(200, { paymentToken: "tok" }),
      new Response(null, { status: 204 }),
    ]);
    await spektrix.addTickets([
      {
        performanceId: "8801ABJDKGQJJPHNLQGQLLLRMHJSKRCGT",
        ticketTypeId: "101AHDQNSKCGQHSDLJLJDDGPPKHGQJRC",
        planId: "3404AKMQHDRGLLBNGMSMGPMHDKHGTPMKQ",
      },
    ]);
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual([
      {
        instance: "8801ABJDKGQJJPHNLQGQLLLRMHJSKRCGT",
        type: "101AHDQNSKCGQHSDLJLJDDGPPKHGQJRC",
        seatingPlan: "3404AKMQHDRGLLBNGMSMGPMHDKHGTPMKQ",
      },
    ]);
    await expect(
      spektrix.initiateCustomerPayment({ originDomain: "tickets.venue.org", billingAddressId: "A1", storeCard: false }),
    ).resolves.toEqual({ paymentToken: "tok" });
    expect(JSON.parse(String(calls[1]?.init.body))).toEqual({
      originDomain: "tickets.venue.org",
      billingAddressId: "A1",
      storeCard: "false",
    });
    await spektrix.removeTickets(["T1", "T2"]);
    expect(calls[2]?.url).toBe("https://tickets.venue.org/demo/api/v3/basket/tickets?ticketIds=T1,T2");
    expect(calls[2]?.init.method).toBe("DELETE");
  });

  it("returns null for no basket and for nobody logged in", async () => {
    const { spektrix } = client([json(404, { message: "No basket" }), json(401, { message: "Unauthorized" })]);
    await expect(spektrix.getBasket()).resolves.toBeNull();
    await expect(spektrix.getCustomer()).resolves.toBeNull();
  });

  it("says whether this session is signed in: yes, no (401 or 404), or that it cannot tell (a 403)", async () => {
    const customer = { id: "I-AK11-1ATK", firstName: "Morgan", lastName: "Lee", email: "m@example.com" };
    const { spektrix } = client([
      json(200, customer),
      json(401, { message: "Unauthorized" }),
      json(404, { message: "Not found" }),
      json(403, { message: "Forbidden" }),
    ]);
    await expect(spektrix.isSignedIn()).resolves.toBe(true);
    await expect(spektrix.isSignedIn()).resolves.toBe(false);
    await expect(spektrix.isSignedIn()).resolves.toBe(false);
    await expect(spektrix.isSignedIn()).resolves.toBeNull();
  });
});

describe("errors", () => {
  it("decodes status, Spektrix code, message and problems into SpektrixHttpError", async () => {
    const { spektrix } = client([json(409, { message: "Basket requires payment", problems: ["pay first"], code: 11 })]);
    const error = await spektrix.confirmFreeBasket().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpektrixHttpError);
    expect(error).toMatchObject({
      status: 409,
      code: 11,
      problems: ["pay first"],
      method: "POST",
      path: "basket/confirm",
    });
    expect(describeSpektrixError(error)).toEqual({
      status: 409,
      reason: "conflict-11",
      message: "This basket needs a payment before it can be completed.",
    });
  });

  it("copes with Cloudflare's HTML 403 and ASP.NET's Message spelling", () => {
    expect(decodeErrorBody(403, "<html>Attention Required</html>")).toEqual({
      message: "HTTP 403",
      problems: [],
      code: null,
    });
    expect(decodeErrorBody(401, '{"Message":"Authorization has been denied for this request."}').message).toMatch(
      /denied/,
    );
    expect(decodeErrorBody(409, '{"message":"x","errorCode":"18"}').code).toBe(18);
  });

  it("turns malformed JSON and wrong shapes into SpektrixSchemaError", async () => {
    const { spektrix } = client([json(200, "{not json"), json(200, [{ id: "201AGB", address: "x" }])]);
    await expect(spektrix.listVenues()).rejects.toMatchObject({
      name: "SpektrixSchemaError",
      field: "(root)",
      endpoint: "GET venues",
    });
    const error = await spektrix.listVenues().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpektrixSchemaError);
    expect((error as SpektrixSchemaError).field).toBe("[0].name");
    expect((error as SpektrixSchemaError).message).toContain("at [0].name, in id 201AGB:");
  });

  it("names the list item a bad field is in, so an editor can find it in Spektrix", async () => {
    const events = [
      { id: "101AGB", name: "Fine", isOnSale: true, duration: 120 },
      { id: "13100AKHKVGPLBMVHPPJPKSCBLQBMCCPL", name: "Tosca", isOnSale: true, duration: "ninety" },
    ];
    const { spektrix } = client([json(200, events)]);
    const error = (await spektrix.listEvents().catch((e: unknown) => e)) as SpektrixSchemaError;
    expect(error).toBeInstanceOf(SpektrixSchemaError);
    expect(error.message).toMatch(
      /^Spektrix GET events returned unexpected data at \[1\]\.duration, in “Tosca” \(id 13100AKHKVGPLBMVHPPJPKSCBLQBMCCPL\): /,
    );
    expect(error.issues[0]?.record).toBe("“Tosca” (id 13100AKHKVGPLBMVHPPJPKSCBLQBMCCPL)");
    // A long name is cut by whole characters: half an emoji would be a lone surrogate, which jsonb refuses.
    const long = `${"x".repeat(59)}🎭 and more`;
    const { spektrix: again } = client([json(200, [{ ...events[1], name: long }])]);
    const cut = ((await again.listEvents().catch((e: unknown) => e)) as SpektrixSchemaError).issues[0]?.record;
    expect(cut).toBe(`“${"x".repeat(59)}🎭” (id 13100AKHKVGPLBMVHPPJPKSCBLQBMCCPL)`);
  });

  it("maps every error kind to a status and a visitor-safe message", () => {
    const where = { method: "GET", path: "events" };
    const cases: [unknown, number][] = [
      [new SpektrixHttpError({ status: 404, code: null, message: "x", problems: [], request: where }), 404],
      [
        new SpektrixHttpError({
          status: 503,
          code: null,
          message: "secret upstream text",
          problems: [],
          request: where,
        }),
        502,
      ],
      [new SpektrixHttpError({ status: 429, code: null, message: "x", problems: [], request: where }), 503],
      [new SpektrixTimeoutError(where, 8000), 504],
      [new SpektrixNetworkError(where, new Error("ECONNREFUSED")), 502],
      [new SpektrixSchemaError("GET events", [{ path: "[0].id", message: "x" }]), 502],
      [new SpektrixInvalidIdError("nope", "event id"), 404],
      [new Error("boom"), 500],
    ];
    for (const [error, status] of cases) {
      const described = describeSpektrixError(error);
      expect(described.status).toBe(status);
      expect(described.message).not.toMatch(/secret|ECONNREFUSED|boom|\[0\]/);
    }
  });
});

describe("resilience (fake timers)", () => {
  it("times out a hung call after timeoutMs and does not retry it", async () => {
    vi.useFakeTimers();
    const { spektrix, fetch } = client(["hang", json(200, VENUES)], { timeoutMs: 1000 });
    const result = expect(spektrix.listVenues()).rejects.toMatchObject({
      name: "SpektrixTimeoutError",
      timeoutMs: 1000,
      path: "venues",
    });
    await vi.advanceTimersByTimeAsync(999);
    expect(fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    await result;
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("retries a GET on 5xx and network errors with growing backoff, then succeeds", async () => {
    vi.useFakeTimers();
    const { spektrix, fetch } = client([json(503, {}), new TypeError("fetch failed"), json(200, VENUES)]);
    const venues = spektrix.listVenues();
    await vi.advanceTimersByTimeAsync(0);
    expect(fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(250); // first ceiling (random() pinned to 1)
    expect(fetch).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(499);
    expect(fetch).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1); // second ceiling doubles
    await expect(venues).resolves.toHaveLength(1);
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  it("waits at least Retry-After on 429", async () => {
    vi.useFakeTimers();
    const { spektrix, fetch } = client([json(429, {}, { "retry-after": "2" }), json(200, VENUES)]);
    const venues = spektrix.listVenues();
    await vi.advanceTimersByTimeAsync(1999);
    expect(fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(venues).resolves.toHaveLength(1);
  });

  it("gives up at once when Retry-After is beyond the cap, and after the retry budget otherwise", async () => {
    vi.useFakeTimers();
    const far = client([json(429, {}, { "retry-after": "120" })]);
    await expect(far.spektrix.listVenues()).rejects.toMatchObject({ status: 429, retryAfterMs: 120_000 });
    expect(far.fetch).toHaveBeenCalledTimes(1);

    const down = client([json(500, {}), json(502, {}), json(503, { message: "still down" })]);
    const result = expect(down.spektrix.listVenues()).rejects.toMatchObject({
      status: 503,
      message: expect.stringMatching(/still down/),
    });
    await vi.advanceTimersByTimeAsync(10_000);
    await result;
    expect(down.fetch).toHaveBeenCalledTimes(3);
  });

  it("never retries a write", async () => {
    const { spektrix, fetch } = client([json(503, {}), json(200, [])]);
    await expect(
      spektrix.addDonation({ fundId: "7001ABCDGHJKLMNPQRSTVBCDGHJKLMNPQ", amount: 10 }),
    ).rejects.toMatchObject({ status: 503 });
    const network = client([new TypeError("socket hang up")]);
    await expect(network.spektrix.applyPromoCode("SPRING")).rejects.toBeInstanceOf(SpektrixNetworkError);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(network.fetch).toHaveBeenCalledTimes(1);
  });

  it("stops when the caller aborts, with the caller's reason", async () => {
    const { spektrix } = client(["hang"]);
    const controller = new AbortController();
    const result = spektrix.listVenues({ signal: controller.signal });
    controller.abort(new Error("navigated away"));
    await expect(result).rejects.toThrow("navigated away");
  });

  it("reads Retry-After as seconds or an HTTP date", () => {
    expect(parseRetryAfter("3")).toBe(3000);
    expect(parseRetryAfter("Wed, 21 Oct 2020 07:28:05 GMT", Date.UTC(2020, 9, 21, 7, 28, 0))).toBe(5000);
    expect(parseRetryAfter("soon")).toBeNull();
    expect(parseRetryAfter(null)).toBeNull();
  });
});

describe("owner mode over real HTTP", () => {
  const KEY = "dGhpcyBpcyBhIHRlc3Q=";
  let server: Server;
  let baseUrl: string;
  const seen: {
    url: string;
    authorization: string | undefined;
    expected: string;
    userAgent: string | undefined;
    cookie: string | undefined;
  }[] = [];

  const readBody = (req: IncomingMessage) =>
    new Promise<Buffer>((resolve) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => resolve(Buffer.concat(chunks)));
    });

  beforeAll(async () => {
    server = createServer(async (req, res) => {
      const body = await readBody(req);
      // Rebuild the absolute URL from what arrived on the wire: scheme + Host + raw path and query.
      const url = `http://${req.headers.host}${req.url}`;
      const expected = signRequest({
        method: req.method ?? "GET",
        url,
        date: String(req.headers.date),
        body: body.length ? body : undefined,
        apiUser: "demo",
        apiKey: KEY,
      }).Authorization;
      seen.push({
        url,
        authorization: req.headers.authorization,
        expected,
        userAgent: req.headers["user-agent"],
        cookie: req.headers.cookie,
      });
      if (req.headers.authorization !== expected) {
        res
          .writeHead(401, { "content-type": "application/json" })
          .end(JSON.stringify({ message: "Signature mismatch" }));
        return;
      }
      if (req.url?.startsWith("/demo/api/v3/customers?")) {
        res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ message: "Not found" }));
        return;
      }
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ paymentToken: "pt_123" }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("signs the URL exactly as the server receives it, query and body included", async () => {
    const owner = createSpektrixOwnerClient({ baseUrl, clientName: "demo", owner: { apiUser: "demo", apiKey: KEY } });
    await expect(owner.findCustomerByEmail("a.b+c@example.org")).resolves.toBeNull();
    await expect(
      owner.initiateCustomerPayment("B-1", {
        originDomain: "tickets.venue.org",
        billingAddressId: "A1",
        storeCard: true,
      }),
    ).resolves.toEqual({ paymentToken: "pt_123" });
    expect(seen[0]?.url).toBe(`${baseUrl}/demo/api/v3/customers?email=a.b%2Bc%40example.org`);
    expect(seen.every((s) => s.authorization === s.expected)).toBe(true);
    expect(seen[0]?.userAgent).toMatch(/spektrix-storefront/);
  });

  it("surfaces a rejected signature as a 401 SpektrixHttpError", async () => {
    const wrong = createSpektrixOwnerClient({
      baseUrl,
      clientName: "demo",
      owner: { apiUser: "demo", apiKey: "d3Jvbmcga2V5" },
    });
    await expect(wrong.getCustomerById("I-AK11-1ATK")).rejects.toMatchObject({
      name: "SpektrixHttpError",
      status: 401,
      message: expect.stringMatching(/Signature mismatch/),
    });
  });

  it("refuses owner credentials on the browser-safe client", () => {
    expect(() =>
      createSpektrixClient({ baseUrl, clientName: "demo", owner: { apiUser: "u", apiKey: KEY } } as never),
    ).toThrow(/createSpektrixOwnerClient/);
  });
});
