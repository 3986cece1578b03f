/**
 * Lighthouse's mobile scores for one URL, through its CLI on Debian's Chromium (the same flags the Playwright
 * config uses). Scores are 0–100; a run that fails reports null rather than stopping the suite.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export type LighthouseScores = { performance: number; accessibility: number; bestPractices: number; seo: number };

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
    const { categories } = JSON.parse(readFileSync(report, "utf8")) as { categories: Record<string, { score: number | null }> };
    const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
    return { performance: score("performance"), accessibility: score("accessibility"), bestPractices: score("best-practices"), seo: score("seo") };
  } catch {
    return null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
