/**
 * Next's disk data cache never deletes an entry, and listing reads are keyed by the minute, so the cache handler
 * sweeps files nobody has rewritten for a while (lib/cache/sweep.mjs).
 */
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { SWEEP_AFTER_MS, sweeper, sweepOlderThan } from "@/lib/cache/sweep.mjs";

const NOW = Date.parse("2031-03-01T12:00:00Z");
let dir: string;

async function entry(name: string, ageMs: number) {
  const file = path.join(dir, name);
  await writeFile(file, "{}");
  const at = new Date(NOW - ageMs);
  await utimes(file, at, at);
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "sweep-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("sweeping the disk data cache", () => {
  it("deletes the entries last written before the cut-off and keeps the rest", async () => {
    await entry("old", SWEEP_AFTER_MS + 1);
    await entry("older", 24 * 3_600_000);
    await entry("recent", SWEEP_AFTER_MS - 60_000);
    expect(await sweepOlderThan(dir, SWEEP_AFTER_MS, NOW)).toBe(2);
    expect(await readdir(dir)).toEqual(["recent"]);
  });

  it("treats a missing folder as empty", async () => {
    expect(await sweepOlderThan(path.join(dir, "none"), SWEEP_AFTER_MS, NOW)).toBe(0);
  });

  it("runs at most once per interval, one sweep at a time", async () => {
    let clock = NOW;
    const sweep = sweeper(dir, { everyMs: 60_000, maxAgeMs: SWEEP_AFTER_MS, now: () => clock });
    await entry("a", SWEEP_AFTER_MS + 1);
    const first = sweep();
    expect(first).toBeDefined();
    expect(sweep()).toBeUndefined(); // already running
    expect(await first).toBe(1);
    await entry("b", SWEEP_AFTER_MS + 1);
    clock += 30_000;
    expect(sweep()).toBeUndefined(); // too soon
    expect(await readdir(dir)).toEqual(["b"]);
    clock += 30_000;
    expect(await sweep()).toBe(1);
    expect(await readdir(dir)).toEqual([]);
  });
});

describe("the cache handler", () => {
  it("sweeps its own data-cache folder after a write", async () => {
    // Without REDIS_URL the handler is Next's disk cache; the folder is `<dist>/cache/fetch-cache`.
    // @ts-expect-error: plain JS with no declarations (Next loads it outside the app's bundles).
    const { default: Handler } = await import("../../cache-handler.mjs");
    const fetchCache = path.join(dir, "cache", "fetch-cache");
    await mkdir(fetchCache, { recursive: true });
    const stale = new Date(Date.now() - SWEEP_AFTER_MS - 60_000);
    await writeFile(path.join(fetchCache, "stale"), "{}");
    await utimes(path.join(fetchCache, "stale"), stale, stale);
    await writeFile(path.join(fetchCache, "fresh"), "{}");

    const handler = new Handler({ serverDistDir: path.join(dir, "server"), flushToDisk: false, revalidatedTags: [] });
    expect(await readdir(fetchCache)).toHaveLength(2);
    await handler.set(
      "key",
      { kind: "FETCH", data: { headers: {}, body: "", status: 200, url: "" }, revalidate: 60 },
      {},
    );
    await vi.waitFor(async () => expect(await readdir(fetchCache)).toEqual(["fresh"]));
  });
});
