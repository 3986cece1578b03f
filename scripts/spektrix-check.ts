/**
 * The go-live check: `npm run spektrix:check` runs the Spektrix contract suite (tests/contract) and prints one
 * line per check, so a venue can see which of the site's assumptions its own system confirms before launch.
 *
 * With no settings it runs against a fresh emulator (as CI does). Against a venue's test system:
 *   SPEKTRIX_CONTRACT_BASE_URL=https://tickets.venue.org SPEKTRIX_CONTRACT_CLIENT=venue \
 *   SPEKTRIX_CONTRACT_API_USER=… SPEKTRIX_CONTRACT_API_KEY=… \
 *   [SPEKTRIX_CONTRACT_CUSTOMER_EMAIL=… SPEKTRIX_CONTRACT_CUSTOMER_PASSWORD=…] [SPEKTRIX_CONTRACT_WRITE=1] \
 *   npm run spektrix:check
 * Read-only unless SPEKTRIX_CONTRACT_WRITE=1 (which creates baskets, logs the test customer in and asks for a
 * payment token; never pays). Exits non-zero when any check fails.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { z } from "zod";

const report = z.object({
  testResults: z.array(
    z.object({
      assertionResults: z.array(
        z.object({
          ancestorTitles: z.array(z.string()),
          title: z.string(),
          status: z.string(),
          failureMessages: z.array(z.string()).default([]),
        }),
      ),
    }),
  ),
});

const dir = mkdtempSync(path.join(tmpdir(), "spektrix-check-"));
const out = path.join(dir, "contract.json");
// The package's own bin (its exports hide the file), run by this Node.
const vitest = path.join(path.dirname(createRequire(import.meta.url).resolve("vitest/package.json")), "vitest.mjs");
const target = process.env.SPEKTRIX_CONTRACT_BASE_URL ?? "a fresh emulator";
console.log(`Spektrix go-live check against ${target}\n`);
const run = spawnSync(
  process.execPath,
  [vitest, "run", "tests/contract", "--reporter=json", `--outputFile.json=${out}`, "--silent"],
  { stdio: ["ignore", "ignore", "inherit"] },
);

let parsed: z.infer<typeof report>;
try {
  parsed = report.parse(JSON.parse(readFileSync(out, "utf8")));
} catch {
  console.error(`The contract suite did not produce a report (exit ${run.status}).`);
  process.exit(1);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const MARK: Record<string, string> = { passed: "ok  ", failed: "FAIL", skipped: "skip", pending: "skip", todo: "skip" };
const counts = { passed: 0, failed: 0, skipped: 0 };
for (const file of parsed.testResults) {
  for (const t of file.assertionResults) {
    const mark = MARK[t.status] ?? t.status;
    const area = t.ancestorTitles.slice(1).join(" › ");
    console.log(`${mark}  ${area ? `${area} › ` : ""}${t.title}`);
    if (t.status === "failed") {
      counts.failed++;
      console.log(`      ${(t.failureMessages[0] ?? "").split("\n")[0]}`);
    } else if (t.status === "passed") counts.passed++;
    else counts.skipped++;
  }
}
console.log(
  `\n${counts.passed} confirmed, ${counts.failed} refuted, ${counts.skipped} not checked` +
    (counts.skipped ? " (read-only target, or no test customer: see the settings above)" : ""),
);
process.exit(counts.failed || run.status ? 1 : 0);
