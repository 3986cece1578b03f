import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Writes a generated section of `docs/reliability.md` between `<!-- name:start -->` and `<!-- name:end -->`,
 * leaving the rest of the file alone. The section holds no timings or dates, so an unchanged result leaves the
 * file byte-for-byte the same and a re-run shows no diff. Used by the fault matrix (Vitest), the page matrix
 * (Playwright) and the soak script.
 */

/**
 * The emulator faults of the reliability matrix, in the order (an object with a "500" key would be
 * reordered: integer-like keys come first). Shared by the fault matrix (Vitest) and the page matrix
 * (Playwright), so both report the same rows.
 */
export const FAULT_LIST = [
  ["3 s latency", { type: "latency", latencyMs: 3_000 }],
  ["500", { type: "status", status: 500 }],
  ["503 + Retry-After", { type: "status", status: 503, retryAfter: 1 }],
  ["429 + Retry-After", { type: "rateLimit", retryAfter: 1 }],
  ["hang", { type: "hang" }],
  ["malformed JSON", { type: "malformedJson" }],
  ["truncated body", { type: "truncated" }],
  ["empty catalogue", { type: "emptyCatalogue" }],
  ["80% of events vanish", { type: "vanishEvents", percent: 80 }],
] as const;
export type FaultName = (typeof FAULT_LIST)[number][0];

export const RELIABILITY_DOC = path.join(process.cwd(), "docs", "reliability.md");

export function writeDocSection(name: string, markdown: string, file = RELIABILITY_DOC): void {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const block = `${start}\n${markdown.trim()}\n${end}`;
  const current = existsSync(file) ? readFileSync(file, "utf8") : "# Reliability\n";
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  const next =
    from !== -1 && to > from
      ? current.slice(0, from) + block + current.slice(to + end.length)
      : `${current.trimEnd()}\n\n${block}\n`;
  if (next !== current) writeFileSync(file, next);
}

export type CellOutcome = "pass" | "fail";

export interface Cell {
  outcome: CellOutcome;
  /** What happened, short: "failed, store untouched", "unknown ('Check availability')". */
  note: string;
}

/**
 * A fault × operation table: one row per fault, one column per operation, then a totals row.
 * Cells read "✓ note", "✗ note" or "—" (not run, as in a filtered run; a complete run has no such cell).
 */
export function matrixMarkdown(
  faults: readonly string[],
  operations: readonly string[],
  cells: Map<string, Cell>,
  extraColumns: Record<string, (fault: string) => string> = {},
): string {
  const key = (f: string, o: string) => `${f}|${o}`;
  const extra = Object.keys(extraColumns);
  const lines = [
    `| fault | ${[...operations, ...extra].join(" | ")} |`,
    `|---|${[...operations, ...extra].map(() => "---").join("|")}|`,
  ];
  for (const fault of faults) {
    const row = operations.map((o) => {
      const cell = cells.get(key(fault, o));
      if (!cell) return "— not run";
      return `${cell.outcome === "pass" ? "✓" : "✗"} ${cell.note}`;
    });
    lines.push(`| ${fault} | ${[...row, ...extra.map((c) => extraColumns[c]!(fault))].join(" | ")} |`);
  }
  const totals = operations.map((o) => {
    const tried = faults.map((f) => cells.get(key(f, o))).filter((c) => c !== undefined);
    return `**${tried.filter((c) => c!.outcome === "pass").length}/${tried.length}**`;
  });
  lines.push(`| passed / tried | ${[...totals, ...extra.map(() => "")].join(" | ")} |`);
  return lines.join("\n");
}
