import { actAs } from "./harness";
import { beforeEach, describe, expect, it } from "vitest";

/** The Gift Aid declaration's wording: the standard text until an editor words it, then theirs, with who and when. */
describe("Gift Aid wording", () => {
  // Each test starts with no wording saved, whatever ran before it.
  beforeEach(async () => {
    const { getDb, schema } = await import("@/lib/db");
    const { eq } = await import("drizzle-orm");
    const { GIFT_AID_WORDING_KEY } = await import("@/lib/checkout/gift-aid-wording");
    await (await getDb()).delete(schema.siteSettings).where(eq(schema.siteSettings.key, GIFT_AID_WORDING_KEY));
  });

  it("starts as the standard declaration naming the venue", async () => {
    const { loadGiftAidWording } = await import("@/lib/checkout/gift-aid-wording");
    const wording = await loadGiftAidWording("The Test House");
    expect(wording.changed).toBeNull();
    expect(wording.text).toContain("I want The Test House to treat this donation");
    expect(wording.text).toContain("UK taxpayer");
  });

  it("saves an editor's wording, records who, and refuses markup or a too-short text without saving", async () => {
    const { saveGiftAidWordingAction } = await import("@/lib/studio/actions/checkout");
    const { loadGiftAidWording } = await import("@/lib/checkout/gift-aid-wording");
    const form = (text: string) => {
      const f = new FormData();
      f.set("giftAidWording", text);
      return f;
    };
    await actAs("editor");
    const text =
      "I am a UK taxpayer and I want The Test House to treat all my donations as Gift Aid donations, please.";
    expect(await saveGiftAidWordingAction(undefined, form(text))).toMatchObject({ ok: true, message: /Saved/ });
    expect(await saveGiftAidWordingAction(undefined, form(text))).toMatchObject({
      ok: true,
      message: "Nothing changed.",
    });
    const saved = await loadGiftAidWording("The Test House");
    expect(saved).toMatchObject({ text, changed: { by: "editor@example.com" } });

    for (const bad of ["Too short.", `<script>alert(1)</script>${"x".repeat(100)}`, "x".repeat(1501)]) {
      const result = await saveGiftAidWordingAction(undefined, form(bad));
      expect(result).toMatchObject({ ok: false, fieldErrors: { giftAidWording: [expect.any(String)] } });
    }
    expect((await loadGiftAidWording("The Test House")).text).toBe(text);
  });
});
