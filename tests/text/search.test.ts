/** One rule for words typed into a search box, and one for matching them inside a column. */
import { describe, expect, it } from "vitest";
import { FOLD_FROM, FOLD_TO, foldText } from "@/lib/text/fold";
import { cleanSearchText, clipSearchText, containsPattern } from "@/lib/text/search";

describe("cleanSearchText", () => {
  it("turns control characters (a NUL byte) and angle brackets into spaces, then collapses and trims", () => {
    expect(cleanSearchText("a\u0000b")).toBe("a b");
    expect(cleanSearchText("  <script> tosca\t\n ")).toBe("script tosca");
    expect(cleanSearchText("\u0000")).toBe("");
  });

  it("drops what a broken escape in the address decodes to, rather than searching for a replacement character", () => {
    const q = new URLSearchParams("q=%E0%A4%A").get("q")!;
    expect(q).toContain("\ufffd");
    expect(cleanSearchText(q)).toBe("%A");
    expect(cleanSearchText(new URLSearchParams("q=tosca%E0").get("q")!)).toBe("tosca");
  });

  it("composes an accent typed as a separate mark into its letter", () => {
    expect(cleanSearchText("Jime\u0301nez")).toBe("Jim\u00e9nez");
    expect(cleanSearchText(cleanSearchText("Jime\u0301nez"))).toBe("Jim\u00e9nez");
  });
});

describe("clipSearchText", () => {
  it("cuts clean words to whole characters, without a trailing space, and leaves what it returns alone", () => {
    expect(clipSearchText(" <b>tosca</b> ", 80)).toBe("b tosca /b");
    expect(clipSearchText(`${"a".repeat(9)} b`, 10)).toBe("a".repeat(9));
    // 9 letters and an emoji: ten characters, eleven UTF-16 units; cut at 10 characters, the emoji stays whole.
    const emoji = `${"a".repeat(9)}🎭xyz`;
    expect(clipSearchText(emoji, 10)).toBe(`${"a".repeat(9)}🎭`);
    // A thumbs-up with its skin tone, or a family joined by zero-width joiners, is one character.
    expect(clipSearchText(`${"a".repeat(9)}👍🏽👍🏽`, 10)).toBe(`${"a".repeat(9)}👍🏽`);
    expect(clipSearchText(`${"a".repeat(9)}👨‍👩‍👧x`, 10)).toBe(`${"a".repeat(9)}👨‍👩‍👧`);
    for (const value of [emoji, "x".repeat(500), `${"é".repeat(79)} 🎭🎭`, `${"a".repeat(9)}👨‍👩‍👧x`]) {
      const once = clipSearchText(value, 10);
      expect(clipSearchText(once, 10)).toBe(once);
    }
  });
});

describe("containsPattern", () => {
  it("matches the words literally inside a column", () => {
    expect(containsPattern("50% off_now\\")).toBe("%50\\% off\\_now\\\\%");
  });
});

describe("studioSearchText", () => {
  it("is the same rule, cut to what the studio's search box takes, and nothing for a repeated or missing key", async () => {
    const { studioSearchText, STUDIO_SEARCH_MAX_LENGTH } = await import("@/lib/studio/events");
    expect(studioSearchText("\u0000 tosca ")).toBe("tosca");
    expect(studioSearchText("x".repeat(5_000))).toBe("x".repeat(STUDIO_SEARCH_MAX_LENGTH));
    // Cut at the limit, the words do not end in a space.
    expect(studioSearchText(`${"a".repeat(STUDIO_SEARCH_MAX_LENGTH - 1)} b`)).toBe(
      "a".repeat(STUDIO_SEARCH_MAX_LENGTH - 1),
    );
    expect(studioSearchText(["a", "b"])).toBe("");
    expect(studioSearchText(undefined)).toBe("");
  });
});

describe("the fold table containsWords reads both sides through", () => {
  const from = Array.from(FOLD_FROM);
  const to = Array.from(FOLD_TO);
  const map = new Map(from.map((c, i) => [c, to[i]]));

  it("maps each accented letter, in both cases, to one plain letter of the same case", () => {
    // Apostrophes and quotes, then the combining marks (U+0300–U+036F), come last, with nothing to map to: translate deletes
    // them.
    expect(from.slice(to.length)).toEqual([
      "'",
      "\u2018",
      "\u2019",
      "\u02bc",
      "\u2032",
      '"',
      "\u201c",
      "\u201d",
      ...Array.from({ length: 0x70 }, (_, i) => String.fromCharCode(0x300 + i)),
    ]);
    expect(new Set(from).size).toBe(from.length);
    expect(to.every((c) => /^[a-zA-Z0-9 ]$/.test(c))).toBe(true);
    expect(from.slice(0, to.length).every((c) => /^\P{M}$/u.test(c))).toBe(true);
    expect(["ö", "ř", "á", "ø", "ł", "É", "Ö", "Ł"].map((c) => map.get(c))).toEqual([
      "o",
      "r",
      "a",
      "o",
      "l",
      "E",
      "O",
      "L",
    ]);
    // Plain letters, figures and spaces are not in it: they stay themselves.
    expect(from.some((c) => /[a-zA-Z0-9 ]/.test(c))).toBe(false);
    // Every accented Latin letter is, not a hand-picked few: Romanian, Vietnamese, Pinyin.
    expect(["ș", "Ț", "ễ", "ǎ", "ṡ", "İ"].map((c) => map.get(c))).toEqual(["s", "T", "e", "a", "s", "I"]);
  });

  it("maps dashes to a space and small figures to figures, and deletes apostrophes and quotes", () => {
    expect(["-", "\u2013", "\u2014", "\u00b2"].map((c) => map.get(c))).toEqual([" ", " ", " ", "2"]);
    for (const mark of ["'", "\u2019", "\u2018", '"', "\u201c", "\u201d"]) {
      expect(map.has(mark), mark).toBe(true);
      expect(map.get(mark), mark).toBeUndefined();
    }
  });
});

describe("foldText, the same fold in memory (the studio's pickers)", () => {
  it("folds accents, a phone's punctuation and spaces, small figures and marks stored apart", () => {
    expect(foldText("  Bach’s Café –\tLive ")).toBe("bachs cafe live");
    expect(foldText("YEE-HAW! King's Point")).toBe("yee haw! kings point");
    expect(foldText("Dvořák ŁÓDŹ Cheng² Ștefan İstanbul")).toBe("dvorak lodz cheng2 stefan istanbul");
    expect(foldText("Tosca\u00a0Live")).toBe("tosca live");
    // A title pasted as NFD: the marks are deleted, as SQL's translate deletes them.
    expect(foldText("Cafe\u0301 S\u0326tefan")).toBe("cafe stefan");
  });

  it("agrees with the table character by character, deleting the combining marks", () => {
    const from = Array.from(FOLD_FROM);
    const to = Array.from(FOLD_TO);
    for (const [i, c] of from.entries()) {
      // Between two "#", which no mark composes with, so each character meets the table on its own.
      expect(foldText(`#${c}#`)).toBe(`#${(to[i] ?? "").toLowerCase()}#`.replace(/\s+/g, " "));
    }
  });
});
