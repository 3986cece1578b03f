/**
 * Reads one kept Lighthouse run (`npm run bench:lighthouse -- --keep DIR`, then `npm run bench:trace --
 * DIR/home-2`): whether the first paint was presented before a script file started (the race in ADR 0016 item
 * 7), then the page's main-thread tasks of 10 ms and more in the observed,
 * unthrottled trace, each with its wall time, the time its thread was on a CPU, and the longest work inside it
 * (layout, style, script). ADR 0016 item 20 quotes it: where wall time far exceeds thread time, the page was
 * waiting for a core, not working.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { pageMainThread, paintRace, traceEvents, type Trace, type TraceEvent } from "./lib/lighthouse";

// Piped into `head`, the reader may go away first: that is the end of the output, not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});
const dir = process.argv[2];
if (!dir) {
  console.error("usage: npm run bench:trace -- <kept run directory>");
  process.exit(2);
}
const trace = JSON.parse(readFileSync(path.join(dir, "report-0.trace.json"), "utf8")) as Trace;
const page = pageMainThread(traceEvents(trace));
if (!page) {
  console.error("no page navigation in this trace");
  process.exit(1);
}
const { start } = page;
const onPage = page.events.filter((e) => e.ph === "X");
const ms = (us: number | undefined) => ((us ?? 0) / 1000).toFixed(1);
const WORK = new Set([
  "Layout",
  "UpdateLayoutTree",
  "ParseAuthorStyleSheet",
  "Paint",
  "EvaluateScript",
  "FunctionCall",
  "ParseHTML",
]);
const race = paintRace(trace);
console.log(
  race
    ? `first paint ${race.paintMs} ms, presented ${race.presentedMs} ms; script files evaluating before the ` +
        `presentation, so in the simulated LCP: ${race.scriptsBefore.length ? race.scriptsBefore.map((url) => url.split("/").pop()).join(", ") : "none"}`
    : "no first paint in this trace",
);
console.log("start ms  wall ms  on CPU ms  inside (wall/on CPU ms)");
for (const task of onPage.filter((e) => e.name === "RunTask" && (e.dur ?? 0) >= 10_000)) {
  const end = task.ts + task.dur!;
  const inside = onPage
    .filter(
      (e: TraceEvent) => WORK.has(e.name) && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= end && (e.dur ?? 0) >= 2_000,
    )
    .map((e) => `${e.name} ${ms(e.dur)}/${ms(e.tdur)}`)
    .slice(0, 4);
  console.log(
    `${ms(task.ts - start.ts).padStart(8)}  ${ms(task.dur).padStart(7)}  ${ms(task.tdur).padStart(9)}  ${inside.join(", ")}`,
  );
}
