/**
 * Starts `next start` from an existing build (`NEXT_DIST_DIR`, default `.next`) on a loopback port, for the
 * multi-instance test and the benchmarks. Each server gets its own process group so stopping it stops every
 * worker it started.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

export const REPO_ROOT = path.resolve(import.meta.dirname, "../..");
export const DIST_DIR = process.env.NEXT_DIST_DIR ?? ".next";

export function buildMissingReason(): string | null {
  return existsSync(path.join(REPO_ROOT, DIST_DIR, "BUILD_ID"))
    ? null
    : `no build in ${DIST_DIR}/ (run next build first)`;
}

export interface NextInstance {
  name: string;
  url: string;
  port: number;
  /** Everything the server printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

export async function waitForOk(url: string, timeoutMs: number, alive: () => boolean = () => true): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer";
  while (Date.now() < deadline) {
    if (!alive()) throw new Error(`${url}: the process exited before it answered`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(3_000) });
      if (res.ok) return;
      last = `HTTP ${res.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} not ready within ${timeoutMs / 1000}s (${last})`);
}

export async function startNext(
  name: string,
  port: number,
  env: Record<string, string>,
  readyPath = "/api/health",
): Promise<NextInstance> {
  let log = "";
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(REPO_ROOT, "node_modules/next/dist/bin/next"), "start", "-H", "127.0.0.1", "-p", String(port)],
    {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        NEXT_TELEMETRY_DISABLED: "1",
        ...env,
        NODE_ENV: "production",
        NEXT_DIST_DIR: env.NEXT_DIST_DIR ?? DIST_DIR,
        PORT: String(port),
      },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    },
  );
  const keep = (d: Buffer) => {
    log += d.toString();
    if (log.length > 200_000) log = log.slice(-100_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const instance: NextInstance = {
    name,
    port,
    url: `http://127.0.0.1:${port}`,
    output: () => log,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        return;
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid!, "SIGKILL");
        } catch {
          // gone
        }
      }, 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
  try {
    await waitForOk(`${instance.url}${readyPath}`, 60_000, () => child.exitCode === null);
  } catch (error) {
    await instance.stop();
    throw new Error(
      `${name}: ${error instanceof Error ? error.message : error}\n--- ${name} output ---\n${log.slice(-4_000)}`,
    );
  }
  return instance;
}
