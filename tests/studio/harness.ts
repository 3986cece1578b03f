import { vi } from "vitest";

/**
 * Test harness for studio code that runs inside Next: a fake cookie jar behind `next/headers`, `redirect` that
 * throws, and no-op cache calls. Import this file first (it sets env before anything reads it).
 */

process.env.DATABASE_URL = "pglite://memory";
process.env.SPEKTRIX_BASE_URL = "http://127.0.0.1:9"; // nothing listens: Spektrix calls fail fast
process.env.SPEKTRIX_TIMEOUT_MS = "500";
process.env.STUDIO_ADMIN_EMAILS = "editor@example.com";

export const jar = new Map<string, string>();

export class RedirectSignal extends Error {
  constructor(readonly url: string) {
    super(`redirect ${url}`);
  }
}

vi.mock("server-only", () => ({}));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    set: (name: string, value: string) => void jar.set(name, value),
    delete: (name: string) => void jar.delete(name),
  }),
  headers: async () => new Headers({ "x-storefront-peer-address": "203.0.113.7" }),
  draftMode: async () => ({ isEnabled: false }),
}));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new RedirectSignal(url);
  },
  notFound: () => {
    throw new Error("not found");
  },
}));
vi.mock("next/cache", () => ({
  revalidateTag: vi.fn(),
  updateTag: vi.fn(),
  revalidatePath: vi.fn(),
  unstable_cache: (fn: (...a: unknown[]) => unknown) => fn,
}));

export type Who = "visitor" | "member" | "editor";

/** Puts the cookie of a visitor (none), a signed-in member (their next-auth cookie) or an editor in the jar. */
export async function actAs(who: Who): Promise<void> {
  jar.clear();
  if (who === "member") {
    jar.set("next-auth.session-token", "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0.member-session");
    // A member who also tries to forge a studio cookie with some other key.
    jar.set(
      "studio_session",
      "eyJzdWIiOiJtZW1iZXJAZXhhbXBsZS5jb20iLCJyb2xlIjoiZWRpdG9yIiwiaWF0IjoxLCJleHAiOjk5OTk5OTk5OTl9.forged",
    );
    return;
  }
  if (who === "editor") {
    const { env } = await import("@/lib/config");
    const { issueSessionToken } = await import("@/lib/studio/session-token");
    const { seedDemoEditors } = await import("@/lib/studio/users");
    await seedDemoEditors();
    jar.set("studio_session", issueSessionToken("editor@example.com", env().AUTH_SECRET));
  }
}
