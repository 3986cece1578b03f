/**
 * Fills a local PGlite store with realistic rows for working on the public pages before a sync has run:
 *   DATABASE_URL=pglite://.data/site-dev npx tsx tests/events/seed-dev.ts [events] [performancesPerEvent]
 */
import { sql } from "drizzle-orm";
import { openDb } from "@/lib/db";
import { seedSite } from "./seed";

const url = process.env.DATABASE_URL ?? "pglite://.data/site-dev";
const database = await openDb(url);
await database.migrate();
const db = database.db;
await db.execute(sql`truncate performances, events, venues restart identity cascade`);
const result = await seedSite(db, {
  now: new Date(),
  events: Number(process.argv[2] ?? 60),
  performancesPerEvent: Number(process.argv[3] ?? 5),
});
console.log(`seeded ${result.eventSlugs.length} events, ${result.performanceIds.length} performances into ${url}`);
await database.close();
