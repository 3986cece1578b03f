/**
 * A private PostgreSQL for the benchmark, on a free loopback port in a temporary directory (as scripts/test.sh
 * does), or an existing server from BENCH_DATABASE_URL. Either way the benchmark works in its own databases.
 */
import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export interface BenchPostgres {
  /** Admin URL (database `postgres`). */
  adminUrl: string;
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

function pgBin(): string | null {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).sort((a, b) => Number(a) - Number(b));
  const last = versions.at(-1);
  return last ? path.join(root, last, "bin") : null;
}

function asPostgresUser(command: string) {
  // initdb refuses to run as root; the Debian package provides the `postgres` user.
  if (process.getuid?.() === 0) execFileSync("su", ["postgres", "-c", command], { stdio: "pipe" });
  else execFileSync("sh", ["-c", command], { stdio: "pipe" });
}

async function withAdmin(adminUrl: string, sql: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function startPostgres(port: number): Promise<BenchPostgres> {
  const existing = process.env.BENCH_DATABASE_URL;
  const created: string[] = [];
  const makeApi = (adminUrl: string, stopServer: () => void): BenchPostgres => ({
    adminUrl,
    async createDatabase(name) {
      await withAdmin(adminUrl, `drop database if exists ${name} with (force)`);
      await withAdmin(adminUrl, `create database ${name}`);
      created.push(name);
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return url.toString();
    },
    async stop() {
      if (existing)
        for (const name of created)
          await withAdmin(adminUrl, `drop database if exists ${name} with (force)`).catch(() => {});
      stopServer();
    },
  });
  if (existing) return makeApi(existing, () => {});

  const bin = pgBin();
  if (!bin)
    throw new Error("PostgreSQL is not installed (apt-get install postgresql), and BENCH_DATABASE_URL is not set");
  const dir = mkdtempSync(path.join(os.tmpdir(), "bench-pg-"));
  if (process.getuid?.() === 0) execFileSync("chown", ["postgres", dir]);
  else chownSync(dir, process.getuid!(), process.getgid!());
  asPostgresUser(`${bin}/initdb -D ${dir}/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null`);
  asPostgresUser(
    `${bin}/pg_ctl -D ${dir}/data -l ${dir}/log -w -o '-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c max_connections=200' start >/dev/null`,
  );
  return makeApi(`postgres://postgres@127.0.0.1:${port}/postgres`, () => {
    try {
      asPostgresUser(`${bin}/pg_ctl -D ${dir}/data -m fast stop >/dev/null`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
