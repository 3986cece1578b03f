import { createAdaptorServer } from "@hono/node-server";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { createApp } from "./app";
import type { Emu } from "./context";
import { loadFixtures } from "./data/load";
import { DEMO_API_KEY, DEMO_API_USER, DEMO_CLIENT_NAME } from "./demo-credentials";
import { Faults, RequestLog } from "./faults";
import { Store } from "./state";

export * from "./demo-credentials";
export { sign, signedHeaders, authorizationHeader, stringToSign, bodyHash, verifySignature } from "./signing";
export type { FaultInput, FaultType, LoggedRequest } from "./faults";

export interface EmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  hostname?: string;
  dataDir?: string;
  clientName?: string;
  /** Origins allowed to call with credentials (CORS). */
  origins?: string[];
  shiftDates?: boolean;
  /** The system's IANA time zone: every `…Utc` time agrees with its local twin in it, as on a real system. */
  timeZone?: string;
  /** The emulator's clock starts here and then runs in real time. */
  now?: Date;
  control?: boolean;
  apiUser?: string;
  apiKey?: string;
  tokenTtlMs?: number;
  /** Idle time after which a basket with items is released (default 20 minutes; 0 never). */
  basketTtlMs?: number;
  /** Allowed distance between the `Date` header and the emulator clock. */
  maxSkewMs?: number;
  /** Refuse web-mode API calls that do not come from a browser on an allowed origin, as Spektrix's bot block does (default true). */
  webModeFromBrowsersOnly?: boolean;
  seed?: string;
}

export interface RunningEmulator {
  /** Base URL, e.g. http://127.0.0.1:4010; the API is at `${url}/${clientName}/api/v3`. */
  url: string;
  apiBase: string;
  clientName: string;
  stop(): Promise<void>;
  /** Back to the freshly loaded catalogue: clears sessions, baskets, orders, faults and the request log. */
  reset(): void;
  faults: Faults;
  requests: RequestLog;
  state: Store;
  /** Moves the emulator clock forward (token expiry, etc.). */
  advanceTime(ms: number): void;
}

export function defaultDataDir(): string {
  // The real venue captures ship with the repository, so a fork runs the demo without anything beside it.
  return process.env.SPEKTRIX_FIXTURES_DIR ?? fileURLToPath(new URL("../fixtures/spektrix-real/", import.meta.url));
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const clientName = options.clientName ?? DEMO_CLIENT_NAME;
  const startedAt = Date.now();
  const base = (options.now ?? new Date()).getTime();
  let advanced = 0;
  const now = () => new Date(base + (Date.now() - startedAt) + advanced);
  const data = loadFixtures(options.dataDir ?? defaultDataDir());
  const store = new Store(data, {
    shiftDates: options.shiftDates ?? false,
    timeZone: options.timeZone,
    now,
    tokenTtlMs: options.tokenTtlMs ?? 15 * 60_000,
    basketTtlMs: options.basketTtlMs ?? 20 * 60_000,
    seed: options.seed ?? "spektrix-emulator",
  });
  const emu: Emu = {
    config: {
      clientName,
      origins: options.origins ?? [],
      control: options.control ?? false,
      apiUsers: new Map([[options.apiUser ?? DEMO_API_USER, options.apiKey ?? DEMO_API_KEY]]),
      maxSkewMs: options.maxSkewMs ?? 5 * 60_000,
      webModeFromBrowsersOnly: options.webModeFromBrowsersOnly ?? true,
    },
    store,
    faults: new Faults(options.control ?? false),
    requests: new RequestLog(),
  };
  const app = createApp(emu);
  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  const hostname = options.hostname ?? "127.0.0.1";
  await new Promise<void>((ok, fail) => {
    server.once("error", fail);
    server.listen(options.port ?? 0, hostname, () => ok());
  });
  const { port } = server.address() as AddressInfo;
  const host = hostname.includes(":") ? `[${hostname}]` : hostname === "0.0.0.0" ? "127.0.0.1" : hostname;
  const url = `http://${host}:${port}`;
  return {
    url,
    apiBase: `${url}/${clientName}/api/v3`,
    clientName,
    faults: emu.faults,
    requests: emu.requests,
    state: store,
    reset() {
      store.reset();
      emu.faults.clear();
      emu.requests.clear();
    },
    advanceTime(ms: number) {
      advanced += ms;
    },
    async stop() {
      emu.faults.releaseHangs();
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
}
