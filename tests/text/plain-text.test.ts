/** The one plain-text rule (lib/text/plain-text.ts), and the stricter one for names from a public form. */
import { describe, expect, it } from "vitest";
import { personName, plainText } from "@/lib/text/plain-text";

describe("plainText", () => {
  it("takes mixed-direction text as editors and phones write it: isolates, embeddings, marks, emoji", () => {
    for (const text of ["שלום \u2068Tosca\u2069", "\u202Bعمر\u202C at 7pm", "Zoë\u200F", "Jazz 🎷 night"])
      expect(plainText(200).safeParse(text).success, JSON.stringify(text)).toBe(true);
  });

  it("refuses markup and control characters, naming the field when told its label", () => {
    expect(plainText(200).safeParse("<b>x</b>").error?.issues[0]?.message).toMatch(/plain text/);
    expect(plainText(200, { label: "Title" }).safeParse("a\u0007b").error?.issues[0]?.message).toBe(
      "Title contains control characters",
    );
  });
});

describe("line breaks", () => {
  // The studio's text fields (an event's summary among them) are this rule.
  it("are stored as \\n however the browser sent them, so an unchanged textarea saves as unchanged", () => {
    expect(plainText(100).parse("One\r\nTwo\rThree\nFour")).toBe("One\nTwo\nThree\nFour");
    // Counted as stored: a browser's CRLF does not make a field that fits too long.
    expect(plainText(9).safeParse("1234\r\n5678").success).toBe(true);
  });
});

describe("personName", () => {
  it("also refuses a reordering override and half a character", () => {
    for (const name of ["Ann\u202Eeb", "Ann\u202D", "Ann\uD800"])
      expect(personName(100, "First name").safeParse(name).success, JSON.stringify(name)).toBe(false);
    expect(personName(100, "First name").safeParse("شيماء \u2068Ann\u2069").success).toBe(true);
  });
});
