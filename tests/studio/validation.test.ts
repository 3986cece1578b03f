import { actAs } from "./harness";
import { beforeAll, describe, expect, it, vi } from "vitest";

/**
 * Every studio form rejects wrong types, oversized values and markup with a message on the field, and the
 * stored data stays as it was. Called through the server actions, as an editor.
 */

const form = (o: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(o)) f.set(k, v);
  return f;
};

type Result = { ok: boolean; fieldErrors?: Record<string, string[]> };
const errorsOf = (r: unknown) => (r as Result).fieldErrors ?? {};

beforeAll(async () => {
  await actAs("editor");
});

describe("connection form", () => {
  const valid = {
    clientName: "demo",
    customDomain: "tickets.venue.org",
    apiUser: "demo-api",
    apiKey: "c2VjcmV0LWtleQ==",
    accountPath: "/account",
    basketPath: "/basket",
    checkoutPath: "/checkout",
    iframeStylesheetUrl: "",
    componentsStylesheetUrl: "",
  };

  it("refuses a connection Spektrix does not confirm: nothing is saved, and the key is never returned", async () => {
    // The harness points SPEKTRIX_BASE_URL (which wins over the form) at a port nothing listens on.
    const { saveConnectionAction } = await import("@/lib/studio/actions/connection");
    const { loadConnection } = await import("@/lib/studio/connection");
    const before = await loadConnection();
    const r = await saveConnectionAction(undefined, form(valid));
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/Nothing was saved: the site could not use/) });
    const view = await loadConnection();
    expect(view).toEqual(before);
    expect(view.pinned.baseUrl).toBe("SPEKTRIX_BASE_URL");
    expect(JSON.stringify([r, view])).not.toContain("c2VjcmV0LWtleQ");
  });

  it.each([
    ["a section the site serves", { basketPath: "/whats-on/basket" }, "basketPath", /section of its own/],
    ["the studio", { accountPath: "/studio/me" }, "accountPath", /section of its own/],
    ["the home page", { basketPath: "/" }, "basketPath", /section of its own/],
    ["a path a file name could shadow", { basketPath: "/cart.txt" }, "basketPath", /letters, digits and hyphens/],
    [
      "another page's path",
      { checkoutPath: "/cart", basketPath: "/cart" },
      "checkoutPath",
      /same path as the basket page/,
    ],
  ])("refuses moving a page to %s, saving nothing", async (_name, change, field, message) => {
    const { saveConnectionAction } = await import("@/lib/studio/actions/connection");
    const { loadConnection } = await import("@/lib/studio/connection");
    const before = await loadConnection();
    const r = await saveConnectionAction(undefined, form({ ...valid, ...change }));
    expect(r).toMatchObject({ ok: false, fieldErrors: { [field]: [expect.stringMatching(message)] } });
    expect(await loadConnection()).toEqual(before);
  });

  it("ignores a posted value for a field the environment pins, and saves the rest", async () => {
    const { saveConnectionAction } = await import("@/lib/studio/actions/connection");
    const { loadConnection } = await import("@/lib/studio/connection");
    const r = await saveConnectionAction(
      undefined,
      form({ ...valid, customDomain: "crafted.example.org", apiKey: "", basketPath: "/cart" }),
    );
    expect(r).toMatchObject({ ok: true, message: expect.stringContaining("basket page") });
    const view = await loadConnection();
    expect(view.customDomain).not.toBe("crafted.example.org");
    expect(view.basketPath).toBe("/cart");
  });

  it("takes the iframe stylesheet as Spektrix does: the name of a file uploaded to it", async () => {
    const { saveConnectionAction } = await import("@/lib/studio/actions/connection");
    const { loadConnection } = await import("@/lib/studio/connection");
    const r = await saveConnectionAction(
      undefined,
      form({ ...valid, apiKey: "", iframeStylesheetUrl: "lyric-theme.css" }),
    );
    expect(r).toMatchObject({ ok: true });
    expect((await loadConnection()).iframeStylesheetUrl).toBe("lyric-theme.css");
  });

  it.each([
    ["clientName", "<script>x</script>", /letters, digits/],
    ["clientName", "a".repeat(65), /at most 64/],
    ["customDomain", "https://tickets.venue.org/path", /host name/],
    ["webComponentsUrl", "http://cdn.example.org/wc", /https/],
    ["apiUser", "<b>admin</b>", /plain text/],
    ["apiUser", "u".repeat(101), /at most 100/],
    ["apiKey", "not base64 !", /base64/],
    ["basketPath", "javascript:alert(1)", /site path/],
    ["iframeStylesheetUrl", "ftp://x.org/a.css", /\.css file name uploaded to Spektrix/],
    ["iframeStylesheetUrl", "../theme.css", /\.css file name/],
    ["iframeStylesheetUrl", "theme.js", /\.css file name/],
  ])("rejects %s = %j with a field message and saves nothing", async (field, value, message) => {
    const { saveConnectionAction } = await import("@/lib/studio/actions/connection");
    const { loadConnection } = await import("@/lib/studio/connection");
    const before = await loadConnection();
    const r = await saveConnectionAction(undefined, form({ ...valid, [field]: value }));
    expect(r.ok).toBe(false);
    expect(errorsOf(r)[field]?.join(" ")).toMatch(message);
    expect(await loadConnection()).toEqual(before);
  });
});

describe("page form", () => {
  const fund = { id: "1AHGJDSMMPLMPPGPRRQBDBSQQBNBHHDBK", label: "Annual Fund" };
  const good = {
    slug: "give",
    title: "Give",
    seoTitle: "",
    seoDescription: "",
    blocks: [{ type: "donate", fund, heading: "", intro: "", amounts: [10, 20] }],
  };
  let pageId = 0;
  // The draft version an editor who opened the page just now would send back.
  const opened = async () => {
    const { getPage } = await import("@/lib/studio/pages");
    return (await getPage(pageId))!.draftVersion;
  };

  it("creates, saves and publishes a page with a donate block", async () => {
    const { savePageAction, publishPageAction } = await import("@/lib/studio/actions/pages");
    const { publishedPage } = await import("@/lib/studio/pages");
    const { isPublishedSlug } = await import("@/lib/studio/published");
    const r = await savePageAction(null, JSON.stringify(good), null);
    expect(r).toMatchObject({ ok: true });
    pageId = (r as { data: { id: number } }).data.id;
    expect((r as { data: { version: string } }).data.version).toBe(await opened());
    expect(await publishedPage("give")).toBeNull();
    // What proxy.ts asks before /info/give renders: a saved draft is not a page visitors can reach.
    expect(await isPublishedSlug("give")).toBe(false);
    expect(await publishPageAction(pageId, await opened())).toMatchObject({ ok: true });
    expect(await isPublishedSlug("give")).toBe(true);
    expect(await isPublishedSlug("no-such-page")).toBe(false);
    // The page's own tag and the published list's: a new page must not wait out the list's cache.
    const { revalidateTag } = await import("next/cache");
    const { tags } = await import("@/lib/cache/tags");
    expect(revalidateTag).toHaveBeenCalledWith(tags.page("give"), { expire: 0 });
    expect(revalidateTag).toHaveBeenCalledWith(tags.publishedPages, { expire: 0 });
    const page = await publishedPage("give");
    expect(page?.blocks[0]).toMatchObject({ type: "donate", fund });
  });

  it("visitors reach only published slugs: a made-up or over-long slug is never read or cached", async () => {
    const { loadPublishedPage } = await import("@/lib/studio/published");
    expect((await loadPublishedPage("give"))?.title).toBe("Give");
    expect(await loadPublishedPage("no-such-page")).toBeNull();
    // Longer than a cache tag may be: refused before any read (Next warns on tags over 256 characters).
    expect(await loadPublishedPage("a".repeat(300))).toBeNull();
    expect(await loadPublishedPage("../etc")).toBeNull();
  });

  it.each([
    ["wrong type for the title", { title: 5 }, "title", /text/],
    ["wrong type for the blocks", { blocks: "donate" }, "blocks", /list of blocks/],
    ["an oversized title", { title: "t".repeat(161) }, "title", /at most 160/],
    ["markup in the title", { title: "<img src=x onerror=alert(1)>" }, "title", /plain text/],
    ["markup in the SEO description", { seoDescription: "<b>hi</b>" }, "seoDescription", /plain text/],
    ["a bad slug", { slug: "../etc" }, "slug", /hyphens/],
    ["a reserved slug", { slug: "whats-on" }, "slug", /reserved/],
    [
      "a script in rich text",
      { blocks: [{ type: "richText", html: "<p>hi</p><script>alert(1)</script>" }] },
      "blocks.0.html",
      /not allowed/,
    ],
    [
      "oversized rich text",
      { blocks: [{ type: "richText", html: `<p>${"x".repeat(20_001)}</p>` }] },
      "blocks.0.html",
      /at most 20,000/,
    ],
    ["a donate block with no fund", { blocks: [{ type: "donate", fund: null }] }, "blocks.0.fund", /choose a record/],
    [
      "a fund id that is not a Spektrix id",
      { blocks: [{ type: "donate", fund: { id: "../../x", label: "x" } }] },
      "blocks.0.fund.id",
      /Spektrix id/,
    ],
    [
      "markup in a picked label",
      { blocks: [{ type: "donate", fund: { id: fund.id, label: "<i>x</i>" } }] },
      "blocks.0.fund.label",
      /plain text/,
    ],
    [
      "amounts of the wrong type",
      { blocks: [{ type: "donate", fund, amounts: ["ten"] }] },
      "blocks.0.amounts.0",
      /number/,
    ],
    ["an unknown block", { blocks: [{ type: "marquee" }] }, "blocks.0.type", /known block/],
    ["an unknown iframe flow", { blocks: [{ type: "iframe", flow: "evil", params: {} }] }, "blocks.0.flow", /flow/],
    [
      "an iframe parameter with markup",
      { blocks: [{ type: "iframe", flow: "eventDetails", params: { id: "<x>" } }] },
      "blocks.0.params.id",
      /Spektrix id/,
    ],
    [
      "an event-details frame with no event",
      { blocks: [{ type: "iframe", flow: "eventDetails", params: {} }] },
      "blocks.0.params.id",
      /event’s Spektrix id/,
    ],
    [
      "a seat-choice frame with an empty performance",
      { blocks: [{ type: "iframe", flow: "chooseSeats", params: { id: "" } }] },
      "blocks.0.params.id",
      /performance’s Spektrix id/,
    ],
  ])("rejects %s with a field message and leaves the page as it was", async (_what, patch, field, message) => {
    const { savePageAction } = await import("@/lib/studio/actions/pages");
    const { getPage } = await import("@/lib/studio/pages");
    const before = await getPage(pageId);
    const r = await savePageAction(pageId, JSON.stringify({ ...good, ...patch }), await opened());
    expect(r.ok).toBe(false);
    expect(errorsOf(r)[field]?.join(" "), JSON.stringify(errorsOf(r))).toMatch(message);
    expect(await getPage(pageId)).toEqual(before);
  });

  it("takes a subscription by its name slug (Spektrix's structures carry no id), and nothing that is not one", async () => {
    const { savePageAction } = await import("@/lib/studio/actions/pages");
    const block = (id: string) => ({
      type: "subscription",
      subscription: { id, label: "Flexi 4" },
      heading: "",
      intro: "",
    });
    expect(
      await savePageAction(pageId, JSON.stringify({ ...good, blocks: [block("flexi-4")] }), await opened()),
    ).toMatchObject({ ok: true });
    for (const bad of ["../x", "Flexi 4", "flexi--4", "<x>"]) {
      const r = await savePageAction(pageId, JSON.stringify({ ...good, blocks: [block(bad)] }), await opened());
      expect(errorsOf(r)["blocks.0.subscription.id"]?.join(" "), bad).toMatch(/Spektrix id/);
    }
    expect(await savePageAction(pageId, JSON.stringify(good), await opened())).toMatchObject({ ok: true });
  });

  it("rejects a JSON payload that is not JSON", async () => {
    const { savePageAction } = await import("@/lib/studio/actions/pages");
    expect(errorsOf(await savePageAction(pageId, "{not json", await opened()))).toHaveProperty("page");
  });

  it("refuses a save from a tab opened before someone else's save, keeps theirs, and overwrites only when asked", async () => {
    const { savePageAction } = await import("@/lib/studio/actions/pages");
    const { getPage } = await import("@/lib/studio/pages");
    const tabA = await opened();
    const theirs = await savePageAction(pageId, JSON.stringify({ ...good, title: "Give today" }), await opened());
    expect(theirs).toMatchObject({ ok: true });
    const afterTheirs = await getPage(pageId);
    const mine = await savePageAction(pageId, JSON.stringify({ ...good, title: "Support us" }), tabA);
    expect(mine).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^editor@example\.com changed this page at .*Nothing was saved/),
    });
    expect(await getPage(pageId)).toEqual(afterTheirs);
    // Replace it with mine: the version the refusal carried, once.
    const conflict = (mine as { conflict: { version: string } }).conflict;
    expect(conflict.version).toBe(afterTheirs!.draftVersion);
    expect(
      await savePageAction(pageId, JSON.stringify({ ...good, title: "Support us" }), conflict.version),
    ).toMatchObject({
      ok: true,
    });
    expect((await getPage(pageId))!.title).toBe("Support us");
    // A version that is no version at all is not a way around the check.
    for (const basedOn of [null, "", "x".repeat(16), tabA.toUpperCase()])
      expect(await savePageAction(pageId, JSON.stringify(good), basedOn as never)).toMatchObject({ ok: false });
    expect((await getPage(pageId))!.title).toBe("Support us");
  });

  it("publishes only the draft the editor has read, and publishing leaves the draft's version as it was", async () => {
    const { savePageAction, publishPageAction } = await import("@/lib/studio/actions/pages");
    const { publishedPage } = await import("@/lib/studio/pages");
    const before = await publishedPage("give");
    const tabA = await opened();
    await savePageAction(pageId, JSON.stringify({ ...good, title: "Not ready yet" }), tabA);
    const stale = await publishPageAction(pageId, tabA);
    expect(stale).toMatchObject({ ok: false, message: expect.stringMatching(/Nothing was published/) });
    // A tab refused a publish has nothing of its own to put back over their draft: no replace is offered.
    expect(stale).not.toHaveProperty("conflict");
    expect(await publishedPage("give")).toEqual(before);
    const current = await opened();
    expect(await publishPageAction(pageId, current)).toMatchObject({ ok: true });
    expect((await publishedPage("give"))?.title).toBe("Not ready yet");
    // The same tab saves again straight after publishing: not someone else's change.
    expect(await opened()).toBe(current);
    expect(await savePageAction(pageId, JSON.stringify(good), current)).toMatchObject({ ok: true });
  });

  it("a save or publish of a page deleted meanwhile says so, not that fields need attention", async () => {
    const { savePageAction, publishPageAction, deletePageAction } = await import("@/lib/studio/actions/pages");
    const made = await savePageAction(null, JSON.stringify({ ...good, slug: "short-lived" }), null);
    const { id, version } = (made as { data: { id: number; version: string } }).data;
    expect(await deletePageAction(id)).toMatchObject({ ok: true });
    const r = await savePageAction(id, JSON.stringify({ ...good, slug: "short-lived" }), version);
    expect(r).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^This page was deleted after you opened it, so nothing was saved/),
    });
    expect(r).not.toHaveProperty("fieldErrors");
    expect(await publishPageAction(id, version)).toMatchObject({
      ok: false,
      message: "Nothing was published: this page no longer exists.",
    });
  });

  it("a page published before the snapshot held its address keeps it when a draft moves the slug", async () => {
    const { savePageAction, publishPageAction } = await import("@/lib/studio/actions/pages");
    const { publishedPage } = await import("@/lib/studio/pages");
    const { getDb, schema } = await import("@/lib/db");
    const db = await getDb();
    const [old] = await db
      .insert(schema.pages)
      .values({
        slug: "visit",
        title: "Visit",
        draftBlocks: [],
        publishedBlocks: [],
        publishedMeta: { title: "Visit", seoTitle: null, seoDescription: null },
        publishedAt: new Date("2026-01-01T00:00:00Z"),
      })
      .returning({ id: schema.pages.id });
    const { getPage } = await import("@/lib/studio/pages");
    const version = (await getPage(old!.id))!.draftVersion;
    const moved = { slug: "plan-your-visit", title: "Visit", seoTitle: "", seoDescription: "", blocks: [] };
    expect(await savePageAction(old!.id, JSON.stringify(moved), version)).toMatchObject({ ok: true });
    expect((await publishedPage("visit"))?.title).toBe("Visit");
    expect(await publishedPage("plan-your-visit")).toBeNull();
    const r = await publishPageAction(old!.id, (await getPage(old!.id))!.draftVersion);
    expect(r).toMatchObject({ ok: true, message: expect.stringContaining("The old address, /info/visit") });
    expect(await publishedPage("visit")).toBeNull();
  });

  it("a published page keeps its address until the draft's new slug is published, and no other page can take either", async () => {
    const { savePageAction, publishPageAction } = await import("@/lib/studio/actions/pages");
    const { publishedPage, publishedPages, getPage } = await import("@/lib/studio/pages");
    const { revalidateTag } = await import("next/cache");
    const { tags } = await import("@/lib/cache/tags");
    expect(await publishPageAction(pageId, await opened())).toMatchObject({ ok: true });
    expect(await savePageAction(pageId, JSON.stringify({ ...good, slug: "give-now" }), await opened())).toMatchObject({
      ok: true,
    });
    // Saved, not published: visitors still find the page where it was, and nothing at the new address.
    expect((await publishedPage("give"))?.title).toBe("Give");
    expect(await publishedPage("give-now")).toBeNull();
    expect((await publishedPages()).map((p) => p.slug)).toContain("give");
    expect(await getPage(pageId)).toMatchObject({ slug: "give-now", publishedSlug: "give", unpublishedChanges: true });
    // Neither address is free for another page meanwhile.
    for (const slug of ["give", "give-now"]) {
      const other = await savePageAction(null, JSON.stringify({ ...good, slug }), null);
      expect(errorsOf(other).slug?.join(" "), slug).toMatch(/already used/);
    }
    vi.mocked(revalidateTag).mockClear();
    const r = await publishPageAction(pageId, await opened());
    expect(r).toMatchObject({
      ok: true,
      message: "Published at /info/give-now. The old address, /info/give, now answers “not found”.",
    });
    expect(revalidateTag).toHaveBeenCalledWith(tags.page("give"), { expire: 0 });
    expect(revalidateTag).toHaveBeenCalledWith(tags.page("give-now"), { expire: 0 });
    expect(await publishedPage("give")).toBeNull();
    expect((await publishedPage("give-now"))?.slug).toBe("give-now");
    expect(await getPage(pageId)).toMatchObject({ publishedSlug: "give-now", unpublishedChanges: false });
    expect(await savePageAction(pageId, JSON.stringify(good), await opened())).toMatchObject({ ok: true });
    expect(await publishPageAction(pageId, await opened())).toMatchObject({ ok: true });
  });
});

describe("event form", () => {
  let eventId = 0;
  beforeAll(async () => {
    const { getDb, schema } = await import("@/lib/db");
    const db = await getDb();
    const [row] = await db
      .insert(schema.events)
      .values({
        sourceId: "9AHGJDSMMPLMPPGPRRQBDBSQQBNBHHDBK",
        slug: "hamlet",
        title: "Hamlet",
        summary: "A prince.",
        sourceHash: "h",
      })
      .returning({ id: schema.events.id });
    eventId = row!.id;
  });
  const row = async () => {
    const { getEvent } = await import("@/lib/studio/events");
    return getEvent(eventId);
  };
  /** The form as an editor who opened it at `opened` (by default: now) sends it with `changes` typed in. */
  const edit = async (changes: Record<string, string>, opened?: Record<string, string>) => {
    const { eventFormValues } = await import("@/lib/studio/events");
    const shown = opened ?? eventFormValues((await row())!);
    return form({ ...shown, ...changes, _basedOn: JSON.stringify(shown) });
  };

  it("shows a performance the sync settings hid, hides it again, and refuses another event's performance", async () => {
    const { getDb, schema } = await import("@/lib/db");
    const { setPerformanceHiddenAction } = await import("@/lib/studio/actions/events");
    const { listEventPerformances } = await import("@/lib/studio/events");
    const db = await getDb();
    const [perf] = await db
      .insert(schema.performances)
      .values({
        sourceId: "9AHGJDSMMPLMPPGPRRQBDBSQQBNBHHDBKP1",
        eventId,
        startsAt: new Date("2030-01-01T19:30:00Z"),
        startLocal: "2030-01-01T19:30:00",
        hidden: true,
        sourceHash: "h",
      })
      .returning({ id: schema.performances.id });
    expect(await setPerformanceHiddenAction(eventId, perf!.id, false)).toMatchObject({ ok: true });
    expect((await listEventPerformances(eventId)).map((p) => p.hidden)).toEqual([false]);
    expect(await setPerformanceHiddenAction(eventId, perf!.id, true)).toMatchObject({ ok: true });
    expect((await listEventPerformances(eventId)).map((p) => p.hidden)).toEqual([true]);
    // A performance id that belongs to no such event changes nothing.
    expect(await setPerformanceHiddenAction(eventId + 1000, perf!.id, false)).toMatchObject({ ok: false });
    expect(await setPerformanceHiddenAction(eventId, 2 ** 31, false)).toMatchObject({ ok: false });
    expect((await listEventPerformances(eventId)).map((p) => p.hidden)).toEqual([true]);
  });

  it("saves an editable field and records it as edited", async () => {
    const { updateEventAction } = await import("@/lib/studio/actions/events");
    const r = await updateEventAction(
      eventId,
      undefined,
      await edit({ summary: "A prince, undecided.", weight: "3", published: "on" }),
    );
    expect(r).toMatchObject({ ok: true });
    const e = await row();
    expect(e?.summary).toBe("A prince, undecided.");
    expect(e?.editedFields).toContain("summary");
    expect(e?.weight).toBe(3);
  });

  it("refuses to change a field a locked map writes", async () => {
    const { updateEventAction } = await import("@/lib/studio/actions/events");
    const before = await row();
    const r = await updateEventAction(eventId, undefined, await edit({ title: "Hamlet (edited)" }));
    expect(r.ok).toBe(false);
    expect(errorsOf(r).title?.join(" ")).toMatch(/locked/);
    expect(await row()).toEqual(before);
  });

  it.each([
    ["durationMinutes", "ninety", /whole number/],
    ["durationMinutes", "100000", /0 to 1440/],
    ["summary", "s".repeat(2001), /at most 2000/],
    ["genre", "<em>Drama</em>", /plain text/],
    ["bodyOverrideHtml", '<p onclick="x()">hi</p>', /not allowed/],
    ["heroImageAlt", "a\u0007b", /control/],
    ["keepLiveUntil", "next week", /date/],
    ["weight", "heavy", /whole number/],
    ["tags", "a,<b>b</b>", /plain text/],
  ])("rejects %s = %j with a field message and leaves the event as it was", async (field, value, message) => {
    const { updateEventAction } = await import("@/lib/studio/actions/events");
    const before = await row();
    const r = await updateEventAction(eventId, undefined, await edit({ [field]: value }));
    expect(r.ok).toBe(false);
    const errors = errorsOf(r);
    const text = Object.entries(errors)
      .filter(([k]) => k === field || k.startsWith(`${field}.`))
      .map(([, v]) => v.join(" "))
      .join(" ");
    expect(text, JSON.stringify(errors)).toMatch(message);
    expect(await row()).toEqual(before);
  });

  it("saves only what this editor changed: a stale tab does not put back another editor's fields or show a hidden event", async () => {
    const { updateEventAction, setEventHiddenAction } = await import("@/lib/studio/actions/events");
    const { eventFormValues } = await import("@/lib/studio/events");
    const { getDb, schema } = await import("@/lib/db");
    const { eq } = await import("drizzle-orm");
    const tabA = eventFormValues((await row())!);
    // Meanwhile: another tab edits the subtitle and hides the event; the sync rewrites the genre.
    expect(await updateEventAction(eventId, undefined, await edit({ subtitle: "Revived" }))).toMatchObject({
      ok: true,
    });
    expect(await setEventHiddenAction(eventId, true)).toMatchObject({ ok: true });
    await (await getDb()).update(schema.events).set({ genre: "Tragedy" }).where(eq(schema.events.id, eventId));
    const r = await updateEventAction(eventId, undefined, await edit({ ageGuidance: "12+" }, tabA));
    // …and answers with the visibility as stored, for the stale tab's visibility line.
    expect(r).toMatchObject({ ok: true, message: "Saved (1 field changed).", data: { hidden: true } });
    const e = await row();
    expect(e).toMatchObject({ ageGuidance: "12+", subtitle: "Revived", genre: "Tragedy", hidden: true });
    await setEventHiddenAction(eventId, false);
  });

  it("refuses a field changed both here and elsewhere, says what it reads now, and replaces it when saved again", async () => {
    const { updateEventAction } = await import("@/lib/studio/actions/events");
    const { eventFormValues } = await import("@/lib/studio/events");
    const tabA = eventFormValues((await row())!);
    expect(tabA.published).toBe("on");
    expect(
      await updateEventAction(eventId, undefined, await edit({ summary: "Theirs.", published: "" })),
    ).toMatchObject({
      ok: true,
    });
    const before = await row();
    const mine = { summary: "Mine.", weight: "7" };
    const r = await updateEventAction(eventId, undefined, await edit(mine, tabA));
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/someone changed this event/) });
    expect(errorsOf(r).summary?.join(" ")).toMatch(/it now reads “Theirs\.”\. Save again to replace it/);
    expect(Object.keys(errorsOf(r))).toEqual(["summary"]);
    expect(await row()).toEqual(before);
    // The form adopts what it was told, so the same save sent again is deliberate and goes through; the box this
    // tab never touched stays as the other editor left it.
    const stale = (r as { stale: Record<string, string> }).stale;
    expect(stale).toEqual({ summary: "Theirs." });
    expect(await updateEventAction(eventId, undefined, await edit(mine, { ...tabA, ...stale }))).toMatchObject({
      ok: true,
    });
    expect(await row()).toMatchObject({ summary: "Mine.", published: false, weight: 7 });
  });

  it("a second save from the same tab starts from the first as stored (trimmed, rejoined), not as typed", async () => {
    const { updateEventAction } = await import("@/lib/studio/actions/events");
    const { eventFormValues } = await import("@/lib/studio/events");
    const opened = eventFormValues((await row())!);
    const first = { ...opened, tags: "drama,comedy ", ageGuidance: "  12+" };
    const r = await updateEventAction(eventId, undefined, form({ ...first, _basedOn: JSON.stringify(opened) }));
    expect(r).toMatchObject({ ok: true, savedAs: { tags: "drama, comedy", ageGuidance: "12+" } });
    // What useStudioForm sends next: the fields as typed, beginning from what the server said it stored.
    const began = { ...first, ...(r as { savedAs: Record<string, string> }).savedAs };
    const second = { ...first, tags: "drama,comedy,family" };
    expect(
      await updateEventAction(eventId, undefined, form({ ...second, _basedOn: JSON.stringify(began) })),
    ).toMatchObject({ ok: true, message: "Saved (1 field changed)." });
    expect((await row())?.tags).toEqual(["drama", "comedy", "family"]);
  });

  it("a line break the sync left in a single-line field is not an edit (the browser's input drops it)", async () => {
    const { updateEventAction } = await import("@/lib/studio/actions/events");
    const { eventFormValues } = await import("@/lib/studio/events");
    const { getDb, schema } = await import("@/lib/db");
    const { eq } = await import("drizzle-orm");
    await (
      await getDb()
    )
      .update(schema.events)
      .set({ heroImageAlt: "The cast\non stage", editedFields: [] })
      .where(eq(schema.events.id, eventId));
    const opened = eventFormValues((await row())!);
    const asSent = { ...opened, heroImageAlt: "The caston stage", ageGuidance: "15+" };
    const r = await updateEventAction(eventId, undefined, form({ ...asSent, _basedOn: JSON.stringify(opened) }));
    expect(r).toMatchObject({ ok: true, message: "Saved (1 field changed)." });
    expect(await row()).toMatchObject({ heroImageAlt: "The cast\non stage", editedFields: ["ageGuidance"] });
  });

  it("refuses a form that does not say how it began, saving nothing", async () => {
    const { updateEventAction } = await import("@/lib/studio/actions/events");
    const before = await row();
    for (const basedOn of [undefined, "{", "[]", JSON.stringify({ summary: 5 })]) {
      const fields: Record<string, string> = { summary: "Sneaky." };
      if (basedOn !== undefined) fields._basedOn = basedOn;
      expect(await updateEventAction(eventId, undefined, form(fields))).toMatchObject({ ok: false });
    }
    expect(await row()).toEqual(before);
  });
});

const { defaultSyncSettings: DEFAULT_SYNC_SETTINGS } = await import("@/lib/sync/settings");

describe("sync settings form", () => {
  // The version an editor who opened the settings just now would send back.
  const inForce = async () => {
    const { getDb } = await import("@/lib/db");
    const { loadSyncSettings } = await import("@/lib/sync/settings");
    return (await loadSyncSettings(await getDb())).version;
  };
  it.each([
    [{ maps: [{ source: "name", target: "title", transform: "number", mode: "locked" }] }, "maps.0.transform"],
    [{ maps: [{ source: "<script>", target: "title", transform: "text", mode: "locked" }] }, "maps.0.source"],
    [{ maps: [{ source: "name", target: "title", transform: "text", mode: "sometimes" }] }, "maps.0.mode"],
    [{ schedule: { everyMinutes: "ten" } }, "schedule.everyMinutes"],
    [{ performances: { titleOverrideAttribute: "x".repeat(5000) + "<b>" } }, "performances.titleOverrideAttribute"],
  ])("rejects %j at %s and saves no new version", async (input, path) => {
    const { saveSyncSettingsAction } = await import("@/lib/studio/actions/sync");
    const { getDb, schema } = await import("@/lib/db");
    const db = await getDb();
    const before = (await db.select().from(schema.syncSettings)).length;
    const { defaultSyncSettings } = await import("@/lib/sync/settings");
    // The form sends every section; the one under test carries the bad value.
    const r = await saveSyncSettingsAction(JSON.stringify({ ...defaultSyncSettings, ...input }), await inForce());
    expect(r.ok).toBe(false);
    expect(errorsOf(r)).toHaveProperty([path]);
    expect((await db.select().from(schema.syncSettings)).length).toBe(before);
  });

  it("saves a valid change to a map as a new version", async () => {
    const { saveSyncSettingsAction } = await import("@/lib/studio/actions/sync");
    const { defaultMaps, defaultSyncSettings } = await import("@/lib/sync/settings");
    const r = await saveSyncSettingsAction(
      JSON.stringify({
        ...defaultSyncSettings,
        maps: [...defaultMaps(), { source: "instanceDates", target: "subtitle", transform: "text", mode: "locked" }],
      }),
      await inForce(),
    );
    expect(r).toMatchObject({ ok: true });
  });

  it("refuses a save from a page opened before someone else's, naming the version in force, and replaces it only when asked", async () => {
    const { saveSyncSettingsAction } = await import("@/lib/studio/actions/sync");
    const { defaultSyncSettings } = await import("@/lib/sync/settings");
    const { getDb, schema } = await import("@/lib/db");
    const db = await getDb();
    const opened = await inForce();
    const theirs = { ...defaultSyncSettings, display: { ...defaultSyncSettings.display, hiddenGenres: ["RENTAL"] } };
    expect(await saveSyncSettingsAction(JSON.stringify(theirs), opened)).toMatchObject({ ok: true });
    const count = (await db.select().from(schema.syncSettings)).length;
    const mine = { ...defaultSyncSettings, display: { ...defaultSyncSettings.display, hiddenGenres: ["GALA"] } };
    const r = await saveSyncSettingsAction(JSON.stringify(mine), opened);
    expect(r).toMatchObject({
      ok: false,
      message: expect.stringMatching(
        new RegExp(
          `^Version ${opened + 1} was saved by editor@example\\.com at .+, after you opened this page\\. Nothing was saved`,
        ),
      ),
      conflict: { version: String(opened + 1) },
    });
    expect((await db.select().from(schema.syncSettings)).length).toBe(count);
    for (const bad of [-1, 1.5, Number.NaN, "1" as unknown as number])
      expect(await saveSyncSettingsAction(JSON.stringify(mine), bad)).toMatchObject({ ok: false });
    expect((await db.select().from(schema.syncSettings)).length).toBe(count);
    expect(await saveSyncSettingsAction(JSON.stringify(mine), opened + 1)).toMatchObject({ ok: true });
    expect(await inForce()).toBe(opened + 2);
  });

  it("saving the settings in force again adds no version, so no other tab goes stale", async () => {
    const { saveSyncSettingsAction } = await import("@/lib/studio/actions/sync");
    const { getDb } = await import("@/lib/db");
    const { loadSyncSettings } = await import("@/lib/sync/settings");
    const opened = await loadSyncSettings(await getDb());
    const r = await saveSyncSettingsAction(JSON.stringify(opened.settings), opened.version);
    expect(r).toMatchObject({
      ok: true,
      message: `No changes to save: version ${opened.version} stays in force.`,
      data: { version: opened.version },
    });
    expect(await inForce()).toBe(opened.version);
  });

  it.each<unknown>([
    null,
    {},
    { constructor: { prototype: {} } },
    // Every section but one, each valid: parsing alone would fill the missing one with its defaults.
    Object.fromEntries(Object.entries(DEFAULT_SYNC_SETTINGS).filter(([section]) => section !== "display")),
  ])(
    "refuses %j, which is not the whole form, and saves nothing (the defaults would replace the editor's settings)",
    async (input) => {
      const { saveSyncSettingsAction } = await import("@/lib/studio/actions/sync");
      const { getDb, schema } = await import("@/lib/db");
      const db = await getDb();
      const before = (await db.select().from(schema.syncSettings)).length;
      const r = await saveSyncSettingsAction(JSON.stringify(input), await inForce());
      expect(r).toMatchObject({ ok: false });
      expect(Object.keys(errorsOf(r)).length).toBeGreaterThan(0);
      expect((await db.select().from(schema.syncSettings)).length).toBe(before);
    },
  );
});
