import { describe, expect, it } from "vitest";
import { CARD_CHECKS_JS } from "../../emulator/browser/scripts";
import { TEST_CARDS } from "../../emulator/index";

// The checks the card form stand-in runs in the browser, evaluated from the very source it ships.
type Fields = { cardNumber?: string; expiry?: string; cvc?: string; nameOnCard?: string };
const { spxCardProblems, spxLuhn } = new Function(`${CARD_CHECKS_JS}; return { spxCardProblems, spxLuhn };`)() as {
  spxCardProblems: (fields: Fields, today: { year: number; month: number }) => Record<string, string>;
  spxLuhn: (digits: string) => boolean;
};

/** A fixed "today" on the processor's clock: nothing here reads the machine's date. */
const TODAY = { year: 2026, month: 11 };
const VALID = { cardNumber: TEST_CARDS.success, expiry: "08/29", cvc: "123", nameOnCard: "Morgan Member" };
const problems = (change: Fields) => spxCardProblems({ ...VALID, ...change }, TODAY);

describe("card form checks", () => {
  it("passes a complete, valid card", () => {
    expect(problems({})).toEqual({});
  });

  it("every documented test card passes Luhn, so none needs an exception", () => {
    for (const card of Object.values(TEST_CARDS)) {
      expect(spxLuhn(card), card).toBe(true);
      expect(problems({ cardNumber: card }), card).toEqual({});
    }
  });

  it("names every empty field", () => {
    expect(spxCardProblems({ cardNumber: "", expiry: "", cvc: "", nameOnCard: "  " }, TODAY)).toEqual({
      cardNumber: "Enter the card number.",
      expiry: "Enter the expiry date.",
      cvc: "Enter the security code.",
      nameOnCard: "Enter the name on the card.",
    });
  });

  it.each([
    ["4111 1111 1111 1112", "a Luhn failure"],
    ["4111-1111-1111-111a", "a letter"],
    ["41111111111", "too short"],
    ["41111111111111111111", "too long"],
  ])("refuses the card number %s (%s)", (cardNumber) => {
    expect(problems({ cardNumber })).toEqual({ cardNumber: "Enter a valid card number." });
  });

  it("accepts card numbers written in groups", () => {
    expect(problems({ cardNumber: "4111 1111 1111 1111" })).toEqual({});
    expect(problems({ cardNumber: "4111-1111-1111-1111" })).toEqual({});
  });

  it("judges expiry by the month of the clock it is given", () => {
    expect(problems({ expiry: "11/26" })).toEqual({}); // good until the end of this month
    expect(problems({ expiry: "1126" })).toEqual({});
    expect(problems({ expiry: "01/27" })).toEqual({});
    expect(problems({ expiry: "10/26" })).toEqual({ expiry: "This card has expired." });
    expect(problems({ expiry: "12/25" })).toEqual({ expiry: "This card has expired." });
    // The same card on another clock: the answer follows the clock, not the machine running the test.
    expect(spxCardProblems({ ...VALID, expiry: "11/26" }, { year: 2026, month: 12 })).toEqual({
      expiry: "This card has expired.",
    });
  });

  it.each(["13/29", "00/29", "8/29", "08/2029", "ab/cd"])("refuses the expiry %s as not MM/YY", (expiry) => {
    expect(problems({ expiry })).toEqual({ expiry: "Enter the expiry date as MM/YY." });
  });

  it("takes a 3 or 4 digit security code only", () => {
    expect(problems({ cvc: "1234" })).toEqual({});
    for (const cvc of ["12", "12345", "12a"])
      expect(problems({ cvc }), cvc).toEqual({ cvc: "Enter the 3 or 4 digit security code." });
  });

  it("asks for a name only when the form has the field", () => {
    const { nameOnCard: _, ...withoutName } = VALID;
    expect(spxCardProblems(withoutName, TODAY)).toEqual({});
  });
});
