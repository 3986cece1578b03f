import { actAs, RedirectSignal, type Who } from "./harness";
import { beforeAll, describe, expect, it } from "vitest";

/**
 * Every studio server action and route handler, called as a visitor (no cookie), as a signed-in member (their
 * next-auth cookie plus a forged studio cookie) and as an editor. The first two must be refused before any work
 * is done; the editor must get past the gate (the work itself may then fail: Spektrix is unreachable here).
 */

const FORBIDDEN_TEXT = /Editors only/;

type Call = () => Promise<unknown>;

let actions: Record<string, Call>;
let routes: Record<string, () => Promise<Response>>;

beforeAll(async () => {
  const auth = await import("@/lib/studio/actions/auth");
  const connection = await import("@/lib/studio/actions/connection");
  const sync = await import("@/lib/studio/actions/sync");
  const events = await import("@/lib/studio/actions/events");
  const pages = await import("@/lib/studio/actions/pages");
  const checkout = await import("@/lib/studio/actions/checkout");
  const pickers = await import("@/app/api/studio/pickers/[kind]/route");
  const syncRoute = await import("@/app/api/studio/sync/route");
  const syncFields = await import("@/app/api/studio/sync/fields/route");
  const webCheck = await import("@/app/studio/web-check/route");
  void auth;
  const form = (o: Record<string, string>) => {
    const f = new FormData();
    for (const [k, v] of Object.entries(o)) f.set(k, v);
    return f;
  };
  actions = {
    saveConnectionAction: () =>
      connection.saveConnectionAction(
        undefined,
        form({
          clientName: "demo",
          customDomain: "",
          apiUser: "demo-api",
          apiKey: "",
          accountPath: "/account",
          basketPath: "/basket",
          checkoutPath: "/checkout",
          iframeStylesheetUrl: "",
          componentsStylesheetUrl: "",
        }),
      ),
    checkConnectionAction: () => connection.checkConnectionAction(),
    saveSyncSettingsAction: () => sync.saveSyncSettingsAction("{}", 0),
    previewSyncSettingsAction: () => sync.previewSyncSettingsAction("{}", "1AHGJDSMMPLMPPGPRRQBDBSQQBNBHHDBK"),
    syncOneEventAction: () => sync.syncOneEventAction("1AHGJDSMMPLMPPGPRRQBDBSQQBNBHHDBK"),
    updateEventAction: () => events.updateEventAction(1, undefined, form({ title: "x" })),
    setEventHiddenAction: () => events.setEventHiddenAction(1, true),
    setPerformanceHiddenAction: () => events.setPerformanceHiddenAction(1, 1, false),
    removeKeptEventsAction: () => events.removeKeptEventsAction("no-such-client"),
    savePageAction: () =>
      pages.savePageAction(null, JSON.stringify({ slug: "authz", title: "Authz", blocks: [] }), null),
    publishPageAction: () => pages.publishPageAction(1, "0123456789abcdef"),
    unpublishPageAction: () => pages.unpublishPageAction(1),
    deletePageAction: () => pages.deletePageAction(1),
    saveGiftAidWordingAction: () =>
      checkout.saveGiftAidWordingAction(undefined, form({ giftAidWording: "x".repeat(100) })),
  };
  routes = {
    "GET /api/studio/pickers/fund": () =>
      pickers.GET(new Request("http://localhost/api/studio/pickers/fund?q=a"), {
        params: Promise.resolve({ kind: "fund" }),
      }),
    "GET /api/studio/pickers/fund?id": () =>
      pickers.GET(new Request("http://localhost/api/studio/pickers/fund?id=1AB"), {
        params: Promise.resolve({ kind: "fund" }),
      }),
    "GET /api/studio/sync/fields": () => syncFields.GET(new Request("http://localhost/api/studio/sync/fields"), {}),
    "GET /studio/web-check": () =>
      webCheck.GET(
        new Request(
          `http://localhost/studio/web-check?target=${encodeURIComponent("https://tickets.venue.org/venue/api/v3/basket")}`,
        ),
        {},
      ),
    "POST /api/studio/sync": () =>
      syncRoute.POST(
        new Request("http://localhost/api/studio/sync", {
          method: "POST",
          body: "{}",
          headers: { origin: "http://localhost:3000" },
        }),
        {},
      ),
  };
});

it("lists every studio server action (sign-in and sign-out aside), so a new one cannot skip these checks", async () => {
  // Every module in lib/studio/actions, found by the bundler: a new file is listed without editing this test.
  const modules = import.meta.glob<Record<string, unknown>>("/lib/studio/actions/*.ts");
  const exported: string[] = [];
  for (const [path, load] of Object.entries(modules)) {
    if (path.endsWith("/auth.ts")) continue;
    const actionsModule = await load();
    exported.push(...Object.keys(actionsModule).filter((name) => typeof actionsModule[name] === "function"));
  }
  expect(Object.keys(modules).length).toBeGreaterThan(4);
  expect(exported.sort()).toEqual(Object.keys(actions).sort());
});

function refused(result: unknown): boolean {
  return (
    typeof result === "object" &&
    result !== null &&
    (result as { ok?: boolean }).ok === false &&
    FORBIDDEN_TEXT.test(String((result as { message?: string }).message))
  );
}

describe.each<Who>(["visitor", "member"])("as a %s", (who) => {
  it("every server action refuses with 'Editors only' and writes nothing", async () => {
    const { getDb, schema } = await import("@/lib/db");
    const db = await getDb();
    const before = {
      pages: (await db.select().from(schema.pages)).length,
      settings: (await db.select().from(schema.syncSettings)).length,
      site: (await db.select().from(schema.siteSettings)).length,
    };
    for (const [name, call] of Object.entries(actions)) {
      await actAs(who);
      const result = await call();
      expect(refused(result), `${name} as ${who}`).toBe(true);
    }
    const after = {
      pages: (await db.select().from(schema.pages)).length,
      settings: (await db.select().from(schema.syncSettings)).length,
      site: (await db.select().from(schema.siteSettings)).length,
    };
    expect(after).toEqual(before);
  });

  it("every route handler answers 403", async () => {
    for (const [name, call] of Object.entries(routes)) {
      await actAs(who);
      const res = await call();
      expect(res.status, `${name} as ${who}`).toBe(403);
    }
  });

  it("studio pages redirect to the studio sign-in", async () => {
    await actAs(who);
    const { requireEditorPage } = await import("@/lib/studio/guard");
    await expect(requireEditorPage("/studio/pages")).rejects.toThrow(RedirectSignal);
    await expect(requireEditorPage("/studio/pages")).rejects.toMatchObject({
      url: "/studio/sign-in?next=%2Fstudio%2Fpages",
    });
  });
});

describe("as an editor", () => {
  it("every server action gets past the gate", async () => {
    for (const [name, call] of Object.entries(actions)) {
      await actAs("editor");
      const result = await call();
      expect(refused(result), name).toBe(false);
    }
  });

  it("every route handler gets past the gate", async () => {
    for (const [name, call] of Object.entries(routes)) {
      await actAs("editor");
      const res = await call();
      expect(res.status, name).not.toBe(403);
      await res.text();
    }
  });

  it("a disabled editor's cookie stops working at once", async () => {
    await actAs("editor");
    const { getDb, schema } = await import("@/lib/db");
    const { eq } = await import("drizzle-orm");
    const db = await getDb();
    await db
      .update(schema.studioUsers)
      .set({ disabled: true })
      .where(eq(schema.studioUsers.email, "editor@example.com"));
    const { publishPageAction } = await import("@/lib/studio/actions/pages");
    expect(refused(await publishPageAction(1, "0123456789abcdef"))).toBe(true);
    await db
      .update(schema.studioUsers)
      .set({ disabled: false })
      .where(eq(schema.studioUsers.email, "editor@example.com"));
  });
});

describe("studio sign-in", () => {
  const attempt = async (email: string, password: string) => {
    const { signInAction } = await import("@/lib/studio/actions/auth");
    const f = new FormData();
    f.set("email", email);
    f.set("password", password);
    f.set("next", "/studio/pages");
    return signInAction(undefined, f);
  };

  it("signs in the demo editor, sets the cookie and returns to the studio page", async () => {
    await actAs("visitor");
    const { jar } = await import("./harness");
    await expect(attempt("editor@example.com", "editor-pass")).rejects.toMatchObject({ url: "/studio/pages" });
    expect(jar.get("studio_session")).toBeTruthy();
  });

  it("refuses a member's credentials and field-checks the form", async () => {
    await actAs("visitor");
    expect(await attempt("member@example.com", "member-pass")).toMatchObject({ ok: false });
    expect(await attempt("not-an-email", "x")).toMatchObject({
      ok: false,
      fieldErrors: { email: ["must be an e-mail address"] },
    });
  });

  it("locks out after 5 failures for the same e-mail and IP", async () => {
    await actAs("visitor");
    for (let i = 0; i < 5; i++) expect(await attempt("locked@example.com", "wrong")).toMatchObject({ ok: false });
    const r = (await attempt("locked@example.com", "wrong")) as { message: string };
    expect(r.message).toMatch(/Too many attempts/);
  });
});
