import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../emulator/index";
import { start } from "./helpers";

const SITE = "http://127.0.0.1:3999";
let emu: RunningEmulator;
beforeAll(async () => {
  emu = await start({ origins: [SITE] });
});
afterAll(() => emu.stop());

const post = (path: string, headers: Record<string, string>, body?: string) =>
  fetch(`${emu.url}/__control/${path}`, { method: "POST", headers, body });

describe("the emulator's control API cannot be driven by other sites", () => {
  it.each([
    ["another site's Origin, JSON", { origin: "https://evil.example", "content-type": "application/json" }, "{}", 403],
    ["Origin null", { origin: "null", "content-type": "application/json" }, "{}", 403],
    [
      "a cross-site fetch without Origin",
      { "sec-fetch-site": "cross-site", "content-type": "application/json" },
      "{}",
      403,
    ],
    ["a text/plain POST from an allowed origin", { origin: SITE, "content-type": "text/plain" }, "{}", 415],
    ["a form POST without Origin", { "content-type": "application/x-www-form-urlencoded" }, "a=b", 415],
  ] as const)("refuses %s → %i and changes nothing", async (_name, headers, body, status) => {
    const before = emu.faults.list().length;
    const res = await post("faults", headers, body);
    expect(res.status).toBe(status);
    expect(((await res.json()) as { message: string }).message).toBeTruthy();
    expect(emu.faults.list()).toHaveLength(before);
  });

  it("accepts JSON from its own origin, the site's origin, or a script that sends no Origin", async () => {
    for (const origin of [emu.url, SITE, undefined]) {
      const headers: Record<string, string> = { "content-type": "application/json" };
      if (origin) headers.origin = new URL(origin).origin;
      const res = await post(
        "faults",
        headers,
        JSON.stringify({ type: "status", status: 503, path: "never-called", count: 1 }),
      );
      expect(res.status, String(origin)).toBe(201);
    }
    // A bodyless reset, as the journeys send it.
    expect((await post("reset", {})).status).toBe(204);
  });
});
