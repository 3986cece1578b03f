/**
 * Runs scripts/bench/sync.ts (the sync engine against the emulator, no Next server) in a child process and
 * reads its report lines, so the suite and the budget check use the very same measurement.
 */
import { spawn } from "node:child_process";
import path from "node:path";

export interface SyncBenchResult {
  feed: string;
  fetchMs: number;
  firstSyncMs: number;
  reSyncMs: number;
  /** Re-sync time ÷ fetch-only time. */
  ratio: number;
  /** Rows whose version changed on the unchanged re-sync. */
  writesCounted: number;
  writesReported: number;
  revalidations: number;
  output: string;
}

const ROOT = path.resolve(import.meta.dirname, "../../..");

export async function runSyncBench(args: {
  events: number;
  perEvent: number;
  db?: string;
  timeoutMs?: number;
}): Promise<SyncBenchResult> {
  const argv = [
    "--import",
    "tsx",
    path.join(ROOT, "scripts/bench/sync.ts"),
    "--events",
    String(args.events),
    "--per-event",
    String(args.perEvent),
  ];
  if (args.db) argv.push("--db", args.db);
  const child = spawn(process.execPath, argv, { cwd: ROOT, env: process.env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  const timer = setTimeout(() => child.kill("SIGKILL"), args.timeoutMs ?? 300_000);
  const code = await new Promise<number>((resolve) => child.on("exit", (c) => resolve(c ?? 1)));
  clearTimeout(timer);
  if (code !== 0) throw new Error(`scripts/bench/sync.ts failed (exit ${code}):\n${output}`);

  const line = (label: string) =>
    output
      .split("\n")
      .find((l) => new RegExp(`^${label}\\s+\\d`).test(l) || (label === "feed" && l.startsWith("feed"))) ?? "";
  const num = (text: string, re: RegExp) => {
    const m = re.exec(text);
    if (!m) throw new Error(`could not read ${re} from scripts/bench/sync.ts output:\n${output}`);
    return Number(m[1]);
  };
  const reSync = line("re-sync");
  const writes = line("re-sync writes");
  return {
    feed: line("feed").replace(/^feed\s+/, ""),
    fetchMs: num(line("fetch only"), /(\d+) ms/),
    firstSyncMs: num(line("first sync"), /(\d+) ms/),
    reSyncMs: num(reSync, /(\d+) ms/),
    ratio: num(reSync, /\(([\d.]+)× fetch/),
    writesCounted: num(writes, /(\d+) counted/),
    writesReported: num(writes, /(\d+) reported/),
    revalidations: num(line("revalidations"), /(\d+) on re-sync/),
    output,
  };
}
