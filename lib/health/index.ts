import { sql } from "drizzle-orm";
import { env } from "@/lib/config";
import { getDatabase } from "@/lib/db";
import { pingSpektrix } from "@/lib/spektrix/health";

export type HealthReport = {
  status: "ok" | "degraded";
  database: { ok: boolean; kind?: string; latencyMs: number };
  spektrix: { ok: boolean; status: number | null; latencyMs: number; reason?: string };
  checkedAt: string;
};

async function checkDatabase(): Promise<HealthReport["database"]> {
  const started = performance.now();
  try {
    const database = await getDatabase();
    await database.db.execute(sql`select 1`);
    return { ok: true, kind: database.kind, latencyMs: Math.round(performance.now() - started) };
  } catch {
    return { ok: false, latencyMs: Math.round(performance.now() - started) };
  }
}

/** Reachability of what the site depends on. Details stay in the server log; the report says only ok or not. */
export async function checkHealth(): Promise<HealthReport> {
  const e = env();
  const [database, spektrix] = await Promise.all([
    checkDatabase(),
    pingSpektrix({
      baseUrl: e.SPEKTRIX_BASE_URL,
      clientName: e.SPEKTRIX_CLIENT_NAME,
      apiUser: e.SPEKTRIX_API_USER,
      apiKey: e.SPEKTRIX_API_KEY,
    }),
  ]);
  return {
    status: database.ok && spektrix.ok ? "ok" : "degraded",
    database,
    spektrix,
    checkedAt: new Date().toISOString(),
  };
}
