/**
 * Lighthouse's mobile scores for one URL, through its CLI on Debian's Chromium (the same flags the Playwright
 * config uses). Scores are 0–100; a run that fails reports null rather than stopping the suite.
 * `failing` names the audits that cost points in accessibility, best practices and SEO, so a budget that
 * breaks says why. `timing` is what a phone-speed investigation starts from: the simulated metrics, the LCP
 * element and its subparts from the observed trace, the longest tasks by source and Lighthouse's benchmark
 * index for the machine (ADR 0016 explains how the simulation turns script work into a late LCP).
 */
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export type LighthouseTiming = {
  /** Simulated (mobile preset, 4× CPU slowdown, slow 4G) milliseconds. */
  lcpMs: number;
  tbtMs: number;
  fcpMs: number;
  /** What the LCP element is ("h1: Stories worth …"), from the observed trace. */
  lcpElement: string;
  /** Observed LCP subparts (time to first byte, resource load delay, element render delay …), in ms. */
  lcpSubparts: Record<string, number>;
  /** The three longest simulated tasks, by the script (or document) they are attributed to. */
  longTasks: { source: string; ms: number }[];
  benchmarkIndex: number;
  /** mainThreadCpuShare of the run's trace, null when the trace has no page load in it. */
  cpuShare: number | null;
  /** How many script files started evaluating before the first frame was shown (paintRace), or null. */
  scriptsBeforeShown: number | null;
};

export type LighthouseScores = {
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  failing: string[];
  timing: LighthouseTiming;
};

type Item = Record<string, unknown>;
type Audit = {
  score: number | null;
  title: string;
  numericValue?: number;
  details?: { items?: Item[] };
};
type Report = {
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, Audit>;
  environment?: { benchmarkIndex?: number };
};

/** The first offending item (a console message, an element, an issue), so a failure can be acted on. */
function firstItem(audit: Audit | undefined): string {
  const item = audit?.details?.items?.[0];
  return item ? `: ${JSON.stringify(item).slice(0, 400)}` : "";
}

/** A script URL as a reader can place it: its path, without the origin. */
function shortSource(url: unknown): string {
  if (typeof url !== "string") return "?";
  try {
    const u = new URL(url);
    return u.pathname === "/" ? "document" : u.pathname.replace("/_next/static/chunks/", "chunk ");
  } catch {
    return url;
  }
}

export type TraceEvent = {
  name: string;
  ph?: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: {
    data?: { documentLoaderURL?: string; isOutermostMainFrame?: boolean; isLoadingMainFrame?: boolean; url?: string };
  };
};

export type Trace = { traceEvents?: TraceEvent[] } | TraceEvent[];

export function traceEvents(trace: Trace): TraceEvent[] {
  return Array.isArray(trace) ? trace : (trace.traceEvents ?? []);
}

/**
 * The page's own navigation in a Lighthouse trace (not about:blank, not a frame inside the page), the earliest if
 * there are several: its pid and tid are the page's main thread, its ts the start of the page's time.
 */
export function pageNavigation(events: TraceEvent[]): TraceEvent | undefined {
  return events
    .filter(
      (e) =>
        e.name === "navigationStart" &&
        (e.args?.data?.isOutermostMainFrame ?? e.args?.data?.isLoadingMainFrame) &&
        /^https?:/.test(e.args?.data?.documentLoaderURL ?? ""),
    )
    .sort((a, b) => a.ts - b.ts)[0];
}

/** The page's navigation and its main thread's events from then on, in time order (null without a navigation). */
export function pageMainThread(events: TraceEvent[]): { start: TraceEvent; events: TraceEvent[] } | null {
  const start = pageNavigation(events);
  if (!start) return null;
  const onPage = events
    .filter((e) => e.pid === start.pid && e.tid === start.tid && e.ts >= start.ts)
    .sort((a, b) => a.ts - b.ts);
  return { start, events: onPage };
}

/**
 * The race that decides the simulated LCP (ADR 0016 items 7 and 22), from the observed trace: when the page's main
 * thread first painted and when the first contentful frame was presented, in ms after the page's navigation, and
 * the script files that had started to evaluate by the presentation, before or after that paint. Lantern replays each of
 * those, download included, on its slow phone before the LCP, so a run with the framework's files among them
 * has an LCP near 2.5 s, and one with none or a few nearer 1.7 s. Null when the trace lacks the paint.
 */
export function paintRace(trace: Trace): { paintMs: number; presentedMs: number; scriptsBefore: string[] } | null {
  const page = pageMainThread(traceEvents(trace));
  if (!page) return null;
  const { start, events: onPage } = page;
  const paint = onPage.find((e) => e.name === "Paint" && e.ph === "X");
  const presented = onPage.find((e) => e.name === "firstContentfulPaint");
  if (!paint || !presented) return null;
  // Inline scripts are evaluated as the HTML is parsed and fetch nothing; the race is with script files.
  const scriptsBefore = onPage
    .filter((e) => e.name === "EvaluateScript" && e.ts < presented.ts)
    .map((e) => e.args?.data?.url ?? "")
    .filter((url, i, all) => /\.m?js(\?|$)/.test(url) && all.indexOf(url) === i);
  const ms = (e: TraceEvent) => Math.round((e.ts - start.ts) / 1000);
  return { paintMs: ms(paint), presentedMs: ms(presented), scriptsBefore };
}

/**
 * The share of its tasks' wall time that the page's main thread spent on a CPU, from the observed trace (tasks of
 * 5 ms and more, from the page's navigation on). Lighthouse's simulation stretches each observed task by the CPU
 * slowdown whatever the task was doing, so where the browser, its display compositor and Lighthouse itself share
 * the cores, time the thread spent off a CPU (waiting for a core, or blocked on another thread) is scored as the
 * page's own work (ADR 0016). A share well below 1 says the run measured the machine as much as the page.
 */
export function mainThreadCpuShare(trace: Trace): number | null {
  const events = traceEvents(trace);
  const start = pageNavigation(events);
  if (!start) return null;
  const tasks = events
    .filter(
      (e) =>
        e.name === "RunTask" &&
        e.ph === "X" &&
        e.pid === start.pid &&
        e.tid === start.tid &&
        e.ts + (e.dur ?? 0) > start.ts &&
        (e.dur ?? 0) >= 5000 &&
        e.tdur !== undefined,
    )
    .sort((a, b) => a.ts - b.ts);
  let wall = 0;
  let cpu = 0;
  let end = -Infinity;
  for (const e of tasks) {
    if (e.ts < end) continue; // a task nested in one already counted
    wall += e.dur!;
    cpu += e.tdur!;
    end = e.ts + e.dur!;
  }
  return wall ? Math.round((cpu / wall) * 100) / 100 : null;
}

export function timingOf(report: Report, trace?: Trace): LighthouseTiming {
  const { audits } = report;
  // lcp-breakdown-insight: a table of subparts and a node (the element), in that order.
  const breakdown = (audits["lcp-breakdown-insight"]?.details?.items ?? []) as Item[];
  const table = breakdown.find((i) => i.type === "table") as { items?: Item[] } | undefined;
  const node = breakdown.find((i) => i.type === "node") as { nodeLabel?: string; snippet?: string } | undefined;
  const tag = node?.snippet?.match(/^<([a-z0-9-]+)/i)?.[1] ?? "?";
  const lcpSubparts = Object.fromEntries(
    (table?.items ?? []).map((i) => [String(i.subpart), Math.round(Number(i.duration))]),
  );
  const longTasks = ((audits["long-tasks"]?.details?.items ?? []) as Item[])
    .map((i) => ({ source: shortSource(i.url), ms: Math.round(Number(i.duration)) }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 3);
  return {
    lcpMs: Math.round(audits["largest-contentful-paint"]?.numericValue ?? NaN),
    tbtMs: Math.round(audits["total-blocking-time"]?.numericValue ?? NaN),
    fcpMs: Math.round(audits["first-contentful-paint"]?.numericValue ?? NaN),
    lcpElement: node ? `${tag}: ${(node.nodeLabel ?? "").slice(0, 40)}` : "none",
    lcpSubparts,
    longTasks,
    benchmarkIndex: Math.round(report.environment?.benchmarkIndex ?? NaN),
    cpuShare: trace ? mainThreadCpuShare(trace) : null,
    scriptsBeforeShown: trace ? (paintRace(trace)?.scriptsBefore.length ?? null) : null,
  };
}

/**
 * One Lighthouse run. Its report, trace and DevTools log (Lighthouse's `--save-assets`) go to `keepDir`, to be
 * read afterwards, or to a temporary directory that is removed.
 */
export async function lighthouseScores(
  binary: string,
  url: string,
  keepDir?: string,
): Promise<LighthouseScores | null> {
  const dir = keepDir ?? mkdtempSync(path.join(os.tmpdir(), "lighthouse-"));
  if (keepDir) mkdirSync(keepDir, { recursive: true });
  const report = path.join(dir, "report.json");
  try {
    await run(
      binary,
      [
        url,
        "--quiet",
        "--output=json",
        "--save-assets",
        `--output-path=${report}`,
        "--only-categories=performance,accessibility,best-practices,seo",
        // --hide-scrollbars: headless Chromium's emulated overlay scrollbars fade in with compositor-only frames
        // that the display compositor never draws, and after a few such frames it throttles the page to one
        // BeginFrame a second, so the first paint is presented 1 or 2 s late in about half the runs (traced in
        // ADR 0016; GoogleChrome/lighthouse#17148). A phone has no such race; Playwright passes the same flag.
        `--chrome-flags=--headless=new --hide-scrollbars --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync --user-data-dir=${path.join(dir, "profile")}`,
      ],
      { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" }, timeout: 120_000 },
    );
    const parsed = JSON.parse(readFileSync(report, "utf8")) as Report;
    // The trace only adds the CPU share: a run whose trace cannot be read still counts.
    let trace: Trace | undefined;
    try {
      trace = JSON.parse(readFileSync(path.join(dir, "report-0.trace.json"), "utf8")) as Trace;
    } catch {
      trace = undefined;
    }
    const { categories, audits } = parsed;
    const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
    const failing = ["accessibility", "best-practices", "seo"].flatMap((category) =>
      (categories[category]?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0 && audits[ref.id]?.score !== null && (audits[ref.id]?.score ?? 0) < 1)
        .map((ref) => `${category}: ${ref.id} (${audits[ref.id]?.title ?? "?"})${firstItem(audits[ref.id])}`),
    );
    return {
      performance: score("performance"),
      accessibility: score("accessibility"),
      bestPractices: score("best-practices"),
      seo: score("seo"),
      failing,
      timing: timingOf(parsed, trace),
    };
  } catch {
    return null;
  } finally {
    rmSync(keepDir ? path.join(dir, "profile") : dir, { recursive: true, force: true });
  }
}

export type LighthouseSeries = {
  target: string;
  runs: LighthouseScores[];
  failedRuns: number;
  /** Median run by performance score (the run a reader should look at), with the spread of the others. */
  median: LighthouseScores | null;
  performance: { median: number; min: number; max: number };
  lcpMs: { median: number; min: number; max: number };
  tbtMs: { median: number; min: number; max: number };
  /** mainThreadCpuShare, as a percentage. */
  cpuShare: { median: number; min: number; max: number };
};

/** Median (the mean of the middle two for an even count, e.g. when one of three runs failed) and range. */
function spread(values: number[]): { median: number; min: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  const median = !sorted.length
    ? NaN
    : sorted.length % 2
      ? sorted[Math.floor(mid)]!
      : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
  return { median, min: sorted[0] ?? NaN, max: sorted.at(-1) ?? NaN };
}

/** Where one run's files go under `keepDir`: the page's path as a file name, then the run number. */
export function runDirName(target: string, run: number): string {
  const name =
    target
      .replace(/^\/+/, "")
      .replace(/[^a-zA-Z0-9-]+/g, "_")
      .slice(0, 60) || "home";
  return `${name}-${run}`;
}

/**
 * `runs` Lighthouse runs per page, one page at a time, pages interleaved so a burst of load hits one run of each.
 * With `keepDir`, every run's report and trace stay in `keepDir/<page>-<run>` (runDirName).
 */
export async function lighthouseSeries(
  binary: string,
  base: string,
  targets: string[],
  runs: number,
  onRun?: (target: string, run: number, scores: LighthouseScores | null) => void,
  keepDir?: string,
): Promise<LighthouseSeries[]> {
  const results = new Map(targets.map((t) => [t, [] as (LighthouseScores | null)[]]));
  for (let i = 0; i < runs; i++) {
    for (const target of targets) {
      const scores = await lighthouseScores(
        binary,
        `${base}${target}`,
        keepDir ? path.join(keepDir, runDirName(target, i + 1)) : undefined,
      );
      results.get(target)!.push(scores);
      onRun?.(target, i + 1, scores);
    }
  }
  return targets.map((target) => {
    const all = results.get(target)!;
    const ok = all.filter((s): s is LighthouseScores => s !== null);
    const byScore = [...ok].sort((a, b) => a.performance - b.performance);
    return {
      target,
      runs: ok,
      failedRuns: all.length - ok.length,
      median: byScore[Math.floor((byScore.length - 1) / 2)] ?? null,
      performance: spread(ok.map((s) => s.performance)),
      lcpMs: spread(ok.map((s) => s.timing.lcpMs)),
      tbtMs: spread(ok.map((s) => s.timing.tbtMs)),
      cpuShare: spread(ok.flatMap((s) => (s.timing.cpuShare === null ? [] : [Math.round(s.timing.cpuShare * 100)]))),
    };
  });
}

/** The series as a Markdown table: median (min–max) of each measure, the median run's LCP element, subparts and longest tasks. */
export function seriesTable(series: LighthouseSeries[]): string {
  const n = (x: number) => (Number.isFinite(x) ? String(x) : "?");
  const range = (s: { median: number; min: number; max: number }) => `${n(s.median)} (${n(s.min)}–${n(s.max)})`;
  const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\s+/g, " ");
  const lines = [
    "| page | performance | LCP ms | TBT ms | LCP element | LCP subparts (median run) | longest tasks (median run) | main thread on CPU, % |",
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
  ];
  for (const s of series) {
    const t = s.median?.timing;
    const subparts = t
      ? Object.entries(t.lcpSubparts)
          .map(([k, v]) => `${k} ${v}`)
          .join(", ") +
        (t.scriptsBeforeShown === null
          ? ""
          : `; ${t.scriptsBeforeShown} script files ran before the first frame was shown`)
      : "—";
    const tasks = t ? t.longTasks.map((l) => `${l.source} ${l.ms}`).join(", ") : "—";
    const failed = s.failedRuns ? ` (${s.failedRuns} of ${s.failedRuns + s.runs.length} runs failed)` : "";
    lines.push(
      `| \`${cell(s.target)}\` | ${range(s.performance)} | ${range(s.lcpMs)} | ${range(s.tbtMs)} | ${cell(t?.lcpElement ?? "—")} | ${cell(subparts)} | ${cell(tasks + failed)} | ${range(s.cpuShare)} |`,
    );
  }
  return lines.join("\n");
}
