import { sql } from "drizzle-orm";
import { activeConnection } from "@/lib/connection";
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
  const [database, spektrix] = await Promise.all([
    checkDatabase(),
    activeConnection().then((c) =>
      pingSpektrix({
        baseUrl: c.baseUrl,
        clientName: c.clientName,
        apiUser: c.owner.apiUser,
        apiKey: c.owner.apiKey,
      }),
    ),
  ]);
  return {
    status: database.ok && spektrix.ok ? "ok" : "degraded",
    database,
    spektrix,
    checkedAt: new Date().toISOString(),
  };
}
