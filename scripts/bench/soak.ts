/**
 * npm run bench:soak — a bounded load-and-soak run: what's on, an event page and the availability API in turn,
 * on loopback, for 60 s at 50 connections (both are maxima). Goals (issue 11): zero errors, and server memory
 * (resident set of the whole `next start` process group) growing less than 20% between the first and the last
 * 10 s. Prints the figures and writes them to docs/reliability.md (section "soak"); exits 1 if a goal is missed.
 *
 * Needs a production build (`npm run build`; NEXT_DIST_DIR for another folder). Starts its own Spektrix emulator,
 * a fresh PGlite store and one `next start`, syncs, loads, and stops them all. Linux only (memory from /proc).
 *
 * Options: --seconds N (≤ 60, default 60) --connections N (≤ 50, default 50) --no-write (print only)
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { startEmulator } from "../../emulator/index";
import { writeDocSection } from "../../tests/reliability/report";
import { freePort } from "../../tests/scale/redis-server";
import { DIST_DIR, REPO_ROOT, waitForOk } from "../../tests/scale/instances";
import { load, warm } from "./lib/load";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "60" },
    connections: { type: "string", default: "50" },
    "no-write": { type: "boolean", default: false },
  },
});
const SECONDS = Math.min(60, Math.max(20, Number(values.seconds)));
const CONNECTIONS = Math.min(50, Math.max(1, Number(values.connections)));
const WINDOW_S = 10;
const GROWTH_GOAL = 0.2;
const SYNC_SECRET = "soak-sync-secret-0123456789abcdef";
const log = (m: string) => console.log(`[soak] ${m}`);

/** Resident memory of every process in a process group, in bytes (Linux /proc). */
function groupRss(pgid: number): number {
  let total = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // Fields after the ")" that ends the command name: state ppid pgrp …
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== pgid) continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${entry}/status`, "utf8"));
      if (rss) total += Number(rss[1]) * 1024;
    } catch {
      // the process ended while we looked
    }
  }
  return total;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

async function main() {
  if (process.platform !== "linux") throw new Error("the soak reads memory from /proc: run it on Linux");
  if (!existsSync(path.join(REPO_ROOT, DIST_DIR, "BUILD_ID")))
    throw new Error(`no build in ${DIST_DIR}/: run npm run build first`);

  const emulator = await startEmulator({
    port: 0,
    shiftDates: true,
    dataDir: path.join(REPO_ROOT, "fixtures/spektrix-real"),
  });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "soak-db-"));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = "";
  const server = spawn(
    process.execPath,
    [path.join(REPO_ROOT, "node_modules/next/dist/bin/next"), "start", "-H", "127.0.0.1", "-p", String(port)],
    {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        NEXT_DIST_DIR: DIST_DIR,
        ALLOW_DEMO_SECRETS: "1",
        SITE_URL: url,
        DATABASE_URL: `pglite://${dataDir}`,
        SPEKTRIX_BASE_URL: emulator.url,
        SYNC_SECRET,
      },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true, // its own process group: measured, and stopped, as a whole
    },
  );
  const keep = (d: Buffer) => void (output = (output + d.toString()).slice(-20_000));
  server.stdout?.on("data", keep);
  server.stderr?.on("data", keep);
  const stop = async () => {
    if (server.pid && server.exitCode === null) {
      const exited = new Promise((r) => server.once("exit", r));
      try {
        process.kill(-server.pid, "SIGTERM");
      } catch {
        // gone
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
    }
    await emulator.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForOk(`${url}/api/health`, 60_000, () => server.exitCode === null);
    const sync = await fetch(`${url}/api/sync`, {
      method: "POST",
      headers: { Authorization: `Bearer ${SYNC_SECRET}` },
    });
    if (!sync.ok) throw new Error(`sync answered ${sync.status}: ${await sync.text()}`);
    const listing = await (await fetch(`${url}/whats-on`)).text();
    const eventPath = /href="(\/events\/[a-z0-9-]+)"/.exec(listing)?.[1];
    if (!eventPath) throw new Error("no event on what's on after the sync");
    const eventHtml = await (await fetch(`${url}${eventPath}`)).text();
    const ids = [...new Set([...eventHtml.matchAll(/\/book\/(\d+A[A-Z]+)/g)].map((m) => m[1]!))].slice(0, 6);
    const paths = ["/whats-on", eventPath, `/api/availability?performances=${ids.join(",")}`];
    log(`${url}: ${paths.join("  ")}`);

    await warm(url, paths, 3);
    const samples: Array<{ t: number; rss: number }> = [];
    const started = Date.now();
    const sampler = setInterval(
      () => samples.push({ t: (Date.now() - started) / 1000, rss: groupRss(server.pid!) }),
      1_000,
    );
    log(`${SECONDS} s at ${CONNECTIONS} connections…`);
    const result = await load("soak", url, { connections: CONNECTIONS, seconds: SECONDS, paths });
    clearInterval(sampler);
    const healthy = (await fetch(`${url}/api/health`)).ok;

    const first = avg(samples.filter((s) => s.t <= WINDOW_S).map((s) => s.rss));
    const last = avg(samples.filter((s) => s.t > SECONDS - WINDOW_S).map((s) => s.rss));
    const growth = first > 0 ? (last - first) / first : NaN;
    const errors = result.errors + result.timeouts + result.non2xx;
    const met = errors === 0 && growth < GROWTH_GOAL && healthy;

    const rows: Array<[string, string, string, string]> = [
      ["requests", String(result.requests), "", ""],
      ["throughput", `${result.rps.toFixed(0)} req/s`, "", "reported"],
      ["latency p50 / p99", `${result.p50} ms / ${result.p99} ms`, "", "reported"],
      [
        "errors (connection errors + timeouts + non-2xx)",
        `${errors} (${result.errors} + ${result.timeouts} + ${result.non2xx})`,
        "0",
        errors === 0 ? "met" : "NOT met",
      ],
      [
        `server memory, first ${WINDOW_S} s → last ${WINDOW_S} s (RSS, process group)`,
        `${mb(first)} → ${mb(last)} (${(growth * 100).toFixed(1)}%)`,
        "< 20%",
        growth < GROWTH_GOAL ? "met" : "NOT met",
      ],
      ["server up afterwards (/api/health)", healthy ? "yes" : "no", "yes", healthy ? "met" : "NOT met"],
    ];
    const table = [
      "| measure | result | goal | verdict |",
      "|---|---|---|---|",
      ...rows.map((r) => `| ${r.join(" | ")} |`),
    ].join("\n");
    console.log(`\n${table}\n`);
    if (!values["no-write"]) {
      const cpu = os.cpus()[0]?.model.trim() ?? "unknown CPU";
      writeDocSection(
        "soak",
        [
          `Last run ${new Date().toISOString().slice(0, 10)}: \`npm run bench:soak\` — ${SECONDS} s at ${CONNECTIONS} connections on loopback, one \`next start\` (PGlite store, emulator with the shared fixtures), ${os.cpus().length} × ${cpu}, Node ${process.version}.`,
          `Paths in turn: what's on, one event page, availability for ${ids.length} performances.`,
          "",
          table,
        ].join("\n"),
      );
      log("figures written to docs/reliability.md");
    }
    if (!met) process.exitCode = 1;
  } catch (error) {
    console.error(
      `[soak] ${error instanceof Error ? error.message : error}\n--- server output ---\n${output.slice(-3_000)}`,
    );
    process.exitCode = 1;
  } finally {
    await stop();
  }
}

await main();
