import { expect, test, type APIRequestContext } from "@playwright/test";
import { EMULATOR_URL } from "../playwright.config";
import { SYNC_AUTH } from "./helpers";
import {
  FAULT_LIST as FAULTS,
  matrixMarkdown,
  writeDocSection,
  type Cell,
  type FaultName,
} from "../tests/reliability/report";

/**
 * Public pages under every emulator fault, against the built site: a sync is attempted under the fault (it must
 * fail or abort, never with a 500), and what's on, an event page and the availability API must keep serving the
 * last good content. The library-level matrix is tests/reliability/fault-matrix.test.ts; this one adds the
 * "public pages" column to docs/reliability.md.
 */

/** A sync under these would wait out the site's real Spektrix timeout (8 s × retries); the Vitest matrix covers them. */
const NO_SYNC_UNDER = new Set<FaultName>(["3 s latency", "hang"]);

const cells = new Map<string, Cell>();
let baseline: { eventPath: string; title: string; performanceIds: string[] };

async function control(request: APIRequestContext, method: "POST" | "DELETE", path: string, data?: unknown) {
  const res = await request.fetch(`${EMULATOR_URL}/__control/${path}`, { method, data });
  expect(res.ok(), `${method} ${path}`).toBe(true);
}

const decode = (s: string) =>
  s
    .replace(/&amp;/g, "&")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">");

test.describe("public pages under Spektrix faults", () => {
  test.describe.configure({ mode: "serial" });

  test.beforeAll(async ({ request }) => {
    await control(request, "DELETE", "faults");
    const list = await (await request.get("/whats-on")).text();
    const eventPath = /href="(\/events\/[a-z0-9-]+)"/.exec(list)?.[1];
    expect(eventPath, "an event on what's on").toBeTruthy();
    const page = await (await request.get(eventPath!)).text();
    const title = decode(/<h1[^>]*>([^<]+)<\/h1>/.exec(page)?.[1] ?? "");
    const performanceIds = [...new Set([...page.matchAll(/\/book\/(\d+A[A-Z]+)/g)].map((m) => m[1]!))].slice(0, 5);
    expect(title.length).toBeGreaterThan(0);
    baseline = { eventPath: eventPath!, title, performanceIds };
  });

  test.afterAll(async ({ request }) => {
    await control(request, "DELETE", "faults");
    if (cells.size === FAULTS.length) {
      const names = FAULTS.map(([n]) => n);
      const passed = [...cells.values()].filter((c) => c.outcome === "pass").length;
      writeDocSection(
        "page-matrix",
        [
          `**${passed}/${cells.size} cells passed** (Playwright, built site, e2e/reliability.spec.ts).`,
          "",
          matrixMarkdown(names, ["public pages"], cells),
        ].join("\n"),
      );
    }
  });

  for (const [name, fault] of FAULTS) {
    test(`under ${name}: pages keep the last good content and the server stays up`, async ({ request }) => {
      test.setTimeout(60_000);
      let note = "";
      try {
        await control(request, "POST", "faults", fault);
        try {
          if (!NO_SYNC_UNDER.has(name)) {
            const sync = await request.post("/api/sync", { headers: SYNC_AUTH, data: {}, timeout: 45_000 });
            // 502 failed / 422 aborted by a guard: a scheduler can tell; a 500 would be a crash.
            expect([422, 502], await sync.text()).toContain(sync.status());
            note = `sync ${sync.status()}; `;
          }
          const listing = await request.get("/whats-on");
          expect(listing.status()).toBe(200);
          expect(decode(await listing.text())).toContain(baseline.title);
          const event = await request.get(baseline.eventPath);
          expect(event.status()).toBe(200);
          const html = decode(await event.text());
          expect(html).toContain(baseline.title);
          expect(html).not.toMatch(/Application error|Internal Server Error/);
          const availability = await request.get(
            `/api/availability?performances=${baseline.performanceIds.join(",")}`,
            { timeout: 15_000 },
          );
          expect(availability.status()).toBe(200);
          const body = (await availability.json()) as {
            performances: Record<string, { state: string; label: string }>;
          };
          expect(Object.keys(body.performances).sort()).toEqual([...baseline.performanceIds].sort());
          note += "last good content served";
        } finally {
          await control(request, "DELETE", "faults");
        }
        expect((await request.get("/api/health")).status(), "server up").toBe(200);
        cells.set(`${name}|public pages`, { outcome: "pass", note });
      } catch (error) {
        cells.set(`${name}|public pages`, { outcome: "fail", note: String(error).split("\n")[0]!.slice(0, 80) });
        throw error;
      }
    });
  }

  test("a sync after the faults clear succeeds again", async ({ request }) => {
    const sync = await request.post("/api/sync", { headers: SYNC_AUTH, data: {}, timeout: 60_000 });
    expect(sync.status(), await sync.text()).toBe(200);
  });
});
