/** One rule for words typed into a search box, and one for matching them inside a column. */
import { describe, expect, it } from "vitest";
import { cleanSearchText, containsPattern } from "@/lib/text/search";

describe("cleanSearchText", () => {
  it("turns control characters (a NUL byte) and angle brackets into spaces, then collapses and trims", () => {
    expect(cleanSearchText("a\u0000b")).toBe("a b");
    expect(cleanSearchText("  <script> tosca\t\n ")).toBe("script tosca");
    expect(cleanSearchText("\u0000")).toBe("");
  });
});

describe("containsPattern", () => {
  it("matches the words literally inside a column", () => {
    expect(containsPattern("50% off_now\\")).toBe("%50\\% off\\_now\\\\%");
  });
});
