import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

export type SecretHit = { file: string; secret: string };

/**
 * Looks for secret values (and the decoded form of base64 ones) in every file under `dir`. Used after a build
 * to prove that nothing server-only reached the browser bundle in `.next/static`.
 */
export function findSecrets(dir: string, secrets: Record<string, string>): SecretHit[] {
  const needles: Array<[string, string]> = [];
  for (const [name, value] of Object.entries(secrets)) {
    if (value.length < 8) continue; // too short to search for without false alarms
    needles.push([name, value]);
    const decoded = Buffer.from(value, "base64").toString("utf8");
    if (/^[\x20-\x7e]{8,}$/.test(decoded) && Buffer.from(decoded).toString("base64") === value) {
      needles.push([`${name} (decoded)`, decoded]);
    }
  }
  const hits: SecretHit[] = [];
  for (const file of walk(dir)) {
    const text = readFileSync(file, "latin1");
    for (const [name, value] of needles)
      if (text.includes(value)) hits.push({ file: path.relative(dir, file), secret: name });
  }
  return hits;
}

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) yield* walk(full);
    else yield full;
  }
}
