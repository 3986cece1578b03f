import { eq } from "drizzle-orm";
import { demoSeedingAllowed, env } from "@/lib/config";
import { getDb, schema, type StoreDb } from "@/lib/db";
import { revokeSessions } from "@/lib/auth/revocation";
import { dummyPasswordHash, hashPassword, verifyPassword } from "./password";

/** Studio users: the `studio_users` table, plus the demo editors named by STUDIO_ADMIN_EMAILS. */

export const DEMO_EDITOR_PASSWORD = "editor-pass";

export interface StudioUser {
  id: number;
  email: string;
  name: string | null;
  role: "editor";
}

export async function findStudioUser(
  email: string,
  database?: StoreDb,
): Promise<(StudioUser & { disabled: boolean; passwordHash: string }) | null> {
  const d = database ?? (await getDb());
  const [row] = await d
    .select()
    .from(schema.studioUsers)
    .where(eq(schema.studioUsers.email, email.trim().toLowerCase()))
    .limit(1);
  return row
    ? {
        id: row.id,
        email: row.email,
        name: row.name,
        role: "editor",
        disabled: row.disabled,
        passwordHash: row.passwordHash,
      }
    : null;
}

/** Creates (or resets the password of) a studio user, ending the sessions it had. For scripts and tests. */
export async function upsertStudioUser(
  input: { email: string; password: string; name?: string },
  database?: StoreDb,
): Promise<void> {
  const d = database ?? (await getDb());
  const email = input.email.trim().toLowerCase();
  const passwordHash = await hashPassword(input.password);
  await d
    .insert(schema.studioUsers)
    .values({ email, passwordHash, name: input.name ?? null })
    .onConflictDoUpdate({ target: schema.studioUsers.email, set: { passwordHash, disabled: false } });
  // A new password ends every session signed in with the old one.
  await revokeSessions("studio", email);
}

/** Seeds each STUDIO_ADMIN_EMAILS editor with the demo password when demo secrets are allowed and they have no row. */
export async function seedDemoEditors(database?: StoreDb): Promise<void> {
  if (!demoSeedingAllowed()) return;
  const d = database ?? (await getDb());
  for (const email of env().STUDIO_ADMIN_EMAILS) {
    if (await findStudioUser(email, d)) continue;
    const passwordHash = await hashPassword(DEMO_EDITOR_PASSWORD);
    await d.insert(schema.studioUsers).values({ email, passwordHash, name: "Demo editor" }).onConflictDoNothing();
  }
}

/** The user for a correct e-mail and password, or null. Takes the same time whether or not the e-mail exists. */
export async function checkCredentials(
  email: string,
  password: string,
  database?: StoreDb,
): Promise<StudioUser | null> {
  const d = database ?? (await getDb());
  await seedDemoEditors(d);
  const user = await findStudioUser(email, d);
  const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (!user || !ok || user.disabled) return null;
  await d.update(schema.studioUsers).set({ lastSignInAt: new Date() }).where(eq(schema.studioUsers.id, user.id));
  return { id: user.id, email: user.email, name: user.name, role: "editor" };
}
