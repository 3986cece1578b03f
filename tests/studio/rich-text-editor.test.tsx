// @vitest-environment happy-dom
/**
 * The rich-text editor opens what its formatted view cannot show in the HTML source, so the first keystroke does
 * not flatten it: the sanitiser keeps tables and description lists, which the formatted view has no place for.
 */
import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { RichTextEditor } from "@/components/studio/rich-text-editor-client";

const open = (value: string) => {
  render(<RichTextEditor id="t" label="Text" value={value} onChange={() => undefined} />);
  return screen.getByRole("checkbox", { name: "Edit HTML" }) as HTMLInputElement;
};

describe("RichTextEditor", () => {
  it.each([
    ["a table", "<table><tr><th>Adults</th><td>$20</td></tr></table>"],
    ["a description list", "<dl><dt>Running time</dt><dd>2 hours</dd></dl>"],
    ["superscript", "<p>E=mc<sup>2</sup></p>"],
  ])("opens %s in the HTML source", (_, value) => {
    expect(open(value).checked).toBe(true);
    expect((screen.getByRole("textbox") as HTMLTextAreaElement).value).toBe(value);
  });

  it("opens paragraphs, links and lists in the formatted view", () => {
    expect(open('<p>See <a href="/whats-on">what’s on</a>.</p><ul><li>One</li></ul>').checked).toBe(false);
  });
});
