/**
 * Lighthouse mobile runs against a site that is already running: `npm run bench:lighthouse -- --base
 * http://127.0.0.1:3000 --runs 3 [--keep dir] [/path …]`. Without paths it measures the pages the phone-speed goal names
 * (home, what's on, the calendar, one event page, one booking page, the basket), picking the event and the
 * performance from the site's own listing. `npm run bench` runs the same series on 1,000 events and writes
 * docs/performance.md; this is the quick loop for investigating one change.
 *
 * Several --base flags weigh builds side by side (say, one server on a build with NEXT_COMPILE_HINTS=off): every
 * page of every base in each round, so the load of the moment hits each build alike. The pages are picked from
 * the first base and must exist on the others.
 */
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { lighthouseSeries, seriesTable } from "./lib/lighthouse";
import { phonePages } from "./lib/pages";

const { values, positionals } = parseArgs({
  options: {
    base: { type: "string", multiple: true, default: ["http://127.0.0.1:3000"] },
    runs: { type: "string", default: "3" },
    keep: { type: "string" },
  },
  allowPositionals: true,
});
const bases = values.base!.map((b) => b.replace(/\/$/, ""));
const binary = path.resolve("node_modules/.bin/lighthouse");

const pages = positionals.length ? positionals : await phonePages(bases[0]!);
// One base: targets are paths. Several: full URLs, base by base within each page, so the table names the build.
const [base, targets] =
  bases.length === 1 ? [bases[0]!, pages] : ["", pages.flatMap((p) => bases.map((b) => `${b}${p}`))];
const load = os.loadavg().map((l) => l.toFixed(1));
const series = await lighthouseSeries(
  binary,
  base,
  targets,
  Number(values.runs),
  (target, run, s) =>
    console.error(
      `${target} #${run}: ${s ? `${s.performance} LCP ${s.timing.lcpMs} TBT ${s.timing.tbtMs}` : "failed"}`,
    ),
  values.keep ? path.resolve(values.keep) : undefined,
);
console.log(seriesTable(series));
console.log(
  `\nLoad ${load.join(" / ")} before, ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" / ")} after; benchmark index ${series.map((s) => s.median?.timing.benchmarkIndex ?? "?").join(", ")}.`,
);
