/**
 * Bounded load on loopback with autocannon: fixed connections and seconds per measure, never anything but
 * 127.0.0.1 / localhost / ::1.
 */
import { createRequire } from "node:module";

export interface LoadResult {
  name: string;
  /** Mean requests per second over the run. */
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

interface AutocannonRequest {
  method?: string;
  path?: string;
  setupRequest?: (req: { path?: string; method?: string }) => { path?: string; method?: string };
}
interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
type Autocannon = (opts: {
  url: string;
  connections: number;
  duration: number;
  timeout?: number;
  requests?: AutocannonRequest[];
}) => Promise<AutocannonResult>;

const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

export function assertLoopback(url: string): void {
  const host = new URL(url).hostname;
  if (!["127.0.0.1", "localhost", "[::1]", "::1"].includes(host))
    throw new Error(`refusing to load ${url}: the benchmark only targets loopback`);
}

export interface LoadOptions {
  connections: number;
  seconds: number;
  /** Paths requested in turn (each request takes the next). Default: the URL's own path. */
  paths?: string[];
}

export async function load(name: string, url: string, options: LoadOptions): Promise<LoadResult> {
  assertLoopback(url);
  const origin = new URL(url).origin;
  const paths = options.paths ?? [new URL(url).pathname + new URL(url).search];
  let i = 0;
  const result = await autocannon({
    url: origin,
    connections: options.connections,
    duration: options.seconds,
    timeout: 10,
    requests: [
      {
        setupRequest: (req) => ({ ...req, method: "GET", path: paths[i++ % paths.length] }),
      },
    ],
  });
  return {
    name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

/** A short untimed run so the measured one starts warm (JIT, caches, connections). */
export async function warm(url: string, paths?: string[], seconds = 2): Promise<void> {
  await load("warm-up", url, { connections: 10, seconds, paths });
}
