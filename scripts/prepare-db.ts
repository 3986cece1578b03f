/**
 * Brings the content store up to date before the site starts: migrations, then a first sync so the demo opens
 * on a full season (`--no-sync` for migrations only). Runs in its own short-lived process because an embedded
 * PGlite directory can be open in only one process at a time; the site's cache is empty at this point, so
 * there is nothing to revalidate.
 */
import { ConfigError, env } from "@/lib/config";
import { DatabaseUnavailableError, openDb } from "@/lib/db";
import { runSync } from "@/lib/sync/engine";
import { createSpektrixSource } from "@/lib/sync/spektrix-source";

async function main() {
  const config = env();
  const database = await openDb(config.DATABASE_URL);
  try {
    await database.migrate();
    console.log(`  database ready (${database.kind})`);
    if (process.argv.includes("--no-sync")) return;
    const summary = await runSync({
      database,
      source: createSpektrixSource({
        baseUrl: config.SPEKTRIX_BASE_URL,
        clientName: config.SPEKTRIX_CLIENT_NAME,
        timeoutMs: config.SPEKTRIX_TIMEOUT_MS,
      }),
      trigger: "cli",
      timeZone: config.VENUE_TIME_ZONE,
      revalidate: () => {},
    });
    const events = summary.details?.events;
    console.log(
      `  first sync ${summary.status}${summary.abortReason ? ` (${summary.abortReason})` : ""}: ` +
        `${events ? `${events.created ?? 0} new, ${events.updated ?? 0} updated, ${events.unchanged ?? 0} unchanged events` : ""}`,
    );
    // A failed first sync is not fatal: the site still serves whatever the store held before.
    if (summary.status === "failed") console.warn(`  ${summary.errors.join("; ")}`);
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  console.error(error instanceof ConfigError || error instanceof DatabaseUnavailableError ? error.message : error);
  process.exit(1);
});
