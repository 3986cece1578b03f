/**
 * Reachability probe for the health endpoint: one cheap web-mode catalogue read with a short timeout.
 * Kept apart from the full client so the health route stays light.
 */
export async function pingSpektrix(opts: { baseUrl: string; clientName: string; timeoutMs?: number }) {
  const started = performance.now();
  try {
    const response = await fetch(`${opts.baseUrl}/${opts.clientName}/api/v3/venues`, {
      signal: AbortSignal.timeout(opts.timeoutMs ?? 2_000),
      headers: { accept: "application/json" },
      cache: "no-store",
    });
    return { ok: response.ok, status: response.status, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    const reason = error instanceof Error && error.name === "TimeoutError" ? "timeout" : "unreachable";
    return { ok: false, status: null, reason, latencyMs: Math.round(performance.now() - started) };
  }
}
