import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DEMO_API_KEY, DEMO_API_USER, startEmulator, type RunningEmulator } from "../../emulator/index";
import type { SpektrixConnection } from "@/lib/connection";
import { runSync } from "@/lib/sync/engine";
import { parseSyncSettings } from "@/lib/sync/settings";
import { createSpektrixSource } from "@/lib/sync/spektrix-source";
import { listSyncRuns, runWarnings } from "@/lib/sync/status";
import { siteInfo } from "@/lib/site";
import { openTestDb } from "../sync/helpers";
vi.mock("server-only", () => ({}));
const { checkConnection } = await import("@/lib/studio/spektrix");

/**
 * A connection whose configured zone contradicts Spektrix's times: a Spektrix system (the emulator, on real
 * captures) that runs in London while the site is set to its own zone. The studio's "Check connection" flags it
 * before anything is synced, and every sync stores the same warning on its run, which the studio's sync page
 * shows from the latest full run. A system in the site's own zone passes.
 */

const FIXTURES = fileURLToPath(new URL("../../fixtures/spektrix-real/", import.meta.url));
const SITE_ZONE = siteInfo().timeZone;
const OTHER_ZONE = "Europe/London";

let london: RunningEmulator;
let local: RunningEmulator;

const system = (zone: string) =>
  startEmulator({ dataDir: FIXTURES, shiftDates: true, timeZone: zone, clientName: "demo" });

function connectionTo(emu: RunningEmulator): SpektrixConnection {
  return {
    revision: 0,
    version: "test",
    clientName: emu.clientName,
    baseUrl: emu.url,
    webComponentsUrl: `${emu.url}/webcomponents`,
    owner: { apiUser: DEMO_API_USER, apiKey: DEMO_API_KEY },
    componentsStylesheetUrl: null,
    source: {} as SpektrixConnection["source"],
    storedKeyUnreadable: false,
  };
}

beforeAll(async () => {
  expect(SITE_ZONE).not.toBe(OTHER_ZONE);
  [london, local] = await Promise.all([system(OTHER_ZONE), system(SITE_ZONE)]);
});
afterAll(async () => {
  await Promise.all([london?.stop(), local?.stop()]);
});

const disagreement = new RegExp(
  `^Spektrix's times disagree with the site's time zone \\(${SITE_ZONE.replace("/", "\\/")}\\) for \\d+ of \\d+ performances: .* Spektrix places at UTC[+−]\\d+.* set VENUE_TIME_ZONE`,
);

describe("a Spektrix system whose times contradict the site's zone", () => {
  it("is flagged by the studio's connection check, and one in the site's zone is not", async () => {
    const flagged = await checkConnection(connectionTo(london));
    expect(flagged.reachable.ok).toBe(true);
    expect(flagged.timeZone).toEqual({ ok: false, detail: expect.stringMatching(disagreement) });

    const agreeing = await checkConnection(connectionTo(local));
    expect(agreeing.timeZone).toEqual({
      ok: true,
      detail: expect.stringMatching(new RegExp(`^Spektrix's times agree with ${SITE_ZONE} for all \\d+ upcoming`)),
    });
  });

  it("is flagged by every sync, on the run the studio's sync page reads its warnings from", async () => {
    const ctx = await openTestDb();
    try {
      const settings = parseSyncSettings({ fetch: { daysBack: 1, daysAhead: 1000 } });
      if (!settings.ok) throw new Error(JSON.stringify(settings.errors));
      const summary = await runSync({
        database: ctx.database,
        source: createSpektrixSource({
          baseUrl: london.url,
          clientName: london.clientName,
          owner: { apiUser: DEMO_API_USER, apiKey: DEMO_API_KEY },
          timeoutMs: 10_000,
        }),
        trigger: "test",
        timeZone: SITE_ZONE,
        settings: settings.settings,
      });
      expect(summary.status).toBe("succeeded");
      expect(summary.warnings).toEqual([expect.stringMatching(disagreement)]);
      const [latest] = await listSyncRuns(ctx.db, 1);
      expect(latest!.scope).toBe("full");
      expect(runWarnings(latest!)).toEqual(summary.warnings);
    } finally {
      await ctx.dispose();
    }
  });
});
