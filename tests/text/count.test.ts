import { describe, expect, it } from "vitest";
import { countOf } from "@/lib/text/count";

describe("countOf", () => {
  it("writes the singular for one and the plural otherwise, zero included", () => {
    expect(countOf(1, "item")).toBe("1 item");
    expect(countOf(2, "item")).toBe("2 items");
    expect(countOf(0, "ticket")).toBe("0 tickets");
  });

  it("takes a plural that is not the word plus s", () => {
    expect(countOf(1, "match", "matches")).toBe("1 match");
    expect(countOf(3, "match", "matches")).toBe("3 matches");
  });
});
