/**
 * Where a request for a page the studio moved (Connection: account, basket, checkout) is served from: proxy.ts
 * asks, and rewrites the request to the page's own route. The page paths are read at most every few seconds
 * per instance, so a move applies within that time everywhere without a rebuild, and a burst of unknown paths
 * costs no more than one settings read.
 */
import { MOVABLE_PAGE_ROUTES, movedPageAt, SERVED_SECTIONS } from "@/lib/routes";
import { getFlowSettings, type FlowSettings } from "./settings";

const TTL_MS = 5_000;
let held: { at: number; paths: Promise<FlowSettings["pagePaths"]> } | null = null;

/** The route to serve `pathname` from, when it is a moved page's path; null for every other path. */
export async function movedPageRoute(pathname: string, now = Date.now()): Promise<string | null> {
  // A section the site serves is never a moved page (the studio refuses such paths): no settings read.
  if (SERVED_SECTIONS.has(pathname.split("/")[1] ?? "")) return null;
  // The read in flight is shared: requests arriving together when the time is up wait for one read.
  if (!held || now - held.at > TTL_MS) held = { at: now, paths: getFlowSettings().then((s) => s.pagePaths) };
  const page = movedPageAt(pathname, await held.paths);
  return page ? MOVABLE_PAGE_ROUTES[page] : null;
}
