import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../emulator/index";
import { owner, start, WebClient } from "./helpers";

/** Contact preferences: `GET statements` in both modes, agreed statements on the owner customer record. */
let emu: RunningEmulator;
beforeAll(async () => {
  emu = await start();
});
afterAll(() => emu.stop());
beforeEach(() => emu.reset());

const statements = async (): Promise<{ id: string; name: string; text: string }[]> =>
  (await owner(emu, "GET", "statements")).json();

describe("statements", () => {
  it("lists the same statements in owner and web mode", async () => {
    const list = await statements();
    expect(list.map((s) => s.name)).toEqual(["E-mail newsletter", "Season brochure by post", "Partner offers"]);
    for (const s of list) expect(s.id).toMatch(/^\d+A[A-Z]+$/);
    expect(await new WebClient(emu).json("GET", "statements")).toEqual(list);
  });

  it("POST customers takes AgreedStatements and the owner record returns them", async () => {
    const [email, post] = await statements();
    const res = await owner(emu, "POST", "customers", {
      email: "fan@example.com",
      firstName: "",
      lastName: "",
      AgreedStatements: [email!.id, post!.id, email!.id],
    });
    expect(res.status).toBe(200);
    const created = await res.json();
    expect(created.agreedStatements).toEqual([{ id: email!.id }, { id: post!.id }]);
    const found = await (await owner(emu, "GET", "customers?email=fan@example.com")).json();
    expect(found.agreedStatements).toEqual([{ id: email!.id }, { id: post!.id }]);
    expect(found.id).toBe(created.id);
  });

  it("a duplicate e-mail is 400 Duplicate Entry, whatever the case, and changes nothing", async () => {
    const [email] = await statements();
    const res = await owner(emu, "POST", "customers", {
      email: "GUEST@example.com",
      firstName: "Someone",
      lastName: "Else",
      AgreedStatements: [email!.id],
    });
    expect(res.status).toBe(400);
    expect((await res.json()).message).toBe("Duplicate Entry");
    const guest = await (await owner(emu, "GET", "customers?email=guest@example.com")).json();
    expect(guest.agreedStatements).toEqual([]);
    expect(guest.firstName).not.toBe("Someone");
  });

  it("agreed-statements only adds, and refuses unknown ids whole", async () => {
    const [email, post, partners] = await statements();
    const guest = await (await owner(emu, "GET", "customers?email=guest@example.com")).json();
    const path = `customers/${guest.id}/agreed-statements`;
    expect(await (await owner(emu, "POST", path, [{ id: email!.id }])).json()).toEqual([{ id: email!.id }]);
    expect(await (await owner(emu, "POST", path, [{ id: post!.id }, { id: email!.id }])).json()).toEqual([
      { id: email!.id },
      { id: post!.id },
    ]);
    const bad = await owner(emu, "POST", path, [{ id: partners!.id }, { id: "999ANOSUCHSTATEMENT" }]);
    expect(bad.status).toBe(400);
    const after = await (await owner(emu, "GET", `customers/${guest.id}`)).json();
    expect(after.agreedStatements).toEqual([{ id: email!.id }, { id: post!.id }]);
    expect((await owner(emu, "POST", path, [])).status).toBe(400);
    expect((await owner(emu, "POST", "customers/I-XXXX-XXXX/agreed-statements", [{ id: email!.id }])).status).toBe(404);
  });

  it("an unknown statement on POST customers creates nobody", async () => {
    const res = await owner(emu, "POST", "customers", {
      email: "nobody-yet@example.com",
      AgreedStatements: ["999ANOSUCHSTATEMENT"],
    });
    expect(res.status).toBe(400);
    expect((await owner(emu, "GET", "customers?email=nobody-yet@example.com")).status).toBe(404);
  });

  it("agreed-statements needs a signature", async () => {
    const web = new WebClient(emu);
    const guest = await (await owner(emu, "GET", "customers?email=guest@example.com")).json();
    expect((await web.call("POST", `customers/${guest.id}/agreed-statements`, [])).status).toBe(401);
  });
});
