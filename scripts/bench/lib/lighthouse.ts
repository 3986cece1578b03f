/**
 * Lighthouse's mobile scores for one URL, through its CLI on Debian's Chromium (the same flags the Playwright
 * config uses). Scores are 0–100; a run that fails reports null rather than stopping the suite.
 * `failing` names the audits that cost points in accessibility, best practices and SEO, so a budget that
 * breaks says why.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export type LighthouseScores = {
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  failing: string[];
};

type Report = {
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, Audit>;
};
type Audit = { score: number | null; title: string; details?: { items?: Record<string, unknown>[] } };

/** The first offending item (a console message, an element, an issue), so a failure can be acted on. */
function firstItem(audit: Audit | undefined): string {
  const item = audit?.details?.items?.[0];
  return item ? `: ${JSON.stringify(item).slice(0, 400)}` : "";
}

export async function lighthouseScores(binary: string, url: string): Promise<LighthouseScores | null> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "lighthouse-"));
  const report = path.join(dir, "report.json");
  try {
    await run(
      binary,
      [
        url,
        "--quiet",
        "--output=json",
        `--output-path=${report}`,
        "--only-categories=performance,accessibility,best-practices,seo",
        `--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync --user-data-dir=${path.join(dir, "profile")}`,
      ],
      { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" }, timeout: 120_000 },
    );
    const { categories, audits } = JSON.parse(readFileSync(report, "utf8")) as Report;
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
    };
  } catch {
    return null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
