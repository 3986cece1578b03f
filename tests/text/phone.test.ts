import { describe, expect, it } from "vitest";
import { telHref } from "@/lib/text/phone";

describe("telHref", () => {
  it("keeps the plus and the digits, whatever separators the venue wrote", () => {
    expect(telHref("+1 403 555 0142")).toBe("tel:+14035550142");
    expect(telHref("+44 (0)20 7946-0018")).toBe("tel:+4402079460018");
    expect(telHref("020 7946 0018")).toBe("tel:02079460018");
  });
});
