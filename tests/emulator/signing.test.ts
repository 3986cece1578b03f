import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bodyHash, sign, stringToSign, verifySignature } from "../../emulator/signing";
import { DEMO_API_KEY, DEMO_API_KEY_TEXT, DEMO_API_USER, type RunningEmulator } from "../../emulator/index";
import { NOW, owner, start } from "./helpers";

// Known-answer vectors computed outside the code (the openssl commands are in tests/spektrix/signing.test.ts);
// they check the algorithm of docs/spektrix-facts.md §2, not that Spektrix accepts them.
const KEY = "dGhpcyBpcyBhIHRlc3Q=";
const DATE = "Mon, 21 Oct 2020 07:28:00 GMT";

describe("signing function: known-answer vectors", () => {
  it("GET customer by id", () => {
    expect(sign(KEY, "GET", "https://system.spektrix.com/apitesting/api/v3/customers/I-AK11-1ATK", DATE)).toBe(
      "Tn/2Y/c/MXkQUAIqbNeni8F6B1I=",
    );
  });
  it("GET with a raw @ in the query", () => {
    expect(
      sign(KEY, "GET", "https://system.spektrix.com/apitesting/api/v3/customers?email=test@example.com", DATE),
    ).toBe("ErRfRSc+hS0dkBL4Y+MUWhAoTuU=");
  });
  it("POST with body {}", () => {
    expect(bodyHash("{}")).toBe("mZFLkyvTelC5g8XnyQrpOw==");
    expect(sign(KEY, "POST", "https://system.spektrix.com/apitesting/api/v3/baskets", DATE, "{}")).toBe(
      "qpShExmagOVi006JJFmNi9IN2X4=",
    );
  });
  it("POST merchandise body", () => {
    const body = '[{"stockItem": "1AHGJDSMMPLMPPGNLJBQVLBRSKVDLQRPP"}]';
    expect(bodyHash(body)).toBe("6vMyfl8e+0dadT84BixbhA==");
    expect(
      stringToSign("POST", "https://system.spektrix.com/apitesting/api/v3/baskets/123/merchandise", DATE, body),
    ).toBe(
      `POST\nhttps://system.spektrix.com/apitesting/api/v3/baskets/123/merchandise\n${DATE}\n6vMyfl8e+0dadT84BixbhA==`,
    );
    expect(sign(KEY, "POST", "https://system.spektrix.com/apitesting/api/v3/baskets/123/merchandise", DATE, body)).toBe(
      "1WjR/9j+8RCV/XNqR4SxoNxVEC0=",
    );
  });
  it("relative form differs (contrast vector)", () => {
    expect(sign(KEY, "GET", "api/v3/customers/I-AK11-1ATK", DATE)).toBe("E51QgldirYzcsje99BYbcjk0Rjo=");
  });
  it("empty-body hash is the MD5 of the empty string", () => {
    expect(bodyHash("")).toBe("1B2M2Y8AsgTpgAmY7PhCfg==");
  });
  it("demo key is base64 of the documented text", () => {
    expect(Buffer.from(DEMO_API_KEY, "base64").toString("ascii")).toBe(DEMO_API_KEY_TEXT);
  });
});

describe("verifySignature", () => {
  const users = new Map([["TestLogin", KEY]]);
  const url = "https://system.spektrix.com/apitesting/api/v3/customers/I-AK11-1ATK";
  const base = {
    method: "GET",
    url,
    date: DATE,
    body: new Uint8Array(),
    users,
    now: new Date(Date.parse(DATE) + 60_000),
    maxSkewMs: 300_000,
  };
  const good = "SpektrixAPI3 TestLogin:Tn/2Y/c/MXkQUAIqbNeni8F6B1I=";

  it("accepts the known vector", () =>
    expect(verifySignature({ ...base, authorization: good })).toEqual({ ok: true, user: "TestLogin" }));
  it("rejects a missing header", () => expect(verifySignature({ ...base, authorization: undefined }).ok).toBe(false));
  it("rejects a malformed header", () =>
    expect(verifySignature({ ...base, authorization: "Basic abc" }).ok).toBe(false));
  it("rejects an unknown user", () =>
    expect(verifySignature({ ...base, authorization: good.replace("TestLogin", "Other") }).ok).toBe(false));
  it("rejects a wrong signature", () =>
    expect(verifySignature({ ...base, authorization: "SpektrixAPI3 TestLogin:E51QgldirYzcsje99BYbcjk0Rjo=" }).ok).toBe(
      false,
    ));
  it("rejects a stale date", () =>
    expect(verifySignature({ ...base, authorization: good, now: new Date(Date.parse(DATE) + 301_000) }).ok).toBe(
      false,
    ));
  it("rejects a non-RFC-1123 date", () =>
    expect(verifySignature({ ...base, authorization: good, date: "2020-10-21T07:28:00Z" }).ok).toBe(false));
  it("rejects a different URL (host is part of the signature)", () =>
    expect(
      verifySignature({ ...base, authorization: good, url: url.replace("system.spektrix.com", "tickets.example.org") })
        .ok,
    ).toBe(false));
  it("checks the body hash", () => {
    const body = new TextEncoder().encode("{}");
    const post = { ...base, method: "POST", url: "https://system.spektrix.com/apitesting/api/v3/baskets", body };
    expect(verifySignature({ ...post, authorization: "SpektrixAPI3 TestLogin:qpShExmagOVi006JJFmNi9IN2X4=" }).ok).toBe(
      true,
    );
    expect(
      verifySignature({
        ...post,
        body: new TextEncoder().encode("{ }"),
        authorization: "SpektrixAPI3 TestLogin:qpShExmagOVi006JJFmNi9IN2X4=",
      }).ok,
    ).toBe(false);
  });
});

describe("owner-mode authentication over HTTP", () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await start();
  });
  afterAll(() => emu.stop());

  const customersUrl = () => `${emu.apiBase}/customers?email=member@example.com`;
  const headersFor = (
    method: string,
    url: string,
    body?: string,
    opts: { user?: string; key?: string; date?: Date } = {},
  ) => {
    const date = (opts.date ?? NOW).toUTCString();
    return {
      Date: date,
      Authorization: `SpektrixAPI3 ${opts.user ?? DEMO_API_USER}:${sign(opts.key ?? DEMO_API_KEY, method, url, date, body)}`,
    };
  };

  it("accepts a correctly signed request with the raw @ in the query", async () => {
    const res = await fetch(customersUrl(), { headers: headersFor("GET", customersUrl()) });
    expect(res.status).toBe(200);
    expect((await res.json()).email).toBe("member@example.com");
  });
  it("accepts the percent-encoded form too, signed as sent", async () => {
    const url = `${emu.apiBase}/customers?email=member%40example.com`;
    const res = await fetch(url, { headers: headersFor("GET", url) });
    expect(res.status).toBe(200);
  });
  it("401 when the signature covers a different encoding than was sent", async () => {
    const url = `${emu.apiBase}/customers?email=member%40example.com`;
    const res = await fetch(url, { headers: headersFor("GET", customersUrl()) });
    expect(res.status).toBe(401);
  });
  it("401 for an unsigned plural path, with a Spektrix error body", async () => {
    for (const path of ["customers?email=member@example.com", "baskets/123", "orders/123", "customers/I-MB22-1DMO"]) {
      const res = await fetch(`${emu.apiBase}/${path}`);
      expect(res.status, path).toBe(401);
      const body = await res.json();
      expect(body.message).toMatch(/denied/);
      expect(Array.isArray(body.problems)).toBe(true);
    }
  });
  it("401 for a malformed Authorization header", async () => {
    const res = await fetch(customersUrl(), {
      headers: { Date: NOW.toUTCString(), Authorization: "SpektrixAPI3 nocolon" },
    });
    expect(res.status).toBe(401);
  });
  it("401 for a wrong user", async () => {
    const res = await fetch(customersUrl(), {
      headers: headersFor("GET", customersUrl(), undefined, { user: "someone-else" }),
    });
    expect(res.status).toBe(401);
  });
  it("401 for a wrong key", async () => {
    const res = await fetch(customersUrl(), { headers: headersFor("GET", customersUrl(), undefined, { key: KEY }) });
    expect(res.status).toBe(401);
  });
  it("401 for a stale Date (6 minutes old)", async () => {
    const res = await fetch(customersUrl(), {
      headers: headersFor("GET", customersUrl(), undefined, { date: new Date(NOW.getTime() - 6 * 60_000) }),
    });
    expect(res.status).toBe(401);
  });
  it("401 for a missing Date", async () => {
    const h = headersFor("GET", customersUrl());
    const res = await fetch(customersUrl(), { headers: { Authorization: h.Authorization } });
    expect(res.status).toBe(401);
  });
  it("401 when the body was tampered with after signing", async () => {
    const url = `${emu.apiBase}/baskets`;
    const res = await fetch(url, {
      method: "POST",
      headers: { ...headersFor("POST", url, "{}"), "content-type": "application/json" },
      body: '{"customer":"I-MB22-1DMO"}',
    });
    expect(res.status).toBe(401);
    const ok = await owner(emu, "POST", "baskets", {});
    expect(ok.status).toBe(200);
  });
  it("401 for a signed call to a singular web-mode path", async () => {
    const res = await owner(emu, "GET", "basket");
    expect(res.status).toBe(401);
  });
});
