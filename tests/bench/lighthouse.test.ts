import { describe, expect, it } from "vitest";
import { mainThreadCpuShare, paintRace, runDirName, timingOf } from "../../scripts/bench/lib/lighthouse";

describe("bench Lighthouse helpers", () => {
  it("names a kept run's directory after the page and the run, safe as a file name", () => {
    expect(runDirName("/", 1)).toBe("home-1");
    expect(runDirName("/whats-on?view=calendar", 2)).toBe("whats-on_view_calendar-2");
    expect(runDirName("/book/282801AHQRRLVVGDGBLSPGBPNGVVNLGQD", 3)).toBe("book_282801AHQRRLVVGDGBLSPGBPNGVVNLGQD-3");
    expect(runDirName("/../../etc", 1)).toBe("_etc-1");
  });

  it("reads the LCP element, its subparts and the longest tasks from a report", () => {
    const timing = timingOf({
      categories: {},
      environment: { benchmarkIndex: 2841.4 },
      audits: {
        "largest-contentful-paint": { score: 0.9, title: "LCP", numericValue: 2101.6 },
        "total-blocking-time": { score: 1, title: "TBT", numericValue: 120.2 },
        "first-contentful-paint": { score: 1, title: "FCP", numericValue: 760 },
        "lcp-breakdown-insight": {
          score: null,
          title: "LCP breakdown",
          details: {
            items: [
              { type: "table", items: [{ subpart: "timeToFirstByte", duration: 19.4 }] },
              { type: "node", nodeLabel: "Stories worth leaving the house for.", snippet: '<h1 class="x">' },
            ],
          },
        },
        "long-tasks": {
          score: null,
          title: "Long tasks",
          details: {
            items: [
              { url: "http://127.0.0.1:3000/_next/static/chunks/a.js", duration: 80 },
              { url: "http://127.0.0.1:3000/", duration: 120 },
              { url: "Unattributable", duration: 60 },
              { url: "http://127.0.0.1:3000/_next/static/chunks/b.js", duration: 51 },
            ],
          },
        },
      },
    });
    expect(timing).toEqual({
      lcpMs: 2102,
      tbtMs: 120,
      fcpMs: 760,
      lcpElement: "h1: Stories worth leaving the house for.",
      lcpSubparts: { timeToFirstByte: 19 },
      longTasks: [
        { source: "document", ms: 120 },
        { source: "chunk a.js", ms: 80 },
        { source: "Unattributable", ms: 60 },
      ],
      benchmarkIndex: 2841,
      cpuShare: null,
      scriptsBeforeShown: null,
    });
  });

  it("measures how much of its tasks' wall time the page's main thread was on a CPU", () => {
    const page = { pid: 7, tid: 7 };
    const nav = (ts: number, url: string) => ({
      name: "navigationStart",
      ph: "R",
      ...page,
      ts,
      args: { data: { documentLoaderURL: url, isOutermostMainFrame: true } },
    });
    const task = (ts: number, dur: number, tdur: number, where = page) => ({
      name: "RunTask",
      ph: "X",
      ...where,
      ts,
      dur,
      tdur,
    });
    const traceEvents = [
      nav(100, "about:blank"),
      task(-200_000, 90_000, 10_000), // over before the page's navigation
      nav(1_000, "http://127.0.0.1:3000/"),
      task(2_000, 100_000, 40_000),
      task(200_000, 20_000, 20_000),
      task(300_000, 4_000, 0), // too short to weigh
      task(400_000, 50_000, 50_000, { pid: 9, tid: 9 }), // the browser process
    ];
    expect(mainThreadCpuShare({ traceEvents })).toBe(0.5);
    // A frame's navigation inside the page, a later navigation, a task with no thread time and one nested in
    // another change nothing.
    const frame = { documentLoaderURL: "http://127.0.0.1:3000/frame", isOutermostMainFrame: false };
    const more = [
      ...traceEvents,
      { ...nav(1_500, ""), args: { data: frame } },
      nav(900_000, "http://127.0.0.1:3000/next"),
      { name: "RunTask", ph: "X", ...page, ts: 500_000, dur: 30_000 },
      task(3_000, 50_000, 50_000),
    ];
    expect(mainThreadCpuShare({ traceEvents: more })).toBe(0.5);
    expect(mainThreadCpuShare(traceEvents.filter((e) => e.name !== "navigationStart"))).toBeNull();
  });

  it("names the script files that started evaluating before the first paint was presented", () => {
    const page = { pid: 7, tid: 7 };
    const at = (name: string, ms: number, url?: string, where = page) => ({
      name,
      ph: name === "Paint" || name === "EvaluateScript" ? "X" : "R",
      ...where,
      ts: ms * 1000,
      dur: 1000,
      ...(url ? { args: { data: { url } } } : {}),
    });
    const traceEvents = [
      {
        name: "navigationStart",
        ph: "R",
        ...page,
        ts: 10_000,
        args: { data: { documentLoaderURL: "http://127.0.0.1:3000/", isOutermostMainFrame: true } },
      },
      at("EvaluateScript", 50, "http://127.0.0.1:3000/"), // an inline script: it fetches nothing
      at("EvaluateScript", 120, "http://127.0.0.1:3000/_next/static/chunks/react.js"),
      at("Paint", 150),
      at("EvaluateScript", 160, "http://127.0.0.1:3000/_next/static/chunks/router.js"),
      at("EvaluateScript", 170, "http://127.0.0.1:3000/_next/static/chunks/react.js"), // the same file again
      at("EvaluateScript", 180, "http://127.0.0.1:3000/_next/static/chunks/frame.js", { pid: 9, tid: 9 }),
      at("firstContentfulPaint", 250),
      at("EvaluateScript", 260, "http://127.0.0.1:3000/_next/static/chunks/late.js"),
    ];
    expect(paintRace({ traceEvents })).toEqual({
      paintMs: 140,
      presentedMs: 240,
      scriptsBefore: [
        "http://127.0.0.1:3000/_next/static/chunks/react.js",
        "http://127.0.0.1:3000/_next/static/chunks/router.js",
      ],
    });
    expect(paintRace({ traceEvents: traceEvents.filter((e) => e.name !== "firstContentfulPaint") })).toBeNull();
  });
});
