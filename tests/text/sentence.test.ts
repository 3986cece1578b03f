import { describe, expect, it } from "vitest";
import { asSentence } from "@/lib/text/sentence";

describe("asSentence", () => {
  it.each([
    ["Removed 2 tickets for Tosca", "Removed 2 tickets for Tosca."],
    ["Removed 2 tickets for Who Knit Ya?", "Removed 2 tickets for Who Knit Ya?"],
    ["Removed a ticket for Oklahoma!", "Removed a ticket for Oklahoma!"],
    ["Removed a ticket for “What’s Next?”", "Removed a ticket for “What’s Next?”"],
    ["Removed a ticket for Waiting…", "Removed a ticket for Waiting…"],
    ["Removed a ticket for Tosca (in Italian)", "Removed a ticket for Tosca (in Italian)."],
    ["Removed a ticket for A.D. ", "Removed a ticket for A.D."],
  ])("%s", (input, expected) => {
    expect(asSentence(input)).toBe(expected);
  });
});
