/**
 * Reachability probe for the health endpoint: one cheap catalogue read with a short timeout, signed in owner
 * mode because Spektrix bot-protects web-mode calls that do not come from a browser (a server's unsigned probe
 * could read as "down" when only the bot block answered). Kept apart from the full client so the health route
 * stays light.
 */
import { signRequest } from "./signing";

export async function pingSpektrix(opts: {
  baseUrl: string;
  clientName: string;
  apiUser: string;
  apiKey: string;
  timeoutMs?: number;
}) {
  const started = performance.now();
  try {
    const url = new URL(`${opts.baseUrl.replace(/\/+$/, "")}/${opts.clientName}/api/v3/venues`).href;
    const response = await fetch(url, {
      signal: AbortSignal.timeout(opts.timeoutMs ?? 2_000),
      headers: {
        accept: "application/json",
        ...signRequest({
          method: "GET",
          url,
          body: undefined,
          date: new Date(),
          apiUser: opts.apiUser,
          apiKey: opts.apiKey,
        }),
      },
      cache: "no-store",
    });
    return { ok: response.ok, status: response.status, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    const reason = error instanceof Error && error.name === "TimeoutError" ? "timeout" : "unreachable";
    return { ok: false, status: null, reason, latencyMs: Math.round(performance.now() - started) };
  }
}
