/**
 * Run after `next build`: fails if any server secret (Spektrix API key, auth secret, sync secret) appears in
 * the files the browser can download. The values come from the same validated env the build used.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/config";
import { findSecrets } from "@/lib/security/find-secrets";

const e = env();
const staticDir = path.join(process.env.NEXT_DIST_DIR ?? ".next", "static");
if (!existsSync(staticDir)) {
  console.error(`${staticDir} does not exist: run next build first.`);
  process.exit(1);
}
const hits = findSecrets(staticDir, {
  SPEKTRIX_API_KEY: e.SPEKTRIX_API_KEY,
  AUTH_SECRET: e.AUTH_SECRET,
  SYNC_SECRET: e.SYNC_SECRET,
});
if (hits.length) {
  for (const hit of hits) console.error(`secret ${hit.secret} found in ${staticDir}/${hit.file}`);
  process.exit(1);
}
console.log(`no secrets in ${staticDir}`);
