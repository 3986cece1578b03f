import { actAs } from "./harness";
import { describe, expect, it } from "vitest";

/**
 * The sync-settings pickers' list when Spektrix is unreachable (the harness points it at a closed port): the
 * editor gets a plain-language reason, never a stack trace, and the form is left to work without the list.
 */
describe("the field list for sync-settings pickers", () => {
  it("says why it could not load when Spektrix is unreachable, instead of failing the page", async () => {
    await actAs("editor");
    const { spektrixFieldCatalogue } = await import("@/lib/studio/spektrix");
    const result = await spektrixFieldCatalogue();
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/could not reach Spektrix|longer than/) });

    const { GET } = await import("@/app/api/studio/sync/fields/route");
    const res = await GET(new Request("http://localhost/api/studio/sync/fields"), {});
    expect(res.status).toBe(502);
    expect(await res.json()).toMatchObject({ message: expect.stringMatching(/Spektrix/) });
  });
});
