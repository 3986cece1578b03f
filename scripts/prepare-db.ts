/**
 * Brings the content store up to date before the site starts: migrations, then a first sync so the demo opens
 * on a full season (`--no-sync` for migrations only). Runs in its own short-lived process because an embedded
 * PGlite directory can be open in only one process at a time; the site's cache is empty at this point, so
 * there is nothing to revalidate. `--rebased-starts` takes changed starts without calling them moves (the demo's
 * emulator re-dates its catalogue on each start). `--emulator ORIGIN --client NAME` points the studio's
 * connection at the demo's emulator first (scripts/lib/demo-connection.ts) and gives a store without sync settings
 * the demo's (scripts/lib/demo-settings.ts).
 */
import { ConfigError, env } from "@/lib/config";
import { DatabaseUnavailableError, openDb } from "@/lib/db";
import { pointDemoConnectionAt } from "./lib/demo-connection";
import { saveDemoSyncSettings } from "./lib/demo-settings";
import { syncLocally } from "./lib/local-sync";

function flag(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

async function main() {
  const config = env();
  const emulator = flag("--emulator");
  if (emulator) {
    const database = await openDb(config.DATABASE_URL);
    try {
      await database.migrate();
      const clientName = flag("--client") ?? config.SPEKTRIX_CLIENT_NAME;
      const how = await pointDemoConnectionAt(database, {
        origin: emulator,
        clientName,
        apiUser: config.SPEKTRIX_API_USER,
      });
      if (how !== "kept") console.log(`  studio connection ${how}: ${emulator}/${clientName}`);
      if ((await saveDemoSyncSettings(database.db)) === "saved")
        console.log("  demo sync settings saved (venue names)");
    } finally {
      await database.close();
    }
  }
  if (process.argv.includes("--no-sync")) {
    const database = await openDb(config.DATABASE_URL);
    await database.migrate().finally(() => database.close());
    console.log(`  database ready (${database.kind})`);
    return;
  }
  const summary = await syncLocally(config, {
    trigger: "cli",
    rebasedStarts: process.argv.includes("--rebased-starts"),
  });
  const events = summary.details?.events;
  console.log(
    `  database ready; first sync ${summary.status}${summary.abortReason ? ` (${summary.abortReason})` : ""}` +
      (events
        ? `: ${events.created ?? 0} new, ${events.updated ?? 0} updated, ${events.unchanged ?? 0} unchanged events`
        : ""),
  );
  // A failed first sync is not fatal: the site still serves whatever the store held before.
  if (summary.status === "failed") console.warn(`  ${summary.errors.join("; ")}`);
}

main().catch((error) => {
  console.error(error instanceof ConfigError || error instanceof DatabaseUnavailableError ? error.message : error);
  process.exit(1);
});
