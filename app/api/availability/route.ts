import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { getAvailabilityViews } from "@/lib/availability/service";
import { isSpektrixId } from "@/lib/spektrix";
import { errorResponse } from "@/lib/http/errors";

export const dynamic = "force-dynamic";

/** Badges on one page ask together; a cap keeps one request from fanning out without limit. */
const MAX_IDS = 60;

const query = z
  .string()
  .max(MAX_IDS * 60)
  .transform((s) => [
    ...new Set(
      s
        .split(",")
        .map((x) => x.trim())
        .filter(Boolean),
    ),
  ])
  .pipe(z.array(z.string().refine(isSpektrixId, "not a Spektrix performance id")).min(1).max(MAX_IDS));

/** GET /api/availability?performances=ID,ID… → { performances: { [id]: { state, label, … } } } */
export async function GET(request: NextRequest) {
  const parsed = query.safeParse(request.nextUrl.searchParams.get("performances") ?? "");
  if (!parsed.success) {
    return errorResponse(
      400,
      "invalid-query",
      `performances must be 1 to ${MAX_IDS} comma-separated Spektrix performance ids.`,
    );
  }
  const performances = await getAvailabilityViews(parsed.data);
  return NextResponse.json(
    { performances, generatedAt: new Date().toISOString() },
    // Shared caches may hold it briefly; the server cache already bounds upstream calls to one per 30 s.
    { headers: { "Cache-Control": "public, max-age=0, s-maxage=10, stale-while-revalidate=20" } },
  );
}
