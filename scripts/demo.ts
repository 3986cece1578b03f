/**
 * Starts the whole demo: the Spektrix emulator, the embedded database (migrated, then filled by a first sync)
 * and the site. Ctrl-C stops every child cleanly. Any part can be swapped for a real service by environment:
 * SPEKTRIX_BASE_URL (real Spektrix: the emulator is not started), DATABASE_URL, REDIS_URL.
 *
 *   npm run demo                 next dev on :3000, emulator on :4010
 *   npm run demo -- --prod       next build + next start (what visitors would get)
 *   flags: --fresh (new database), --skip-build, --port N, --emulator-port N, --quiet,
 *          --log-file PATH (the site's own output, also written to PATH from empty: the e2e run scans it for secrets)
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdirSync, rmSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_VENUE_TIME_ZONE } from "../lib/config/env";

const { values: flags } = parseArgs({
  options: {
    prod: { type: "boolean", default: false },
    fresh: { type: "boolean", default: false },
    "skip-build": { type: "boolean", default: false },
    quiet: { type: "boolean", default: false },
    "log-file": { type: "string" },
    port: { type: "string", default: process.env.PORT ?? "3000" },
    "emulator-port": { type: "string", default: process.env.EMULATOR_PORT ?? "4010" },
  },
});

const sitePort = Number(flags.port);
const emulatorPort = Number(flags["emulator-port"]);
const siteUrl = process.env.SITE_URL ?? `http://localhost:${sitePort}`;
const useEmulator = !process.env.SPEKTRIX_BASE_URL;
// One zone for the site and the emulator's Spektrix system, as a venue's site and its Spektrix system share one.
const venueTimeZone = process.env.VENUE_TIME_ZONE ?? DEFAULT_VENUE_TIME_ZONE;
// The emulator's session cookie is SameSite=Lax, like Spektrix's on a custom domain: the browser sends it only
// when the site and the API share a host name (ports may differ), so the emulator is addressed by the site's.
const spektrixBaseUrl = process.env.SPEKTRIX_BASE_URL ?? `http://${new URL(siteUrl).hostname}:${emulatorPort}`;
const clientName = process.env.SPEKTRIX_CLIENT_NAME ?? "demo";
const databaseUrl = process.env.DATABASE_URL ?? "pglite://.data/db";

const children: ChildProcess[] = [];
let stopping = false;

function log(message: string) {
  if (!flags.quiet) console.log(message);
}

function fail(message: string): never {
  console.error(`\n\x1b[31mdemo:\x1b[0m ${message}\n`);
  void stopAll(1);
  throw new Error(message);
}

async function assertPortFree(port: number, what: string, flag: string) {
  const free = await new Promise<boolean>((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "0.0.0.0", () => server.close(() => resolve(true)));
  });
  if (!free)
    fail(
      `port ${port} (${what}) is already in use. Stop whatever is using it (another demo?), or pass ${flag} <other port>.`,
    );
}

async function waitFor(url: string, what: string, timeoutMs: number, child?: ChildProcess) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) fail(`${what} exited early (code ${child.exitCode}); see its output above.`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  fail(`${what} did not become ready at ${url} within ${timeoutMs / 1000}s.`);
}

function start(name: string, command: string, args: string[], env: Record<string, string> = {}) {
  const logFile = name === "site" ? flags["log-file"] : undefined;
  const child = spawn(command, args, {
    env: { ...process.env, ...env },
    stdio: logFile ? ["ignore", "pipe", "pipe"] : flags.quiet ? ["ignore", "ignore", "inherit"] : "inherit",
    // Children stay in this process group on purpose: Ctrl-C in a terminal and a test runner's group kill
    // then reach every child and its workers even if this script is killed before it can clean up.
  });
  if (logFile) {
    mkdirSync(path.dirname(logFile), { recursive: true });
    const file = createWriteStream(logFile, { flags: "w" });
    child.stdout!.on("data", (chunk: Buffer) => {
      file.write(chunk);
      if (!flags.quiet) process.stdout.write(chunk);
    });
    child.stderr!.on("data", (chunk: Buffer) => {
      file.write(chunk);
      process.stderr.write(chunk);
    });
  }
  children.push(child);
  child.on("exit", (code, signal) => {
    if (!stopping) {
      console.error(`demo: ${name} stopped (${signal ?? `code ${code}`}); shutting down.`);
      void stopAll(code ?? 1);
    }
  });
  return child;
}

async function run(command: string, args: string[], env: Record<string, string> = {}) {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: "inherit" });
  const code = await new Promise<number>((resolve) => child.on("exit", (c) => resolve(c ?? 1)));
  if (code !== 0) fail(`\`${command} ${args.join(" ")}\` failed (exit ${code}).`);
}

async function stopAll(code: number) {
  if (stopping) return;
  stopping = true;
  for (const child of children) {
    if (child.exitCode === null) child.kill("SIGTERM");
  }
  const deadline = Date.now() + 5_000;
  while (children.some((c) => c.exitCode === null && c.signalCode === null) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
  }
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  }
  process.exit(code);
}

process.on("SIGINT", () => void stopAll(0));
process.on("SIGTERM", () => void stopAll(0));

// With the emulator, the Spektrix address goes into the studio's connection (prepare-db --emulator), not the
// environment: a variable set here would pin it, and the demo's Connection page could not change it (ADR 0017).
// The emulator's payment provider and card issuer stand on the next two ports; the payment form's policy names
// exactly them, as a real site's names Adyen's hosts (ADR 0018).
const paymentHosts = {
  provider: `http://127.0.0.1:${emulatorPort + 1}`,
  issuer: `http://127.0.0.1:${emulatorPort + 2}`,
};
const siteEnv = {
  SITE_URL: siteUrl,
  ...(useEmulator
    ? {
        SPEKTRIX_PAYMENT_SOURCES: process.env.SPEKTRIX_PAYMENT_SOURCES ?? paymentHosts.provider,
        SPEKTRIX_PAYMENT_CHALLENGE_SOURCES: process.env.SPEKTRIX_PAYMENT_CHALLENGE_SOURCES ?? paymentHosts.issuer,
      }
    : { SPEKTRIX_BASE_URL: spektrixBaseUrl, SPEKTRIX_CLIENT_NAME: clientName }),
  DATABASE_URL: databaseUrl,
  VENUE_TIME_ZONE: venueTimeZone,
  // The demo runs on the published demo secrets on purpose; a real deployment sets its own.
  ALLOW_DEMO_SECRETS: process.env.ALLOW_DEMO_SECRETS ?? "1",
  PORT: String(sitePort),
};

async function main() {
  await assertPortFree(sitePort, "the site", "--port");
  if (useEmulator) {
    await assertPortFree(emulatorPort, "the Spektrix emulator", "--emulator-port");
    await assertPortFree(emulatorPort + 1, "the emulator's payment provider", "--emulator-port");
    await assertPortFree(emulatorPort + 2, "the emulator's card issuer", "--emulator-port");
  }

  if (flags.fresh && databaseUrl.startsWith("pglite://") && databaseUrl !== "pglite://memory") {
    rmSync(databaseUrl.slice("pglite://".length), { recursive: true, force: true });
  }

  if (useEmulator) {
    log(`Starting the Spektrix emulator on :${emulatorPort}`);
    const origins = [siteUrl, `http://localhost:${sitePort}`, `http://127.0.0.1:${sitePort}`];
    const emulator = start("emulator", process.execPath, [
      "--import",
      "tsx",
      "emulator/cli.ts",
      "--port",
      String(emulatorPort),
      "--provider-port",
      new URL(paymentHosts.provider).port,
      "--issuer-port",
      new URL(paymentHosts.issuer).port,
      "--client",
      clientName,
      "--shift-dates",
      "--time-zone",
      venueTimeZone,
      "--control",
      // Every web-mode call, member sign-in included (docs/adr/0013), must come from a browser on these origins.
      ...[...new Set(origins)].flatMap((o) => ["--origin", o]),
    ]);
    await waitFor(`${spektrixBaseUrl}/${clientName}/api/v3/venues`, "the Spektrix emulator", 20_000, emulator);
  }

  log("Preparing the database (migrations, first sync)");
  // The emulator shifts its catalogue to today on every start: on a store kept from an earlier day every start
  // differs, and none of those is a performance the venue moved.
  await run(
    process.execPath,
    [
      "--import",
      "tsx",
      "scripts/prepare-db.ts",
      ...(useEmulator ? ["--rebased-starts", "--emulator", spektrixBaseUrl, "--client", clientName] : []),
    ],
    siteEnv,
  );

  if (flags.prod) {
    // Pages cached by an earlier run were rendered from another database and carry that run's Spektrix address
    // (the emulator's port): never serve them to this one.
    rmSync(path.join(process.env.NEXT_DIST_DIR ?? ".next", "server", "route-cache"), { recursive: true, force: true });
    if (!flags["skip-build"]) await run(process.execPath, ["node_modules/next/dist/bin/next", "build"], siteEnv);
    start("site", process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(sitePort)], siteEnv);
  } else {
    start("site", process.execPath, ["node_modules/next/dist/bin/next", "dev", "-p", String(sitePort)], siteEnv);
  }
  await waitFor(`http://127.0.0.1:${sitePort}/api/health`, "the site", 120_000);

  log(`
  \x1b[1mThe demo is running.\x1b[0m  Ctrl-C stops everything.

    Site               ${siteUrl}
    Spektrix           ${spektrixBaseUrl}/${clientName}/api/v3/ ${useEmulator ? "(emulator)" : ""}
    Database           ${databaseUrl}

    Member login       member@example.com / member-pass
    Non-member login   guest@example.com / guest-pass
    Studio (editors)   ${siteUrl}/studio  editor@example.com / editor-pass
`);
}

main().catch((error) => {
  if (!stopping) {
    console.error(error instanceof Error ? error.message : error);
    void stopAll(1);
  }
});
