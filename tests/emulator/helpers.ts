import { fileURLToPath } from "node:url";
import {
  DEMO_API_KEY,
  DEMO_API_USER,
  signedHeaders,
  startEmulator,
  type EmulatorOptions,
  type RunningEmulator,
} from "../../emulator/index";
import { sellingOnTheWeb } from "../../e2e/performances";

export const FIXTURES = fileURLToPath(new URL("../../fixtures/spektrix-real/", import.meta.url));
/** A fixed clock so derived data and shifted dates are reproducible. */
export const NOW = new Date("2026-11-26T10:00:00Z");

/**
 * The site origin the tests' stand-in browser is on. The emulator refuses web-mode calls that do not come from a
 * browser on an allowed origin, as Spektrix's bot management does; tests that play the browser send this Origin,
 * and every emulator started here allows it.
 */
export const BROWSER_ORIGIN = "http://site.test";
/** The headers a browser on the site sends with a cross-origin web-mode call (for tests standing in for it). */
export const BROWSER_HEADERS = { origin: BROWSER_ORIGIN } as const;

export function start(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  return startEmulator({
    dataDir: FIXTURES,
    now: NOW,
    control: true,
    ...options,
    origins: [BROWSER_ORIGIN, ...(options.origins ?? [])],
  });
}

/** Stands in for a browser on the site: web-mode calls with the site's Origin and its own cookie jar. */
export class WebClient {
  cookie = "";
  constructor(
    private readonly emu: RunningEmulator,
    private readonly origin: string = BROWSER_ORIGIN,
  ) {}
  async call(method: string, path: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = {};
    if (this.cookie) headers.cookie = this.cookie;
    headers.origin = this.origin;
    if (body !== undefined) headers["content-type"] = "application/json; charset=UTF-8";
    const res = await fetch(`${this.emu.apiBase}/${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const set = res.headers.get("set-cookie");
    if (set) this.cookie = set.split(";")[0]!;
    return res;
  }
  async json<T = any>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await this.call(method, path, body);
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }
}

export async function owner(
  emu: RunningEmulator,
  method: string,
  path: string,
  body?: unknown,
  opts: { date?: Date } = {},
): Promise<Response> {
  const url = `${emu.apiBase}/${path}`;
  const text = body === undefined ? undefined : JSON.stringify(body);
  const headers = signedHeaders({
    user: DEMO_API_USER,
    key: DEMO_API_KEY,
    method,
    url,
    body: text,
    date: opts.date ?? NOW,
  });
  return fetch(url, { method, headers, body: text });
}

/** The first instance the web sells at NOW (not free, unless asked for free) with seats left. */
export async function sellableInstance(
  emu: RunningEmulator,
  web: WebClient,
  opts: { free?: boolean } = {},
): Promise<{ instance: any; prices: any[] }> {
  const instances = await web.json<any[]>("GET", "instances");
  // The emulator's clock starts at NOW; it sells only inside a performance's web sale window, as Spektrix does.
  // In the emulator's own order, which is fixed: tests rely on the first one's plan having a single area.
  for (const instance of instances.filter((i) => sellingOnTheWeb(i, NOW))) {
    const status = await web.json("GET", `instances/${instance.id}/status`);
    if (status.available < 4) continue;
    const list = await web.json("GET", `instances/${instance.id}/price-list`);
    const free = list.prices.every((p: any) => p.amount === 0);
    if (free === (opts.free ?? false)) return { instance, prices: list.prices };
  }
  throw new Error("no sellable instance");
}
