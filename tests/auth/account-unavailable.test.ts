/**
 * The account and members' pages cannot do without the customer's record. When Spektrix does not give it, they
 * show a page that says so (components/account/account-unavailable.tsx) instead of a 500 with an empty body; a
 * fault of the site's own still reaches the error boundary.
 */
import { describe, expect, it } from "vitest";
import { unlessSpektrixFails } from "@/lib/auth/account-view";
import { SpektrixHttpError, SpektrixSchemaError, SpektrixTimeoutError } from "@/lib/spektrix";

const request = { method: "GET", path: "customers/{id}" };

describe("reading the customer's record for a signed-in page", () => {
  it("passes the record through", async () => {
    expect(await unlessSpektrixFails(async () => ({ id: "I-1" }), "account")).toEqual({ id: "I-1" });
  });

  it.each([
    [
      "a 503",
      () => new SpektrixHttpError({ status: 503, code: null, message: "Service Unavailable", problems: [], request }),
    ],
    ["a timeout", () => new SpektrixTimeoutError(request, 8_000)],
    ["a garbled answer", () => new SpektrixSchemaError("GET customers/{id}", [])],
  ])("answers 'unavailable' for %s", async (_name, make) => {
    expect(
      await unlessSpektrixFails(async () => {
        throw make();
      }, "account"),
    ).toBe("unavailable");
  });

  it("lets the site's own faults through to the error boundary", async () => {
    await expect(
      unlessSpektrixFails(async () => {
        throw new TypeError("a bug");
      }, "members"),
    ).rejects.toThrow("a bug");
  });
});
