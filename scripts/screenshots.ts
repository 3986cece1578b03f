/**
 * Screenshots of the running site at phone and desktop widths, for checking the look by eye and for the
 * README: `npx tsx scripts/screenshots.ts http://localhost:3000 out-dir / /whats-on /events/some-slug`.
 */
import { chromium } from "@playwright/test";
import { mkdirSync } from "node:fs";
import path from "node:path";

const [base = "http://localhost:3000", outDir = "test-results/screenshots", ...paths] = process.argv.slice(2);
const sizes = { phone: { width: 390, height: 844 }, desktop: { width: 1366, height: 900 } } as const;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"],
});
mkdirSync(outDir, { recursive: true });
try {
  for (const pagePath of paths.length ? paths : ["/"]) {
    for (const [label, viewport] of Object.entries(sizes)) {
      const page = await browser.newPage({ viewport });
      await page.goto(new URL(pagePath, base).toString(), { waitUntil: "load", timeout: 60_000 });
      const name = `${pagePath.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "") || "home"}-${label}.png`;
      // Desktop shots show the whole page unless VIEWPORT_ONLY=1 (the README wants one screen).
      await page.screenshot({
        path: path.join(outDir, name),
        fullPage: label === "desktop" && process.env.VIEWPORT_ONLY !== "1",
      });
      console.log(path.join(outDir, name));
      await page.close();
    }
  }
} finally {
  await browser.close();
}
