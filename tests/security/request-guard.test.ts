import { describe, expect, it } from "vitest";
import { readBodyText, readJsonBody, ROUTE_BODY_LIMIT, SERVER_ACTION_BODY_LIMIT } from "@/lib/security/body";
import { guardActionBody, guardRequest, isWellEncodedPath, refusalResponse } from "@/lib/security/request-guard";

const HOST = "shop.example.org";
const req = (method: string, rawPathname: string, headers: Record<string, string> = {}) => ({
  method,
  rawPathname,
  headers: new Headers({ host: HOST, ...headers }),
});
const action = (headers: Record<string, string> = {}) => ({
  "next-action": "a".repeat(42),
  "content-type": "text/plain;charset=UTF-8",
  origin: `https://${HOST}`,
  ...headers,
});

describe("the request guard", () => {
  it.each([
    "/events/%E0%A4%A",
    "/book/%",
    "/info/%zz",
    "/checkout/confirmation/%C0%AF",
    "/studio/events/%ED%A0%80",
    "/a/b%2",
  ])("refuses malformed encoding %s → 400", (path) => {
    expect(isWellEncodedPath(path)).toBe(false);
    for (const method of ["GET", "POST", "HEAD"])
      expect(guardRequest(req(method, path))).toMatchObject({ status: 400, error: "bad-encoding" });
  });

  it("answers a browser opening a page with a short page, and every other caller with the JSON body", async () => {
    const refusal = guardRequest(req("GET", "/events/%E0%A4%A"))!;
    const page = refusalResponse(refusal, {
      method: "GET",
      accept: "text/html,application/xhtml+xml,*/*;q=0.8",
      pathname: "/events/%E0%A4%A",
    });
    expect(page.status).toBe(400);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    expect(page.headers.get("content-security-policy")).toContain("default-src 'none'");
    const html = await page.text();
    expect(html).toContain("That address is not valid.");
    expect(html).toContain('<a href="/">Go to the home page</a>');
    for (const asked of [
      { method: "GET", accept: "application/json", pathname: "/events/%E0%A4%A" },
      { method: "GET", accept: "text/html", pathname: "/api/availability/%zz" },
      { method: "POST", accept: "text/html", pathname: "/events/%E0%A4%A" },
      undefined,
    ]) {
      const res = refusalResponse(refusal, asked);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error: "bad-encoding", message: refusal.message });
    }
  });

  it.each(["/events/caf%C3%A9", "/events/plain", "/", "/whats-on", "/events/100%25"])(
    "lets a well-encoded path through: %s",
    (path) => {
      expect(guardRequest(req("GET", path))).toBeNull();
    },
  );

  it("refuses a server action from a foreign, null or look-alike Origin → 403; accepts its own host or none", () => {
    for (const origin of ["https://evil.example", "null", `https://${HOST}.evil.example`, "not a url"]) {
      expect(guardRequest(req("POST", "/studio/sign-in", action({ origin }))), origin).toMatchObject({
        status: 403,
        error: "cross-origin",
      });
    }
    expect(guardRequest(req("POST", "/studio/sign-in", action()))).toBeNull();
    const { origin: _omitted, ...noOrigin } = action();
    expect(guardRequest(req("POST", "/studio/sign-in", noOrigin))).toBeNull();
    // A form posted to a page without JavaScript is an action too: another site's form is refused, not a 500.
    const form = { "content-type": "multipart/form-data; boundary=zz" };
    for (const origin of ["https://evil.example", "null"]) {
      expect(guardRequest(req("POST", "/", { ...form, origin })), origin).toMatchObject({ status: 403 });
    }
    expect(guardRequest(req("POST", "/", { ...form, origin: `https://${HOST}` }))).toBeNull();
    // The API's routes are not actions: each checks its callers itself.
    expect(guardRequest(req("POST", "/api/newsletter", { ...form, origin: "https://evil.example" }))).toBeNull();
    // Behind a proxy the forwarded host is what the browser used.
    expect(
      guardRequest(req("POST", "/studio/sign-in", action({ host: "internal:3000", "x-forwarded-host": HOST }))),
    ).toBeNull();
  });

  it("refuses a server action of a content type Next cannot decode → 415", () => {
    expect(guardRequest(req("POST", "/studio/sign-in", action({ "content-type": "application/json" })))).toMatchObject({
      status: 415,
    });
  });

  it("refuses a declared body over the limit → 413 (1 MB for actions, 64 KB elsewhere)", () => {
    expect(
      guardRequest(req("POST", "/studio/pages/1", action({ "content-length": String(SERVER_ACTION_BODY_LIMIT + 1) }))),
    ).toMatchObject({ status: 413 });
    expect(
      guardRequest(req("POST", "/studio/pages/1", action({ "content-length": String(SERVER_ACTION_BODY_LIMIT) }))),
    ).toBeNull();
    expect(
      guardRequest(req("POST", "/api/checkout/customer-payment", { "content-length": String(ROUTE_BODY_LIMIT + 1) })),
    ).toMatchObject({ status: 413 });
    expect(guardRequest(req("POST", "/api/sync", { "content-length": "-1" }))).toMatchObject({ status: 413 });
    expect(guardRequest(req("POST", "/api/sync", { "content-length": "120" }))).toBeNull();
  });

  it("refuses an action body Next could not decode → 400, and leaves the body readable for the action", async () => {
    const post = (body: string, type = "text/plain;charset=UTF-8") =>
      new Request(`https://${HOST}/studio/sign-in`, {
        method: "POST",
        headers: action({ "content-type": type }),
        body,
      });
    for (const body of ["garbage{", '{"a":1}', "null", ""])
      expect(await guardActionBody(post(body)), body).toMatchObject({ status: 400 });
    expect(await guardActionBody(post("garbage", "multipart/form-data; boundary=zz"))).toMatchObject({ status: 400 });
    const good = post('["$K1"]');
    expect(await guardActionBody(good)).toBeNull();
    expect(await good.text()).toBe('["$K1"]');
    // A form post: the guard decodes a copy within the ceiling, and the action still gets the form.
    const form = new FormData();
    form.set("0", '["$K1"]');
    form.set("_1_title", "Tosca");
    const encoded = new Request(`https://${HOST}/`, { method: "POST", body: form });
    const posted = new Request(`https://${HOST}/studio/pages/1`, {
      method: "POST",
      headers: action({ "content-type": encoded.headers.get("content-type")! }),
      body: await encoded.arrayBuffer(),
    });
    expect(await guardActionBody(posted)).toBeNull();
    expect((await posted.formData()).get("_1_title")).toBe("Tosca");
  });

  it("refuses an action or page post over Next's 1 MB sent without a length (chunked) → 413, not a 500", async () => {
    const chunked = (path: string, headers: Record<string, string>) =>
      new Request(`https://${HOST}${path}`, {
        method: "POST",
        headers,
        body: new ReadableStream<Uint8Array>({
          start(controller) {
            // A well-formed argument list (`["aaa…"]`), so only its size is wrong.
            controller.enqueue(new TextEncoder().encode('["'));
            for (let i = 0; i < 17; i++) controller.enqueue(new Uint8Array(64 * 1024).fill(97));
            controller.enqueue(new TextEncoder().encode('"]'));
            controller.close();
          },
        }),
        duplex: "half",
      } as RequestInit);
    expect(await guardActionBody(chunked("/studio/sign-in", action()))).toMatchObject({ status: 413 });
    expect(await guardActionBody(chunked("/", { "content-type": "multipart/form-data; boundary=XX" }))).toMatchObject({
      status: 413,
    });
  });
});

describe("reading a body with a ceiling", () => {
  const stream = (chunks: number, size: number) =>
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < chunks; i++) controller.enqueue(new Uint8Array(size).fill(97));
        controller.close();
      },
    });

  it("stops at the ceiling on a body sent without a length", async () => {
    const request = new Request("https://x.example/api", {
      method: "POST",
      body: stream(100, 1024),
      duplex: "half",
    } as RequestInit);
    expect(await readBodyText(request, 8 * 1024)).toEqual({ ok: false, reason: "too-large" });
  });

  it("refuses a declared length over the ceiling without reading", async () => {
    const request = new Request("https://x.example/api", {
      method: "POST",
      body: "{}",
      headers: { "content-length": "999999" },
    });
    expect(await readJsonBody(request, 1024)).toEqual({ ok: false, reason: "too-large" });
  });

  it("parses JSON, reports bad JSON and invalid UTF-8 as unreadable, and an empty body as undefined", async () => {
    const post = (body: BodyInit) => new Request("https://x.example/api", { method: "POST", body });
    expect(await readJsonBody(post('{"a":1}'))).toEqual({ ok: true, value: { a: 1 } });
    expect(await readJsonBody(post("{"))).toEqual({ ok: false, reason: "unreadable" });
    expect(await readJsonBody(post(new Uint8Array([0xff, 0xfe])))).toEqual({ ok: false, reason: "unreadable" });
    expect(await readJsonBody(post(""))).toEqual({ ok: true, value: undefined });
  });
});
