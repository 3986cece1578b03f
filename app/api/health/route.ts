import { checkHealth } from "@/lib/health";

export const dynamic = "force-dynamic";

// Public by design: load balancers and uptime monitors call it without credentials, so it reports
// reachability only, never configuration or error text.
export async function GET() {
  const report = await checkHealth();
  return Response.json(report, {
    status: report.database.ok ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}
