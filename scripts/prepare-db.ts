/**
 * Brings the content store up to date before the site starts: migrations, then (once the sync engine is in
 * place) a first sync so the demo opens on a full season. Runs in its own short-lived process because an
 * embedded PGlite directory can be open in only one process at a time.
 */
import { ConfigError, env } from "@/lib/config";
import { DatabaseUnavailableError, openDb } from "@/lib/db";

async function main() {
  const database = await openDb(env().DATABASE_URL);
  try {
    await database.migrate();
    console.log(`  database ready (${database.kind})`);
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  if (error instanceof ConfigError || error instanceof DatabaseUnavailableError) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
});
