import { createAdaptorServer } from "@hono/node-server";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { createApp } from "./app";
import type { Emu, PaymentHosts } from "./context";
import { issuerApp, providerApp } from "./browser/payment-hosts";
import { loadFixtures } from "./data/load";
import { DEMO_API_KEY, DEMO_API_USER, DEMO_CLIENT_NAME } from "./demo-credentials";
import { Faults, RequestLog } from "./faults";
import { Store } from "./state";

export * from "./demo-credentials";
export { sign, signedHeaders, authorizationHeader, stringToSign, bodyHash, verifySignature } from "./signing";
export type { FaultInput, FaultType, LoggedRequest } from "./faults";
export type { PaymentHosts } from "./context";
export { encryptCard } from "./browser/payment-hosts";

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
  /**
   * The payment provider's and the card issuer's hosts. Given: use them (another emulator's, as two Spektrix
   * clients share one provider). Otherwise each gets its own listener, on these ports (0, the default, picks
   * free ones).
   */
  paymentHosts?: PaymentHosts;
  providerPort?: number;
  issuerPort?: number;
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
  /** Where the payment provider's script and card fields, and the card issuer's challenge pages, are served. */
  paymentHosts: PaymentHosts;
}

async function listen(server: Server, port: number, hostname: string): Promise<string> {
  await new Promise<void>((ok, fail) => {
    server.once("error", fail);
    server.listen(port, hostname, () => ok());
  });
  const address = server.address() as AddressInfo;
  const host = hostname.includes(":") ? `[${hostname}]` : hostname === "0.0.0.0" ? "127.0.0.1" : hostname;
  return `http://${host}:${address.port}`;
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
  const hostname = options.hostname ?? "127.0.0.1";
  // The provider's script names its own origin, known only once it listens.
  let providerUrl = options.paymentHosts?.provider ?? "";
  const paymentServers: Server[] = [];
  let paymentHosts = options.paymentHosts;
  if (!paymentHosts) {
    const provider = createAdaptorServer({ fetch: providerApp(() => providerUrl).fetch }) as Server;
    const issuer = createAdaptorServer({ fetch: issuerApp().fetch }) as Server;
    paymentServers.push(provider, issuer);
    providerUrl = await listen(provider, options.providerPort ?? 0, hostname);
    paymentHosts = { provider: providerUrl, issuer: await listen(issuer, options.issuerPort ?? 0, hostname) };
  }
  const emu: Emu = {
    config: {
      clientName,
      origins: options.origins ?? [],
      control: options.control ?? false,
      apiUsers: new Map([[options.apiUser ?? DEMO_API_USER, options.apiKey ?? DEMO_API_KEY]]),
      maxSkewMs: options.maxSkewMs ?? 5 * 60_000,
      webModeFromBrowsersOnly: options.webModeFromBrowsersOnly ?? true,
      paymentHosts,
    },
    store,
    faults: new Faults(options.control ?? false),
    requests: new RequestLog(),
  };
  const app = createApp(emu);
  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  const url = await listen(server, options.port ?? 0, hostname);
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
    paymentHosts,
    async stop() {
      emu.faults.releaseHangs();
      for (const each of [server, ...paymentServers]) {
        each.closeAllConnections();
        await new Promise<void>((ok) => each.close(() => ok()));
      }
    },
  };
}
