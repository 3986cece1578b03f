import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_API_KEY, DEMO_API_USER, DEMO_MEMBER, signedHeaders, type RunningEmulator } from "../../emulator/index";
import { BROWSER_ORIGIN, NOW, owner, start } from "./helpers";

/** Web mode is for browsers only, as Spektrix's bot management enforces it (emulator/README.md). */
let emu: RunningEmulator;
let lenient: RunningEmulator;
beforeAll(async () => {
  [emu, lenient] = await Promise.all([start(), start({ webModeFromBrowsersOnly: false })]);
});
afterAll(() => Promise.all([emu.stop(), lenient.stop()]));
beforeEach(() => emu.reset());

const authenticate = (target: RunningEmulator, headers: Record<string, string> = {}) =>
  fetch(`${target.apiBase}/customer/authenticate`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ email: DEMO_MEMBER.email, password: DEMO_MEMBER.password }),
  });

async function expectBotBlock(res: Response) {
  expect(res.status).toBe(403);
  expect(res.headers.get("content-type")).toMatch(/^text\/html/);
  const body = await res.text();
  expect(body).toMatch(/blocked/i);
  // Nothing a client could read as a Spektrix business error (a wrong password, an empty basket).
  expect(() => JSON.parse(body)).toThrow();
}

describe("web mode answers browsers on an allowed origin only", () => {
  it("blocks a server-side call (no Origin) with an HTML 403, for catalogue and customer paths alike", async () => {
    await expectBotBlock(await fetch(`${emu.apiBase}/events`));
    await expectBotBlock(await fetch(`${emu.apiBase}/basket`));
    await expectBotBlock(await authenticate(emu));
  });

  it("blocks a browser on an origin the client has not allowed", async () => {
    await expectBotBlock(await fetch(`${emu.apiBase}/events`, { headers: { origin: "https://evil.example" } }));
  });

  it("serves a browser on an allowed origin, and the emulator's own same-origin pages", async () => {
    expect((await fetch(`${emu.apiBase}/events`, { headers: { origin: BROWSER_ORIGIN } })).status).toBe(200);
    expect((await fetch(`${emu.apiBase}/events`, { headers: { "sec-fetch-site": "same-origin" } })).status).toBe(200);
    expect((await authenticate(emu, { origin: BROWSER_ORIGIN })).status).toBe(200);
  });

  it("logs every call with its mode and whether it came from a browser", async () => {
    await fetch(`${emu.apiBase}/events`);
    await fetch(`${emu.apiBase}/events`, { headers: { origin: BROWSER_ORIGIN } });
    await owner(emu, "GET", "events");
    expect(emu.requests.filter({ path: "/api/v3/events" }).map((r) => [r.mode, r.fromBrowser, r.status])).toEqual([
      ["web", false, 403],
      ["web", true, 200],
      ["owner", false, 200],
    ]);
  });

  it("refuses sign-in from a server, right password or wrong, with the bot block (no oracle)", async () => {
    await expectBotBlock(await authenticate(emu));
    const wrong = await fetch(`${emu.apiBase}/customer/authenticate`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: DEMO_MEMBER.email, password: "not-the-password" }),
    });
    await expectBotBlock(wrong);
  });

  it("webModeFromBrowsersOnly: false restores the lenient emulator", async () => {
    expect((await fetch(`${lenient.apiBase}/events`)).status).toBe(200);
  });
});

describe("owner mode is server to server", () => {
  it("asks a browser (no signature) for a signature on owner paths", async () => {
    const res = await fetch(`${emu.apiBase}/customers?email=${encodeURIComponent(DEMO_MEMBER.email)}`, {
      headers: { origin: BROWSER_ORIGIN },
    });
    expect(res.status).toBe(401);
  });

  it("refuses a signed request that carries a browser's Origin", async () => {
    const url = `${emu.apiBase}/events`;
    const headers = {
      ...signedHeaders({ user: DEMO_API_USER, key: DEMO_API_KEY, method: "GET", url, date: NOW }),
      origin: BROWSER_ORIGIN,
    };
    expect((await fetch(url, { headers })).status).toBe(403);
    expect((await owner(emu, "GET", "events")).status).toBe(200);
  });
});
