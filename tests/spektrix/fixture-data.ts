/**
 * Loads the real Spektrix captures in fixtures/spektrix-real (see its README)
 * and rebuilds API-shaped payloads from them.
 */
import { readFileSync } from "node:fs";

const dir = new URL("../../fixtures/spektrix-real/", import.meta.url);

export function readFixture(name: string): string {
  return readFileSync(new URL(name, dir), "utf8");
}

export function readJsonFixture(name: string): Record<string, unknown>[] {
  return JSON.parse(readFixture(name)) as Record<string, unknown>[];
}

/**
 * An `event-instances` row is one event joined with one instance (instance keys prefixed `instance_`).
 * Events come back in first-seen order, one per id; instances one per row.
 */
export function splitEventInstanceRows(rows: Record<string, unknown>[]) {
  const events = new Map<string, Record<string, unknown>>();
  const instances: Record<string, unknown>[] = [];
  for (const row of rows) {
    const event: Record<string, unknown> = {};
    const instance: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(row)) {
      if (key.startsWith("instance_")) instance[key.slice("instance_".length)] = value;
      else event[key] = value;
    }
    if (!events.has(String(event.id))) events.set(String(event.id), event);
    instances.push(instance);
  }
  return { events: [...events.values()], instances, rowCount: rows.length };
}

/** Turns the Python list literals in the artsdata test file into JSON values, keyed by attribute name. */
export function readPythonSamples(name: string): Record<string, unknown[]> {
  const source = readFixture(name);
  const samples: Record<string, unknown[]> = {};
  for (const match of source.matchAll(/self\.(\w+) = (\[[\s\S]*?\n {8}\])/g)) {
    const [, key, literal] = match;
    if (!key || !literal) continue;
    // Odd parts are string literals (already JSON-compatible); only rewrite the code between them.
    const json = literal
      .split(/("(?:[^"\\]|\\.)*")/)
      .map((part, i) =>
        i % 2 === 1
          ? part
          : part
              .replace(/\bTrue\b/g, "true")
              .replace(/\bFalse\b/g, "false")
              .replace(/\bNone\b/g, "null")
              .replace(/,(\s*[\]}])/g, "$1"),
      )
      .join("");
    samples[key] = JSON.parse(json) as unknown[];
  }
  return samples;
}
