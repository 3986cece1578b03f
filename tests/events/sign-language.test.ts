/** An interpreted performance is labelled with the venue's own national sign language, from its locale. */
import { describe, expect, it, vi } from "vitest";
import { signLanguageOf } from "@/lib/events/filters";

describe("signLanguageOf", () => {
  it.each([
    ["en-CA", "ASL"],
    ["fr-CA", "LSQ"],
    ["en-US", "ASL"],
    ["en", "ASL"], // "en" on its own is American English
    ["en-GB", "BSL"],
    ["cy-GB", "BSL"],
    ["en-AU", "Auslan"],
    ["en-NZ", "NZSL"],
    ["en-IE", "ISL"],
    ["de-DE", "BSL"],
    ["not a locale", "BSL"],
  ])("%s → %s", (locale, expected) => {
    expect(signLanguageOf(locale)).toBe(expected);
  });
});

// The metadata module reads the cached facets (server-only) for a chosen venue's name; this test chooses none.
vi.mock("server-only", () => ({}));

describe("what's on's description", () => {
  it("names the site's own sign language, as the labels do", async () => {
    const { whatsOnMetadata } = await import("@/app/(site)/whats-on/metadata");
    const { ACCESS_LABELS, SIGN_LANGUAGE } = await import("@/lib/events/filters");
    const description = String((await whatsOnMetadata({})).description);
    expect(description).toContain(ACCESS_LABELS.bsl);
    if (SIGN_LANGUAGE !== "BSL") expect(description).not.toMatch(/\bBSL\b/);
  });
});
