/**
 * npm run bench:budgets — the budgets that do not depend on timing, as a pass/fail check (scripts/test.sh runs
 * it after the build). Exit 0 when every budget holds, 1 otherwise.
 *
 *   - first-load JS of every public route: the site's own JS over the framework floor ≤ 19 KB gzip on browsing
 *     pages and ≤ 35 KB on sign-in/checkout pages (the 110 KB total goal is reported; see checkFirstLoad)
 *   - every first-load chunk starts with V8's compile hint (ADR 0016), unless the build recorded
 *     NEXT_COMPILE_HINTS=off: the hint is added by a hook in next.config.mjs, and this is what sees it missing
 *   - an unchanged re-sync writes 0 rows and revalidates 0 tags (scripts/bench/sync.ts on a smaller catalogue)
 *   - Lighthouse accessibility, best practices and SEO at 100 need a running site, so they are enforced by
 *     e2e/lighthouse.spec.ts inside the Playwright run; performance is reported by `npm run bench`.
 *
 * Options: --dist <dir> (default $NEXT_DIST_DIR or .next), --only js|sync, --events N --per-event N (default 300 × 5).
 * FIRST_LOAD_BUDGET_KB overrides the JS budget.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { buildEnv } from "../../lib/config/build.mjs";
import { compileHintsState } from "../../lib/build/first-load-chunks.mjs";
import { FIRST_LOAD_BUDGET_BYTES, firstLoadJs, frameworkFloor, isPublicRoute } from "./lib/first-load";
import { runSyncBench } from "./lib/sync-bench";

const { values } = parseArgs({
  options: {
    dist: { type: "string", default: buildEnv().NEXT_DIST_DIR },
    only: { type: "string" },
    events: { type: "string", default: "300" },
    "per-event": { type: "string", default: "5" },
  },
});

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const failures: string[] = [];

/**
 * The 110 KB goal is below what Next 16 + React 19 alone ship to every page (the framework floor, ~129 KB
 * gzip here), so it is reported, not enforced. What CI enforces is the site's own JavaScript on top of that
 * floor: small on browsing pages, larger where sign-in and payment need forms and session code.
 */
// What the pages reached (ADR 0016), with a little room: browsing pages 14.7–18.0 KB (the booking page, whose
// basket prompt under the seat frame took it from 17.2), sign-in and checkout up to 31.7 KB (the basket page, which
// reads and edits the basket at once). The issue's ceiling for browsing pages is 20 KB.
const OWN_JS_BUDGET = { browsing: 19 * 1024, signedIn: 35 * 1024 };
const SIGNED_IN_ROUTES = /^\/(login|logout|checkout|basket|members)(\/|$)/;

function checkFirstLoad() {
  const dist = path.resolve(values.dist!);
  if (!existsSync(path.join(dist, "BUILD_ID"))) {
    failures.push(`first-load JS: no build in ${values.dist} (run next build first)`);
    return;
  }
  const floor = frameworkFloor(dist);
  const absolute = process.env.FIRST_LOAD_BUDGET_KB ? Number(process.env.FIRST_LOAD_BUDGET_KB) * 1024 : undefined;
  const routes = firstLoadJs(dist).filter((r) => isPublicRoute(r.route));
  if (routes.length === 0) failures.push("first-load JS: no public routes found in the build");
  console.log(
    `first-load JS per public route (gzip; framework floor ${kb(floor)}; goal ${kb(FIRST_LOAD_BUDGET_BYTES)} reported):`,
  );
  for (const r of routes) {
    const kind = SIGNED_IN_ROUTES.test(r.route) ? "signedIn" : "browsing";
    const limit = absolute ?? floor + OWN_JS_BUDGET[kind];
    const ok = r.gzipBytes <= limit;
    const goal = r.gzipBytes <= FIRST_LOAD_BUDGET_BYTES ? "meets goal" : "over goal";
    console.log(
      `  ${ok ? "ok  " : "OVER"} ${r.route.padEnd(36)} ${kb(r.gzipBytes).padStart(9)}  own ${kb(r.gzipBytes - floor).padStart(8)} / ${kb(limit - floor)} ${kind}, ${goal}`,
    );
    if (!ok)
      failures.push(
        `first-load JS ${r.route} ${kb(r.gzipBytes)} > ${kb(limit)} (${kind}: framework floor + ${kb(limit - floor)})`,
      );
  }
}

function checkCompileHints() {
  const dist = path.resolve(values.dist!);
  if (!existsSync(path.join(dist, "BUILD_ID"))) return;
  const state = compileHintsState(dist);
  if (!state.recorded) {
    failures.push("compile hints: the build left no record (next.config.mjs's runAfterProductionCompile did not run)");
  } else if (!state.on) {
    console.log("compile hints: off (built with NEXT_COMPILE_HINTS=off)");
  } else {
    console.log(`compile hints: on ${state.files - state.missing.length} of ${state.files} chunks`);
    if (state.files === 0) failures.push("compile hints: no chunks found in the build");
    if (state.missing.length)
      failures.push(`compile hint missing from ${state.missing.length} chunks (${state.missing[0]} …)`);
  }
}

async function checkResync() {
  const r = await runSyncBench({ events: Number(values.events), perEvent: Number(values["per-event"]) });
  console.log(
    `unchanged re-sync (${r.feed}): ${r.writesCounted} rows changed, ${r.writesReported} writes reported, ${r.revalidations} revalidations (budget 0, 0, 0)`,
  );
  if (r.writesCounted !== 0 || r.writesReported !== 0)
    failures.push(`re-sync wrote ${r.writesCounted} rows (${r.writesReported} reported); budget 0`);
  if (r.revalidations !== 0) failures.push(`re-sync revalidated ${r.revalidations} tags; budget 0`);
}

function checkLighthouse() {
  const installed = existsSync(path.resolve("node_modules/.bin/lighthouse"));
  console.log(
    installed
      ? "lighthouse: a11y/best practices/SEO = 100 enforced by e2e/lighthouse.spec.ts (Playwright); performance reported by `npm run bench`"
      : "lighthouse: not installed (run npm install)",
  );
}

async function main() {
  if (!values.only || values.only === "js") {
    checkFirstLoad();
    checkCompileHints();
  }
  if (!values.only || values.only === "sync") await checkResync();
  if (!values.only) checkLighthouse();
  if (failures.length) {
    console.error(`\nbudgets broken:\n${failures.map((f) => `  - ${f}`).join("\n")}`);
    process.exit(1);
  }
  console.log("\nbudgets hold");
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
