/** Telling alike button names apart (lib/text/tell-apart.ts). */
import { describe, expect, it } from "vitest";
import { tellApart } from "@/lib/text/tell-apart";

describe("tellApart", () => {
  it("adds nothing to names that are already unique", () => {
    expect(tellApart(["Tosca", "Carmen"], () => ", Sat")).toEqual(["", ""]);
  });

  it("adds the first distinction to alike names only", () => {
    const when = ["Sat 7.30pm", "Sun 2.30pm", "Sat 7.30pm"];
    expect(tellApart(["Tosca", "Tosca", "Carmen"], (i) => `, ${when[i]}`)).toEqual([
      ", Sat 7.30pm",
      ", Sun 2.30pm",
      "",
    ]);
  });

  it("goes on to the next distinction for names the first did not separate", () => {
    const when = ["Sat", "Sat", "Sun"];
    const venue = ["Main House", "Studio", "Main House"];
    expect(
      tellApart(
        ["Tosca", "Tosca", "Tosca"],
        (i) => `, ${when[i]}`,
        (i) => ` at ${venue[i]}`,
      ),
    ).toEqual([", Sat at Main House", ", Sat at Studio", ", Sun"]);
  });

  it("numbers names still alike after every distinction, and skips a distinction a name lacks", () => {
    expect(
      tellApart(
        ["donation", "donation", "donation"],
        () => null,
        () => "",
      ),
    ).toEqual([" (1 of 3)", " (2 of 3)", " (3 of 3)"]);
    expect(tellApart(["a", "a", "b", "a"], (i) => (i === 0 ? " first" : null))).toEqual([
      " first",
      " (1 of 2)",
      "",
      " (2 of 2)",
    ]);
  });
});
