// Sums the JSON reports of every runner into the one plain line CI reads: "N passed, N failed, N skipped".
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const dir = process.argv[2];
let passed = 0;
let failed = 0;
let skipped = 0;

for (const file of readdirSync(dir)) {
  const full = path.join(dir, file);
  if (file.startsWith("check-")) {
    if (readFileSync(full, "utf8").trim() === "pass") passed++;
    else failed++;
  } else if (file.startsWith("vitest") && file.endsWith(".json")) {
    const report = JSON.parse(readFileSync(full, "utf8"));
    passed += report.numPassedTests;
    failed += report.numFailedTests + filesThatFailedToRun(report);
    skipped += report.numPendingTests + report.numTodoTests;
  } else if (file.startsWith("playwright") && file.endsWith(".json") && existsSync(full)) {
    const { stats } = JSON.parse(readFileSync(full, "utf8"));
    passed += stats.expected + stats.flaky;
    failed += stats.unexpected;
    skipped += stats.skipped;
  }
}

// A file that fails to load (syntax error, failed beforeAll) reports no failed test; count it once.
function filesThatFailedToRun(report) {
  return report.testResults.filter(
    (r) => r.status === "failed" && !r.assertionResults.some((a) => a.status === "failed"),
  ).length;
}

console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
