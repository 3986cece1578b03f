import { eq } from "drizzle-orm";
import { getDb, schema, type StoreDb } from "./index";

/** Read/write of one `site_settings` row: the one home for settings kept as JSON under a key. */

export async function readSetting<T = unknown>(key: string, database?: StoreDb): Promise<T | undefined> {
  const d = database ?? (await getDb());
  const [row] = await d
    .select({ value: schema.siteSettings.value })
    .from(schema.siteSettings)
    .where(eq(schema.siteSettings.key, key))
    .limit(1);
  return row?.value as T | undefined;
}

export async function writeSetting(key: string, value: unknown, database?: StoreDb): Promise<void> {
  const d = database ?? (await getDb());
  await d
    .insert(schema.siteSettings)
    .values({ key, value })
    .onConflictDoUpdate({ target: schema.siteSettings.key, set: { value, updatedAt: new Date() } });
}
