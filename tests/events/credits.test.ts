import { describe, expect, it } from "vitest";
import { creditsForSearch, parseCredit, parseCredits } from "@/lib/events/credits";
import { eventEditSchema } from "@/lib/studio/events";

describe("cast and creative credits", () => {
  it("read 'Role: Name', or a name alone, whatever the spacing", () => {
    expect(parseCredit("Director: Jane Smith")).toEqual({ role: "Director", name: "Jane Smith" });
    expect(parseCredit("  Lighting   design :  Sam  Lee ")).toEqual({ role: "Lighting design", name: "Sam Lee" });
    expect(parseCredit("Riya Patel")).toEqual({ role: null, name: "Riya Patel" });
    expect(parseCredit("Narrator:")).toEqual({ role: null, name: "Narrator" });
    expect(parseCredit("   ")).toBeNull();
    expect(parseCredits(null)).toEqual([]);
  });

  it("give search engines directors and performers, and leave the rest of the team out", () => {
    const credits = parseCredits(["Director: Jane Smith", "Lighting: Sam Lee", "Riya Patel", "Cast: Tom Ode"]);
    expect(creditsForSearch(credits)).toEqual({ directors: ["Jane Smith"], performers: ["Riya Patel", "Tom Ode"] });
  });

  it("are edited one per line in the studio, with a trailer that must be https", () => {
    const { credits, trailerUrl } = eventEditSchema.shape;
    expect(credits.parse("Director: Jane Smith\n\n  Riya Patel \n")).toEqual(["Director: Jane Smith", "Riya Patel"]);
    expect(credits.parse("")).toBeNull();
    expect(trailerUrl.parse("")).toBeNull();
    expect(trailerUrl.safeParse("http://video.example/t").success).toBe(false);
    expect(trailerUrl.parse("https://video.example/t")).toBe("https://video.example/t");
  });
});
