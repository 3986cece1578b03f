import { describe, expect, it } from "vitest";
import { BLOCK_PICKERS, blockRefs, emptyBlock, parsePage } from "@/lib/studio/blocks";

const page = (block: Record<string, unknown>) => ({ slug: "news", title: "News", blocks: [block] });
const ref = (id: string) => ({ id, label: `Statement ${id}` });

describe("the newsletter block", () => {
  it("starts with no statements picked (every one is offered) and says what visitors can do", () => {
    expect(emptyBlock("newsletter")).toEqual({ type: "newsletter", statements: [], heading: "", intro: "" });
    expect(BLOCK_PICKERS.newsletter).toMatchObject({ kind: "statement", many: true });
    expect(BLOCK_PICKERS.newsletter!.help).toMatch(/tick the contact preferences/);
    const parsed = parsePage(page(emptyBlock("newsletter")));
    expect(parsed.ok && parsed.page.blocks[0]).toEqual({
      type: "newsletter",
      statements: [],
      heading: null,
      intro: null,
    });
  });

  it("keeps picked statements in order and lists each for the existence check", () => {
    const parsed = parsePage(
      page({ type: "newsletter", statements: [ref("101AB"), ref("102AB")], heading: "Stay in touch" }),
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(blockRefs(parsed.page.blocks).map((r) => [r.index, r.kind, r.ref.id])).toEqual([
      [0, "statement", "101AB"],
      [0, "statement", "102AB"],
    ]);
  });

  it("refuses a statement twice, too many, or an id that is not one", () => {
    for (const statements of [
      [ref("101AB"), ref("101AB")],
      Array.from({ length: 11 }, (_, i) => ref(`${i + 1}AB`)),
      [ref("../customers")],
    ]) {
      const parsed = parsePage(page({ type: "newsletter", statements }));
      expect(parsed.ok).toBe(false);
      if (!parsed.ok)
        expect(Object.keys(parsed.fieldErrors).some((k) => k.startsWith("blocks.0.statements"))).toBe(true);
    }
  });
});
